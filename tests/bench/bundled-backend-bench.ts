/**
 * Issue 5's import memory, judged on the backend the desktop app runs: the bundled out/main/backend-worker.js in a
 * worker thread, as Electron's main process starts it (src-main/main/index.ts), which starts the bundled
 * out/main/import-worker.js for the import. The Electron binary cannot run here, but the bundles need no Electron:
 * bundled-backend-child.mjs, a plain Node process (no tsx), stands in for Electron's main process and the console,
 * and the bench reads that process's memory from /proc. Electron's own main process (its Chromium browser side) is
 * therefore not in these figures; the stand-in's plain Node start-up is (nodeAloneMb).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE } from '../../src-main/backend/store/open-store';
import { SLICE_BYTES } from '../../src-renderer/src/workspace/file-slices';
import { waitUntilIdle } from './console-host';
import type { HostPhase } from './host-memory-sampler';
import { checkStoredIndividuals, fileMbOf, IDLE_TIMEOUT_MS, measureImport, type ImportMemory, type TaskOutcome, type UploadFigures } from './import-memory';

const BUNDLED_BACKEND = fileURLToPath(new URL('../../out/main/backend-worker.js', import.meta.url));
const BUNDLED_IMPORT_WORKER = fileURLToPath(new URL('../../out/main/import-worker.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./bundled-backend-child.mjs', import.meta.url));
/** What the app passes as resourcesDir: resources/ beside its code (app.getAppPath() is the project root here). */
const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));
/** Opening a fresh store and hashing two passwords. */
const SIGN_IN_TIMEOUT_MS = 120_000;

export const BUNDLED_BACKEND_VIA = 'out/main/backend-worker.js in a worker thread, as Electron starts it';

/** The bundles `npx electron-vite build` (npm run build) writes; without them this phase cannot run. */
export const bundledBackendIsBuilt = () => existsSync(BUNDLED_BACKEND) && existsSync(BUNDLED_IMPORT_WORKER);
export const BUNDLED_BACKEND_MISSING = `the bundled backend (${BUNDLED_BACKEND} and import-worker.js beside it) is missing: build it first with npm run build (npx electron-vite build); the backend memory target of issue 5 is judged on it`;

export interface BundledBackendResult extends ImportMemory {
  via: typeof BUNDLED_BACKEND_VIA;
  individuals: number;
  rowsPerSecond: number;
  fileMb: number;
  /** The stand-in's own RSS before it started the backend thread (plain Node): part of every figure above. */
  nodeAloneMb: number;
  /**
   * task.get polls answered INTERNAL while the import ran (the console would have shown the import as failed), and
   * the backend's own log line for the first; the import went on, and its outcome is checked as usual.
   */
  taskGetFailures: { count: number; cause: string | null };
  note: string;
}

export const BUNDLED_BACKEND_NOTE =
  'a plain Node process (tests/bench/bundled-backend-child.mjs, no tsx) starts out/main/backend-worker.js in a worker thread with the options Electron\'s main passes ({ dataDir: a fresh folder, resourcesDir }, no central service, the system clock) and sends the JSON lines through its call messages in the renderer\'s slices; the import runs in out/main/import-worker.js, a worker thread of the same process; RSS = VmRSS of /proc/<pid>/status of that process. Electron\'s own main process is not measured here (no Electron binary) and is not included';

type ChildMessage =
  | { type: 'signed-in'; rssBeforeWorkerMb: number }
  | { type: 'phase'; phase: Exclude<HostPhase, 'upload'> }
  | { type: 'imported'; outcome: TaskOutcome; upload: UploadFigures; seconds: number; taskGetFailures: { count: number; first: string | null } }
  | { type: 'failed'; message: string };

export async function benchBundledBackend(
  ctx: { root: string; file: string; individuals: number },
  log: (message: string) => void,
): Promise<BundledBackendResult> {
  if (!bundledBackendIsBuilt()) throw new Error(BUNDLED_BACKEND_MISSING);
  const dataDir = join(ctx.root, 'bundled-backend');
  try {
    const child = startChild(dataDir, ctx.file);
    let measured: ImportMemory;
    let nodeAloneMb: number;
    let taskGetFailures: BundledBackendResult['taskGetFailures'] = { count: 0, cause: null };
    try {
      nodeAloneMb = (await child.next('signed-in', SIGN_IN_TIMEOUT_MS)).rssBeforeWorkerMb;
      await waitUntilIdle(child.pid, IDLE_TIMEOUT_MS);
      measured = await measureImport(
        {
          pid: child.pid,
          async importFile(onPhase) {
            child.send({ type: 'upload' });
            for (;;) {
              const message = await child.next(['phase', 'imported']);
              if (message.type === 'imported') {
                const { count, first } = message.taskGetFailures;
                taskGetFailures = { count, cause: count === 0 ? null : (child.backendLog('task.get') ?? first) };
                return message;
              }
              onPhase(message.phase);
            }
          },
        },
        ctx.individuals,
        `the bundled backend (pid ${child.pid})`,
        log,
      );
      await child.close();
    } finally {
      await child.kill();
    }
    checkStoredIndividuals(join(dataDir, DATABASE_FILE), ctx.individuals);
    return {
      ...measured,
      via: BUNDLED_BACKEND_VIA,
      individuals: ctx.individuals,
      rowsPerSecond: Math.round(ctx.individuals / measured.seconds),
      fileMb: fileMbOf(ctx.file),
      nodeAloneMb,
      taskGetFailures,
      note: BUNDLED_BACKEND_NOTE,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The stand-in process and its messages, in order; a 'failed' message or an early exit rejects the wait. */
function startChild(dataDir: string, file: string) {
  const args = ['--worker', BUNDLED_BACKEND, '--data', dataDir, '--resources', RESOURCES_DIR, '--file', file, '--slice-bytes', String(SLICE_BYTES)];
  // execArgv []: fork would otherwise pass on the tsx loader the bench itself runs under.
  const child: ChildProcess = fork(CHILD, args, { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const queue: ChildMessage[] = [];
  let wake: (() => void) | null = null;
  child.on('message', (message) => {
    queue.push(message as ChildMessage);
    wake?.();
  });
  child.once('exit', () => wake?.());
  const gone = () => child.exitCode !== null || child.signalCode !== null;

  return {
    pid: child.pid!,
    send: (message: { type: 'upload' }) => child.send(message),
    /** What the backend logged first for a failed `procedure` ("[backend] task.get failed: …" and its query), if anything. */
    backendLog(procedure: string): string | null {
      const lines = output.split('\n');
      const at = lines.findIndex((line) => line.startsWith(`[backend] ${procedure} failed:`));
      if (at < 0) return null;
      const query = lines.slice(at + 1, at + 4).find((line) => line.trim().startsWith('query:'));
      return [lines[at], query?.trim()].filter(Boolean).join(' — ');
    },
    /** The next message, which must be of `types`. */
    async next<T extends ChildMessage['type']>(types: T | T[], timeoutMs = Infinity): Promise<Extract<ChildMessage, { type: T }>> {
      const deadline = performance.now() + timeoutMs;
      while (queue.length === 0) {
        if (gone()) throw new Error(`the bundled backend's process exited (${child.exitCode ?? child.signalCode}):\n${output}`);
        if (performance.now() > deadline) throw new Error(`the bundled backend did not sign in within ${timeoutMs / 1000} s:\n${output}`);
        // Woken by a message or the exit; the tick only rechecks the deadline.
        await new Promise<void>((resolve) => {
          const tick = setTimeout(resolve, 1000);
          wake = () => {
            clearTimeout(tick);
            resolve();
          };
        });
        wake = null;
      }
      const message = queue.shift()!;
      const expected = [types].flat() as string[];
      if (message.type === 'failed') throw new Error(`the bundled backend failed: ${message.message}\n${output}`);
      if (!expected.includes(message.type)) throw new Error(`the bundled backend sent "${message.type}" where ${expected.join(' or ')} was expected`);
      return message as Extract<ChildMessage, { type: T }>;
    },
    /** Asks it to close the backend (as the app does on quit) and waits for it to exit cleanly. */
    async close() {
      child.send({ type: 'close' });
      await exited;
      if (child.exitCode !== 0) throw new Error(`the bundled backend's process exited with ${child.exitCode ?? child.signalCode} on close:\n${output}`);
    },
    /** After a failure elsewhere: ends it, whatever it was doing. */
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
