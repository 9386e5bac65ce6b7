/**
 * Issue 5: "Backend peak RSS during the 1M import ≤ 400 MB". What both import-memory measurements share — the
 * bundled backend as the desktop app starts it (bundled-backend-bench.ts) and `mqp serve` (import-rss-bench.ts):
 * the process's memory read from /proc before the upload, sampled every 100 ms while the file is sent and imported
 * (per phase), its VmHWM at the end, and the checks that the import really happened.
 */
import { closeSync, openSync, writeSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { HostMemorySampler, type HostMemoryReport, type HostPhase } from './host-memory-sampler';
import { round } from './measure';
import { treeMemory } from './process-memory';

export const IMPORT_RSS_TARGET_MB = 400;
const SAMPLE_EVERY_MS = 100;
const LINES_PER_WRITE = 10_000;
/** A fresh store has no date catch-up to do; only the password hashing of the sign-ins is waited out. */
export const IDLE_TIMEOUT_MS = 60_000;

/** What task.get answers (the parts the bench reads). */
export interface TaskOutcome {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  message: string | null;
  inserted: number | null;
  problems: unknown[];
}

export interface UploadFigures {
  seconds: number;
  slices: number;
  sliceBytes: number;
}

/** A backend process ready to import, its supervisor signed in and its start-up work done. */
export interface ImportSubject {
  pid: number;
  /**
   * Sends the file (import.begin, import.append), starts the import and follows it to its end, telling each phase
   * as it is entered ('validating' once the upload is sent, 'importing' when task.get says so).
   */
  importFile(onPhase: (phase: HostPhase) => void): Promise<{ outcome: TaskOutcome; upload: UploadFigures; seconds: number }>;
}

export interface ImportMemory {
  /** Highest VmRSS of the process (and any child) sampled every 100 ms from the first slice sent to the task's end. */
  peakMb: number;
  /**
   * VmHWM at the end: the kernel's peak over the process's life (start-up included), which sampling cannot miss. The
   * kernel records it lazily (its RSS counters are per CPU), so it may read a fraction of a MB below a sampled peak.
   */
  hwmMb: number;
  /** VmRSS after the sign-ins, the process idle, before the upload. */
  baselineMb: number;
  targetMb: number;
  /** The larger of peakMb and hwmMb is within the target. */
  met: boolean;
  /** import.start to the task's end as task.get saw it (file check + import). */
  seconds: number;
  upload: UploadFigures;
  /** Most processes in the tree at once (1: it started none; the backend and its import worker are threads). */
  processes: number;
  samples: number;
  phases: HostMemoryReport['phases'];
  /** [seconds since the upload began, phase, RSS MB] every 2 s. */
  curve: HostMemoryReport['curve'];
}

/** The generated records as the JSON-lines file a reviewer would pick, written a batch at a time (no giant string). */
export function writeJsonl(file: string, lines: readonly string[]): number {
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < lines.length; i += LINES_PER_WRITE) writeSync(fd, lines.slice(i, i + LINES_PER_WRITE).join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return statSync(file).size;
}

/** Reads the subject's memory around its import; a refused, failed or miscounted import throws. */
export async function measureImport(subject: ImportSubject, individuals: number, name: string, log: (message: string) => void): Promise<ImportMemory> {
  const before = treeMemory(subject.pid);
  if (!before) throw new Error(`cannot read /proc/${subject.pid}/status: the import memory phase needs Linux's /proc`);
  log(`import memory: ${name} idle at ${before.rssMb} MB; uploading the JSON lines as a supervisor, then importing`);

  const sampler = new HostMemorySampler(() => treeMemory(subject.pid));
  const timer = setInterval(() => sampler.sample(), SAMPLE_EVERY_MS);
  let run: Awaited<ReturnType<ImportSubject['importFile']>>;
  try {
    run = await subject.importFile((phase) => sampler.enter(phase));
  } finally {
    clearInterval(timer);
  }
  const memory = sampler.report();
  const after = treeMemory(subject.pid);
  if (!after) throw new Error(`${name} was gone at the end of the import`);
  checkOutcome(run.outcome, individuals);

  return {
    peakMb: memory.peakMb,
    hwmMb: after.hwmMb,
    baselineMb: before.rssMb,
    targetMb: IMPORT_RSS_TARGET_MB,
    met: Math.max(memory.peakMb, after.hwmMb) <= IMPORT_RSS_TARGET_MB,
    seconds: run.seconds,
    upload: run.upload,
    processes: Math.max(memory.maxProcesses, before.processes, after.processes),
    samples: memory.samples,
    phases: memory.phases,
    curve: memory.curve,
  };
}

function checkOutcome(task: TaskOutcome, individuals: number): void {
  if (task.state !== 'done') {
    throw new Error(`the console import ended ${task.state}: ${task.message ?? ''} ${JSON.stringify(task.problems.slice(0, 5))}`);
  }
  if (task.inserted !== individuals) throw new Error(`the console import inserted ${task.inserted} individuals; ${individuals} were generated`);
}

/** After the backend has closed: the import reported success, so the database must hold every generated individual. */
export function checkStoredIndividuals(databaseFile: string, individuals: number): void {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  let stored: number;
  try {
    stored = db.prepare('SELECT count(*) FROM individual').pluck().get() as number;
  } finally {
    db.close();
  }
  if (stored !== individuals) throw new Error(`the console import reported success, but the database holds ${stored} individuals; ${individuals} were generated`);
}

export const fileMbOf = (file: string) => round(statSync(file).size / 1024 / 1024, 1);
