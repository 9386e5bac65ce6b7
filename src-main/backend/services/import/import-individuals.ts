/**
 * Imports individuals from JSON lines (the `mqp demo-data` shape): validated, atomic (one bad line → nothing is
 * imported, and the report names every bad line and field), idempotent on CRD (a re-import updates the person and
 * replaces their registrations). A hot path: raw prepared statements on the shared connection, in one transaction;
 * new rows are indexed for search and given their review-workspace rows in bulk at the end, not row by row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { individualRecord, type IndividualRecord } from '../../../contract';
import { appendAuditEvent } from '../../audit/append-audit-event';
import { evaluateEligibility } from '../../domain';
import { individualWriter } from '../../store/individual-writer';
import { placeUnranked, UNRANKED_BASE } from '../../store/name-order';
import { deferWorkspaceRows } from '../workspace/bulk-workspace-rows';
import { SeenCrds } from './seen-crds';

export interface ImportProblem {
  line: number;
  field: string;
  problem: string;
}

export interface ImportReport {
  ok: boolean;
  lines: number;
  inserted: number;
  updated: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  asOf: string;
  now: Date;
  stationId: string;
  staffId: number | null;
  /** Named in the audit event (a file name, "demo-data", …). */
  source: string;
  onProgress?: (done: number) => void;
  /** How many problems to collect before giving up on reading further. */
  maxProblems?: number;
}

const MAX_LINE_CHARS = 1_000_000;
const PROGRESS_EVERY = 10_000;

export async function importIndividuals(
  db: BetterSqlite3.Database,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions,
): Promise<ImportReport> {
  const maxProblems = options.maxProblems ?? 100;
  const problems: ImportProblem[] = [];
  const seen = new SeenCrds();
  const writer = individualWriter(db, options.now.toISOString());
  let lineNo = 0;
  let records = 0;
  let inserted = 0;
  let updated = 0;

  db.exec('BEGIN IMMEDIATE');
  try {
    const ftsBulk = deferFtsInserts(db);
    const workspaceBulk = deferWorkspaceRows(db);
    for await (let text of lines) {
      lineNo += 1;
      if (lineNo === 1) text = text.replace(/^\uFEFF/, ''); // a BOM written by Excel & co.
      if (text.trim() === '') continue;
      const record = parseLine(text, lineNo, problems);
      if (record) {
        if (!seen.add(record.crd)) {
          problems.push({ line: lineNo, field: 'crd', problem: `CRD ${record.crd} appears more than once in this file` });
        } else {
          records += 1;
          // Once the file is known to be bad, keep validating (for the report) but stop writing.
          if (problems.length === 0) {
            const eligibility = evaluateEligibility(record, options.asOf);
            if (writer.upsert(record, eligibility, options.asOf) === 'inserted') inserted += 1;
            else updated += 1;
          }
        }
      }
      if (problems.length >= maxProblems) break;
      if (lineNo % PROGRESS_EVERY === 0) options.onProgress?.(lineNo);
    }
    if (lineNo === 0 || (records === 0 && problems.length === 0)) {
      problems.push({ line: 0, field: 'file', problem: 'the file holds no records' });
    }
    if (problems.length > 0) {
      db.exec('ROLLBACK');
      return { ok: false, lines: lineNo, inserted: 0, updated: 0, problems };
    }
    workspaceBulk.finish();
    ftsBulk.finish();
    appendAuditEvent(
      db,
      { staffId: options.staffId, action: 'individuals.imported', entity: 'individual', details: { source: options.source, records, inserted, updated } },
      options.now,
      options.stationId,
    );
    db.exec('COMMIT');
    options.onProgress?.(lineNo);
    return { ok: true, lines: lineNo, inserted, updated, problems };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function parseLine(text: string, line: number, problems: ImportProblem[]): IndividualRecord | null {
  if (text.length > MAX_LINE_CHARS) {
    problems.push({ line, field: 'line', problem: `the line is ${text.length} characters long; at most ${MAX_LINE_CHARS} are allowed` });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push({ line, field: 'line', problem: `not valid JSON (${(error as Error).message})` });
    return null;
  }
  const parsed = individualRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ line, field: issue.path.length ? issue.path.join('.') : 'record', problem: issue.message });
  }
  return null;
}

/**
 * New individuals are indexed for search in one INSERT … SELECT at the end instead of by the per-row triggers
 * (measured: ~2 s of an 8 s import of 100,000). The name-ordered index takes only ranked people, and the new ones
 * are ranked (placed in name order) at the end, in bulk. Triggers dropped here are re-created inside the import's
 * transaction, so a rollback or a crash restores them together with everything else. Updates keep their triggers.
 */
/** From this many new people on, an import merges the search indexes' segments at its end. */
const OPTIMIZE_AFTER = 50_000;

function deferFtsInserts(db: BetterSqlite3.Database) {
  const triggerSql = (name: string) => db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string;
  const insert = triggerSql('individual_fts_insert');
  const lastIdBefore = db.prepare(`SELECT coalesce(max(id), 0) FROM individual`).pluck().get() as number;
  db.exec('DROP TRIGGER individual_fts_insert');
  return {
    finish() {
      db.prepare(
        `INSERT INTO individual_fts(rowid, crd, first_name, last_name, email) SELECT id, crd, first_name, last_name, email FROM individual WHERE id > ?`,
      ).run(lastIdBefore);
      db.exec(insert);
      // Everyone provisional is placed with the name-ordered index's update trigger off, then added to it in rank
      // order (FTS5 flushes its buffer at every step back): the new people, and any left unplaced by earlier batches.
      const update = triggerSql('individual_name_fts_update');
      const earlier = JSON.stringify(db.prepare(`SELECT id FROM individual WHERE name_rank >= ? AND id <= ?`).pluck().all(UNRANKED_BASE, lastIdBefore));
      db.exec('DROP TRIGGER individual_name_fts_update');
      placeUnranked(db, 'bulk');
      db.exec(update);
      db.prepare(
        `INSERT INTO individual_name_fts(rowid, crd, first_name, last_name, email) SELECT name_rank, crd, first_name, last_name, email
         FROM individual WHERE (id > ? OR id IN (SELECT value FROM json_each(?))) AND name_rank < ? ORDER BY name_rank`,
      ).run(lastIdBefore, earlier, UNRANKED_BASE);
      // A large import leaves each index in dozens of segments that every query merges: one merge pass makes the
      // full-text workspace pages' p99 11 ms instead of 16 at 1M (measured), for ~5 s at the end of that import.
      const added = db.prepare(`SELECT count(*) FROM individual WHERE id > ?`).pluck().get(lastIdBefore) as number;
      if (added >= OPTIMIZE_AFTER) db.exec(`INSERT INTO individual_fts(individual_fts) VALUES ('optimize'); INSERT INTO individual_name_fts(individual_name_fts) VALUES ('optimize')`);
    },
  };
}
