/**
 * The audit stream as JSON lines: one event per line with its chain hashes, for exports a regulator can re-verify
 * without the app (`mqp audit verify --file`). A range export starts at some event: its first prevHash anchors the
 * slice, and every later line must link to the line before it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, startOfDayInNewYork } from '../domain/dates';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, type ChainedFields } from './audit-hash';
import { verifyEvents, type ChainReport } from './verify-chain';

type Row = ChainedFields & { hash: string };

/** Lines of the events whose `at` falls in [from, to]: New York calendar days, both included; either may be null. */
export function* auditJsonLines(db: BetterSqlite3.Database, from: string | null, to: string | null): Generator<string> {
  const rows = db
    .prepare(
      `SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId, details,
              prev_hash AS prevHash, hash
       FROM audit_event WHERE (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) ORDER BY seq`,
    )
    .iterate(...bound(from), ...bound(to ? addDays(to, 1) : null)) as IterableIterator<Row>;
  for (const r of rows) yield canonicalJson({ ...r, details: JSON.parse(r.details) as unknown });
}

function bound(date: string | null): [string | null, string | null] {
  const at = date ? startOfDayInNewYork(date).toISOString() : null;
  return [at, at];
}

export interface FileReport extends ChainReport {
  /** The line of the first broken event (1-based), when one is broken. */
  line: number | null;
  /** The prevHash the first line links to: genesis for a full export, else the event before the range. */
  anchor: { seq: number; prevHash: string; genesis: boolean } | null;
}

/** Verifies exported lines. A malformed line is reported as broken at that line. */
export function verifyJsonLines(lines: string[]): FileReport {
  const events: Row[] = [];
  for (const [i, text] of lines.entries()) {
    if (text.trim() === '') continue;
    try {
      const e = JSON.parse(text) as Row & { details: unknown };
      events.push({ ...e, details: canonicalJson(e.details) });
    } catch {
      return { ok: false, checked: events.length, firstBroken: { seq: -1, problem: 'the line is not valid JSON' }, line: i + 1, anchor: null };
    }
  }
  const lineOfIndex = lines.map((l, i) => (l.trim() === '' ? -1 : i + 1)).filter((n) => n > 0);
  if (events.length === 0) return { ok: false, checked: 0, firstBroken: { seq: -1, problem: 'the file holds no events' }, line: null, anchor: null };
  const first = events[0];
  const report = verifyEvents(events, undefined, { seq: first.seq, prevHash: first.prevHash });
  const brokenIndex = report.firstBroken ? events.findIndex((e) => e.seq === report.firstBroken!.seq) : -1;
  return {
    ...report,
    line: report.firstBroken ? lineOfIndex[brokenIndex >= 0 ? brokenIndex : report.checked] ?? null : null,
    anchor: { seq: first.seq, prevHash: first.prevHash, genesis: first.seq === 1 && first.prevHash === GENESIS_HASH },
  };
}
