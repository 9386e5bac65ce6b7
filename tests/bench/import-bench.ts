/**
 * Import throughput: the product's `importIndividuals` (JSON parse, zod validation, eligibility evaluation, upsert,
 * one audit event) against raw better-sqlite3 inserts of the same rows into the same tables on another fresh store.
 * The baseline gets pre-parsed records and does no validation and no eligibility evaluation (its eligibility columns
 * hold placeholders); both go through the same schema, indexes, FTS triggers and pragmas (WAL, synchronous=FULL).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { IndividualRecord } from '../../src-main/contract';
import { importIndividuals } from '../../src-main/backend/services/import/import-individuals';
import { UNRANKED_BASE } from '../../src-main/backend/store/name-order';
import { openStore, type Store } from '../../src-main/backend/store/open-store';
import { type MemoryPeak, round, RssSampler, timed } from './measure';

export interface ImportRun {
  rows: number;
  /** Registration and disqualification rows written alongside the individuals. */
  childRows: number;
  seconds: number;
  /** Process CPU seconds of the same run (see `timed`). */
  cpuSeconds: number;
  rowsPerSecond: number;
  memory: MemoryPeak;
}

export interface ImportResult {
  /** The fastest of `runs` runs of each (see `seconds` for all of them). */
  ours: ImportRun;
  baseline: ImportRun;
  seconds: { ours: number[]; baseline: number[] };
  cpuSeconds: { ours: number[]; baseline: number[] };
  /** ours rows/s ÷ baseline rows/s (1 = as fast as raw inserts). */
  ratio: number;
  /** The same ratio in CPU time (best CPU time of each): less sensitive to other processes' load. */
  cpuRatio: number;
  baselineNote: string;
}

export const BASELINE_NOTE =
  'baseline = raw prepared INSERTs of pre-parsed records in one transaction, same tables/indexes/FTS triggers; no JSON parsing, no validation, no eligibility evaluation, name ranks written provisional (not placed in name order, so the name-ordered search index stays empty: ours does that work too)';

const SAMPLE_EVERY = 5_000;

export interface ImportContext {
  root: string;
  lines: readonly string[];
  records: readonly IndividualRecord[];
  asOf: string;
  now: Date;
  stationId: string;
  runs: number;
}

/**
 * Runs each import `runs` times on fresh stores in ABBA order (ours, raw, raw, ours, …) and keeps the fastest of
 * each, so a burst of load from another process on a small machine does not decide the ratio. The first store
 * ours imported stays open and is returned for the search benchmark.
 */
export async function benchImport(ctx: ImportContext, log: (message: string) => void): Promise<{ result: ImportResult; store: Store; dir: string }> {
  const ours: ImportRun[] = [];
  const baseline: ImportRun[] = [];
  let kept: { store: Store; dir: string } | null = null;
  for (let pass = 0; pass < ctx.runs; pass++) {
    for (const which of pass % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
      const dir = join(ctx.root, `import-${which}-${pass}`);
      const store = await openStore(dir);
      if (which === 'ours') {
        log(`import run ${pass + 1}/${ctx.runs}: importIndividuals on a fresh store`);
        ours.push(await benchImportOurs(store, ctx.lines, ctx));
      } else {
        log(`import run ${pass + 1}/${ctx.runs}: raw better-sqlite3 inserts on a fresh store`);
        baseline.push(await benchImportBaseline(store, ctx.records, ctx.asOf, ctx.now.toISOString()));
      }
      if (which === 'ours' && !kept) {
        kept = { store, dir };
        continue;
      }
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!kept) throw new Error('benchImport needs at least one run');
  const best = (list: ImportRun[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const bestCpu = (list: ImportRun[]) => Math.min(...list.map((r) => r.cpuSeconds));
  const result: ImportResult = {
    ours: best(ours),
    baseline: best(baseline),
    seconds: { ours: ours.map((r) => r.seconds), baseline: baseline.map((r) => r.seconds) },
    cpuSeconds: { ours: ours.map((r) => r.cpuSeconds), baseline: baseline.map((r) => r.cpuSeconds) },
    ratio: round(best(ours).rowsPerSecond / best(baseline).rowsPerSecond, 3),
    cpuRatio: round(bestCpu(baseline) / bestCpu(ours), 3),
    baselineNote: BASELINE_NOTE,
  };
  return { result, ...kept };
}

export async function benchImportOurs(
  store: Store,
  lines: readonly string[],
  options: { asOf: string; now: Date; stationId: string },
): Promise<ImportRun> {
  const sampler = new RssSampler().start();
  const { value: report, ms, cpuMs } = await timed(() =>
    importIndividuals(store.db, lines, { ...options, staffId: null, source: 'bench', onProgress: () => sampler.sample() }),
  );
  const memory = sampler.stop();
  if (!report.ok) throw new Error(`importIndividuals refused the generated data: ${JSON.stringify(report.problems.slice(0, 5))}`);
  if (report.inserted !== lines.length) throw new Error(`importIndividuals inserted ${report.inserted} of ${lines.length} rows`);
  return run(report.inserted, childRows(store.db), ms, cpuMs, memory);
}

export async function benchImportBaseline(store: Store, records: readonly IndividualRecord[], asOf: string, updatedAt: string): Promise<ImportRun> {
  const db = store.db;
  const insertIndividual = db.prepare(
    `INSERT INTO individual (crd, first_name, last_name, date_of_birth, email, phone, street, city, state, zip, country,
                             finpro_last_login, firm_domains, updated_at, name_rank)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRegistration = db.prepare(
    `INSERT INTO registration (individual_id, position, category, series, level, start_date, termination_date,
                               termination_type, eligible, reason, enroll_window, enroll_by, reregister_by, evaluated_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'not-evaluated', NULL, NULL, NULL, ?)`,
  );
  const insertDisqualification = db.prepare(`INSERT INTO disqualification (individual_id, kind, date) VALUES (?, ?, ?)`);

  const sampler = new RssSampler().start();
  const { ms, cpuMs } = await timed(() => {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let n = 0; n < records.length; n++) {
        const r = records[n];
        const id = insertIndividual.run(
          r.crd, r.firstName, r.lastName, r.dateOfBirth ?? null, r.email, r.phone ?? null, r.address.street, r.address.city,
          r.address.state, r.address.zip, r.address.country, r.finproLastLogin ?? null, JSON.stringify(r.firmDomains), updatedAt,
          UNRANKED_BASE + n,
        ).lastInsertRowid;
        for (let i = 0; i < r.registrations.length; i++) {
          const reg = r.registrations[i];
          insertRegistration.run(id, i, reg.category, reg.series ?? null, reg.level, reg.startDate, reg.terminationDate ?? null, reg.terminationType ?? null, asOf);
        }
        for (const d of r.disqualifications) insertDisqualification.run(id, d.kind, d.date);
        if (n % SAMPLE_EVERY === 0) sampler.sample();
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  });
  return run(records.length, childRows(db), ms, cpuMs, sampler.stop());
}

function run(rows: number, children: number, ms: number, cpuMs: number, memory: MemoryPeak): ImportRun {
  return { rows, childRows: children, seconds: round(ms / 1000, 3), cpuSeconds: round(cpuMs / 1000, 3), rowsPerSecond: Math.round(rows / (ms / 1000)), memory };
}

function childRows(db: BetterSqlite3.Database): number {
  return (db.prepare(`SELECT (SELECT count(*) FROM registration) + (SELECT count(*) FROM disqualification)`).pluck().get() as number) ?? 0;
}
