/**
 * Issue 5's import memory on `mqp serve` (console-host.ts), the backend a reviewer's browser import runs in: a fresh
 * data folder, a supervisor signed in over HTTP, the generated JSON-lines file sent as the console sends it
 * (import.begin, then import.append with the renderer's slices, then import.start), and task.get polled until the
 * task ends. The import worker is a worker thread of that process, so /proc/<pid>/status of `mqp serve` holds the web
 * host, the backend and the import together. `mqp serve` runs from the TypeScript sources through tsx (so does its
 * import worker): the desktop app runs the bundles instead, measured by bundled-backend-bench.ts, on which the
 * issue's target is judged.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src-main/backend/store/open-store';
import { SLICE_BYTES } from '../../src-renderer/src/workspace/file-slices';
import { TEST_PASSWORD } from '../support/test-backend';
import { startConsoleHost, unwrap, type ConsoleHost } from './console-host';
import type { HostPhase } from './host-memory-sampler';
import { checkStoredIndividuals, fileMbOf, IDLE_TIMEOUT_MS, measureImport, type ImportMemory, type TaskOutcome, type UploadFigures } from './import-memory';
import { round } from './measure';

export const IMPORT_RSS_VIA = 'mqp serve import.begin/append/start';
/** task.get every 200 ms (the console polls every second; finer here only to time the end closely). */
const POLL_MS = 200;
const ADMIN = { username: 'bench-admin', displayName: 'Bench Admin', password: TEST_PASSWORD };
const SUPERVISOR = { username: 'bench-supervisor', displayName: 'Bench Supervisor', password: TEST_PASSWORD };

export interface ImportRssResult extends ImportMemory {
  via: typeof IMPORT_RSS_VIA;
  individuals: number;
  rowsPerSecond: number;
  fileMb: number;
  note: string;
}

export const IMPORT_RSS_NOTE =
  'mqp serve (web host + backend + its import worker thread, from the TypeScript sources through tsx) on a fresh store, --no-central, clock fixed by --now; a supervisor uploads the JSON lines over HTTP in the renderer\'s slices; RSS = VmRSS of /proc/<pid>/status of the process and any child';

export async function benchImportRss(
  ctx: { root: string; file: string; individuals: number; now: Date },
  log: (message: string) => void,
): Promise<ImportRssResult> {
  const dataDir = join(ctx.root, 'import-rss');
  try {
    const host = await startConsoleHost(dataDir, ctx.now);
    let measured: ImportMemory;
    try {
      const session = await signInSupervisor(host);
      await host.waitUntilIdle(IDLE_TIMEOUT_MS);
      measured = await measureImport(
        { pid: host.pid, importFile: (onPhase) => importOverHttp(host, session, ctx.file, onPhase) },
        ctx.individuals,
        `mqp serve (${host.url})`,
        log,
      );
    } finally {
      await host.stop();
    }
    checkStoredIndividuals(join(dataDir, DATABASE_FILE), ctx.individuals);
    return {
      ...measured,
      via: IMPORT_RSS_VIA,
      individuals: ctx.individuals,
      rowsPerSecond: Math.round(ctx.individuals / measured.seconds),
      fileMb: fileMbOf(ctx.file),
      note: IMPORT_RSS_NOTE,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The first administrator of the fresh station creates a supervisor (import.* needs supervision); it signs in. */
async function signInSupervisor(host: ConsoleHost): Promise<string> {
  unwrap(await host.call('setup.createAdmin', ADMIN), 'creating the first administrator');
  const admin = unwrap(await host.call<{ token: string }>('session.signIn', { username: ADMIN.username, password: ADMIN.password }), 'signing in the administrator');
  unwrap(await host.call('staff.create', { ...SUPERVISOR, role: 'supervisor' }, admin.token), 'creating the supervisor');
  const supervisor = unwrap(
    await host.call<{ token: string }>('session.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }),
    'signing in the supervisor',
  );
  return supervisor.token;
}

async function importOverHttp(host: ConsoleHost, session: string, file: string, onPhase: (phase: HostPhase) => void) {
  const uploaded = await uploadFile(host, session, file);
  onPhase('validating');
  const started = performance.now();
  const task = unwrap(await host.call<{ id: string }>('import.start', { uploadId: uploaded.uploadId }, session), 'import.start');
  const outcome = await followTask(host, session, task.id, onPhase);
  return { outcome, upload: uploaded.upload, seconds: round((performance.now() - started) / 1000, 2) };
}

/** Sends the file as the console does (file-slices.ts): raw bytes in base64, SLICE_BYTES at a time. */
async function uploadFile(host: ConsoleHost, session: string, file: string): Promise<{ uploadId: string; upload: UploadFigures }> {
  const started = performance.now();
  const { uploadId } = unwrap(await host.call<{ uploadId: string }>('import.begin', { fileName: 'bench.jsonl', format: 'jsonl' }, session), 'import.begin');
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(SLICE_BYTES);
  let slices = 0;
  let sent = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const { bytes } = unwrap(await host.call<{ bytes: number }>('import.append', { uploadId, chunk: buffer.subarray(0, read).toString('base64') }, session), `import.append (slice ${slices + 1})`);
      slices += 1;
      sent += read;
      if (bytes !== sent) throw new Error(`import.append says the upload holds ${bytes} bytes after ${sent} were sent`);
    }
  } finally {
    closeSync(fd);
  }
  return { uploadId, upload: { seconds: round((performance.now() - started) / 1000, 2), slices, sliceBytes: SLICE_BYTES } };
}

/** Polls task.get until the task ends, passing on the phase it reports ('validating', then 'importing'). */
async function followTask(host: ConsoleHost, session: string, taskId: string, onPhase: (phase: HostPhase) => void): Promise<TaskOutcome> {
  for (;;) {
    const task = unwrap(await host.call<TaskOutcome>('task.get', { taskId }, session), 'task.get');
    if (task.state !== 'running') return task;
    if (task.message === 'validating' || task.message === 'importing') onPhase(task.message);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
