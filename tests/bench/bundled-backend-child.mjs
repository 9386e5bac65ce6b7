/**
 * The desktop app's backend without Electron, for the bench's import-memory phase (bundled-backend-bench.ts). Plain
 * JavaScript run by plain Node (no tsx, so no tsx in the memory read): it does what Electron's main process does for
 * the backend (src-main/main/index.ts, worker/backend-client.ts) — starts the bundled out/main/backend-worker.js in a
 * worker thread with the BackendOptions the app passes, and speaks its protocol (worker/messages.ts) — and what the
 * console does for an import (src-renderer/src/stores/tasks.ts): import.begin, the file in base64 slices through
 * import.append, import.start, then task.get until the task ends.
 *
 * Talks to the bench over the IPC channel of child_process.fork:
 *   → { type: 'signed-in', rssBeforeWorkerMb }  first-run sign-ins done; waits for ← { type: 'upload' }
 *   → { type: 'phase', phase: 'validating' | 'importing' }
 *   → { type: 'imported', outcome, upload, seconds, taskGetFailures }
 *                                                 waits for ← { type: 'close' }, closes the backend, exits 0
 *   → { type: 'failed', message }                 on any error, then exits 1
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const ADMIN = { username: 'bench-admin', displayName: 'Bench Admin', password: 'bench-backend-password' };
const SUPERVISOR = { username: 'bench-supervisor', displayName: 'Bench Supervisor', password: 'bench-backend-password' };
/** task.get every 200 ms (the console polls every second; finer here only to time the end closely). */
const POLL_MS = 200;
const CLOSE_TIMEOUT_MS = 30_000;
const GIVE_UP_POLLING_MS = 30 * 60_000;

const { values: args } = parseArgs({
  options: {
    worker: { type: 'string' },
    data: { type: 'string' },
    resources: { type: 'string' },
    file: { type: 'string' },
    'slice-bytes': { type: 'string' },
  },
});
const sliceBytes = Number(args['slice-bytes']);

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** RSS of this process alone, before the backend thread exists: what the figures hold beside the backend. */
const rssBeforeWorkerMb = mb(process.memoryUsage().rss);

/** Messages from the bench, one at a time, in order. */
const fromBench = [];
let benchWaiter = null;
process.on('message', (message) => {
  if (benchWaiter) {
    const resolve = benchWaiter;
    benchWaiter = null;
    resolve(message);
  } else fromBench.push(message);
});
const nextFromBench = () => (fromBench.length > 0 ? Promise.resolve(fromBench.shift()) : new Promise((resolve) => (benchWaiter = resolve)));

async function expectFromBench(type) {
  const message = await nextFromBench();
  if (message?.type !== type) throw new Error(`expected "${type}" from the bench, got ${JSON.stringify(message)}`);
}

/** The backend worker as worker/backend-client.ts drives it: numbered calls, replies matched by id. */
function startBackend() {
  const worker = new Worker(args.worker, { workerData: { dataDir: args.data, resourcesDir: args.resources } });
  const pending = new Map();
  let nextId = 1;
  let settleStarted;
  const started = new Promise((resolve, reject) => (settleStarted = { resolve, reject }));
  let closed;
  const exited = new Promise((resolve) => (closed = resolve));

  worker.on('message', (message) => {
    switch (message?.type) {
      case 'reply':
        pending.get(message.id)?.(message.envelope);
        pending.delete(message.id);
        break;
      case 'ready':
        settleStarted.resolve();
        break;
      case 'failed':
        settleStarted.reject(new Error(`the backend could not start: ${message.message}`));
        break;
      default:
        break; // 'event' (task.progress etc.) goes to the window in the app; 'closed' is followed by the exit
    }
  });
  worker.on('error', (error) => fail(new Error(`the backend worker died: ${error.stack ?? error.message}`)));
  worker.on('exit', (code) => {
    closed(code);
    if (pending.size > 0) fail(new Error(`the backend worker exited (code ${code}) with ${pending.size} call(s) unanswered`));
  });

  return {
    started,
    /** The backend's envelope for one call. */
    request(procedure, input, sessionToken = null) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, request: { procedure, input, sessionToken } });
      });
    },
    /** The value of a procedure's answer; a refusal throws, naming what was being done. */
    async call(procedure, input, sessionToken = null) {
      const envelope = await this.request(procedure, input, sessionToken);
      if (!envelope.ok) throw new Error(`${procedure} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value;
    },
    async close() {
      worker.postMessage({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The first administrator of the fresh station creates a supervisor (import.* needs supervision); it signs in. */
async function signInSupervisor(backend) {
  await backend.call('setup.createAdmin', ADMIN);
  const admin = await backend.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
  await backend.call('staff.create', { ...SUPERVISOR, role: 'supervisor' }, admin.token);
  const supervisor = await backend.call('session.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
  return supervisor.token;
}

/** The file as the console sends it (file-slices.ts): raw bytes in base64, sliceBytes at a time, one call after another. */
async function uploadFile(backend, session) {
  const started = performance.now();
  const { uploadId } = await backend.call('import.begin', { fileName: 'bench.jsonl', format: 'jsonl' }, session);
  const fd = openSync(args.file, 'r');
  const buffer = Buffer.alloc(sliceBytes);
  let slices = 0;
  let sent = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const { bytes } = await backend.call('import.append', { uploadId, chunk: buffer.subarray(0, read).toString('base64') }, session);
      slices += 1;
      sent += read;
      if (bytes !== sent) throw new Error(`import.append says the upload holds ${bytes} bytes after ${sent} were sent`);
    }
  } finally {
    closeSync(fd);
  }
  const upload = { seconds: Math.round((performance.now() - started) / 10) / 100, slices, sliceBytes };
  return { uploadId, upload };
}

/**
 * Polls task.get until the task ends, telling the bench each phase it reports ('validating', then 'importing').
 * An INTERNAL answer is counted and the poll goes on (the import runs on in its own thread): with the system clock,
 * a call more than a minute after the session's last touch writes to staff_session, which waits out the busy
 * timeout behind the import's write transaction and fails. The console would show the import as failed; the bench
 * reports the count rather than losing the memory figures.
 */
async function followTask(backend, session, taskId) {
  let phase = 'validating';
  const failures = { count: 0, first: null };
  let failingSince = null;
  for (;;) {
    const envelope = await backend.request('task.get', { taskId }, session);
    if (!envelope.ok) {
      if (envelope.error.code !== 'INTERNAL') throw new Error(`task.get failed: ${JSON.stringify(envelope.error)}`);
      failures.count += 1;
      failures.first ??= envelope.error.message;
      failingSince ??= performance.now();
      if (performance.now() - failingSince > GIVE_UP_POLLING_MS) throw new Error(`task.get has failed for ${GIVE_UP_POLLING_MS / 60_000} minutes on end: ${envelope.error.message}`);
    } else {
      failingSince = null;
      const task = envelope.value;
      if (task.state !== 'running') return { task, failures };
      if (task.message === 'importing' && phase !== 'importing') {
        phase = 'importing';
        process.send({ type: 'phase', phase });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function fail(error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (!process.send) {
    console.error(message);
    process.exit(1);
  }
  process.send({ type: 'failed', message }, () => process.exit(1));
}

async function main() {
  if (!process.send) throw new Error('bundled-backend-child.mjs runs under child_process.fork (the bench starts it)');
  // The figures must hold no tsx: the app runs the bundles with no loader in front of them.
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('tsx'))) throw new Error('started with tsx loaded; start it with plain node');
  if (!Number.isSafeInteger(sliceBytes) || sliceBytes <= 0) throw new Error(`--slice-bytes must be a positive whole number, not ${args['slice-bytes']}`);
  const backend = startBackend();
  await backend.started;
  const session = await signInSupervisor(backend);
  process.send({ type: 'signed-in', rssBeforeWorkerMb });

  await expectFromBench('upload');
  const { uploadId, upload } = await uploadFile(backend, session);
  process.send({ type: 'phase', phase: 'validating' });
  const started = performance.now();
  const task = await backend.call('import.start', { uploadId }, session);
  const { task: outcome, failures } = await followTask(backend, session, task.id);
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const { state, message, inserted, problems } = outcome;
  process.send({ type: 'imported', outcome: { state, message, inserted, problems: problems.slice(0, 5) }, upload, seconds, taskGetFailures: failures });

  await expectFromBench('close');
  await backend.close();
  process.disconnect();
}

main().catch(fail);
