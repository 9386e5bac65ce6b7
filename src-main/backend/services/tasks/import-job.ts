/**
 * What the import worker does, apart from the thread plumbing: check the whole uploaded file (nothing is locked or
 * written while a bad file is being reported), then write it with `importIndividuals` — the same code as
 * `mqp import`, so stored eligibility, the search index and the audit event come out the same — on the worker's
 * own connection, in one transaction: all or nothing. In WAL mode the backend's connection keeps reading (searches
 * answer) meanwhile; its writes wait for this transaction (busy_timeout).
 */
import Database from 'better-sqlite3';
import { checkImportFile, ImportCancelled, importLines, type ImportFileFormat } from '../import/check-import-file';
import { importIndividuals, type ImportProblem } from '../import/import-individuals';

export interface ImportJob {
  databaseFile: string;
  file: string;
  format: ImportFileFormat;
  fileName: string;
  asOf: string;
  nowIso: string;
  stationId: string;
  staffId: number;
  /** One Int32: 1 once the task is cancelled (read between records, so no message has to get through). */
  cancelFlag: SharedArrayBuffer;
}

export type ImportPhase = 'validating' | 'importing';

export type ImportJobMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number | null }
  | { type: 'refused'; problems: ImportProblem[]; records: number }
  | { type: 'imported'; records: number; inserted: number; updated: number }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

const PROGRESS_MS = 100;
/** How long the worker waits for the backend's own write transaction before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

export async function runImportJob(job: ImportJob, post: (message: ImportJobMessage) => void): Promise<void> {
  const flag = new Int32Array(job.cancelFlag);
  const isCancelled = () => Atomics.load(flag, 0) === 1;
  let lastPost = 0;
  const progress = (phase: ImportPhase, done: number, total: number | null, force = false) => {
    const now = Date.now();
    if (!force && now - lastPost < PROGRESS_MS) return;
    lastPost = now;
    post({ type: 'progress', phase, done, total });
  };

  try {
    progress('validating', 0, null, true);
    const check = await checkImportFile(job.file, job.format, { onProgress: (n) => progress('validating', n, null), isCancelled });
    if (isCancelled()) throw new ImportCancelled();
    if (check.problems.length > 0) {
      post({ type: 'refused', problems: check.problems, records: check.records });
      return;
    }
    progress('importing', 0, check.records, true);
    const db = new Database(job.databaseFile, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      const lines = counted(importLines(job.file, job.format, isCancelled), (n) => progress('importing', n, check.records));
      const report = await importIndividuals(db, lines, {
        asOf: job.asOf,
        now: new Date(job.nowIso),
        stationId: job.stationId,
        staffId: job.staffId,
        source: `console import ${job.fileName} (${job.format})`,
      });
      if (!report.ok) post({ type: 'refused', problems: report.problems, records: check.records });
      else post({ type: 'imported', records: report.inserted + report.updated, inserted: report.inserted, updated: report.updated });
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof ImportCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

async function* counted(lines: AsyncIterable<string>, onCount: (n: number) => void): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    yield line;
    onCount(++n);
  }
}
