/**
 * The reference central service as a real child process (`node bin/mqp.js central --port 0 --data DIR …`), for
 * integration tests that must talk to it over HTTP — and kill it (-9 included) and restart it on the same data
 * directory and port. Its stdout and stderr are kept in memory and in `logFile` (outside the data directory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const URL_LINE = /MQP central service: (http:\/\/\S+)/;

export interface CentralProcessOptions {
  /** Reuse a data directory (kept after stop()); a fresh temporary one otherwise (removed by stop()). */
  dataDir?: string;
  /** `--seed N` (and `--seed-value`). */
  seed?: number;
  seedValue?: string;
  /** `--settle-ms`; tests usually want it short. */
  settleMs?: number;
  /** `--faults JSON` at start. */
  faults?: Record<string, unknown>;
  /** `--today YYYY-MM-DD`: the server's date for the eligibility and fee rules. */
  today?: string;
  stationToken?: string;
  /** null starts it without `--admin-token` (then it has no admin endpoints). */
  adminToken?: string | null;
  /** More arguments, e.g. a second `--station-token`. */
  extraArgs?: string[];
  /** How long to wait for the URL line (seeding 100,000 takes a few seconds). */
  startTimeoutMs?: number;
}

export interface CentralProcess {
  /** `http://127.0.0.1:P/` — the same across restarts. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly logFile: string;
  readonly stationToken: string;
  readonly adminToken: string | null;
  readonly pid: number | undefined;
  /** Everything the process (every run of it) wrote to stdout and stderr. */
  output(): string;
  /** Sends the signal and waits for the exit; resolves with the exit code (null when killed by a signal). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts it again on the same data directory and port (killing it first if it still runs). */
  restart(): Promise<void>;
  /** SIGTERM, then removes the temporary directories this helper created. */
  stop(): Promise<void>;
  /** fetch() against /v1 with the station token. */
  v1(path: string, init?: RequestInit): Promise<Response>;
  /** fetch() against /__admin with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL'); // never leave a central service behind a crashed test run
});

export async function startCentralProcess(options: CentralProcessOptions = {}): Promise<CentralProcess> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mqp-central-data-'));
  const logDir = mkdtempSync(join(tmpdir(), 'mqp-central-log-'));
  const logFile = join(logDir, 'central.log');
  const stationToken = options.stationToken ?? `station-${randomBytes(12).toString('hex')}`;
  const adminToken = options.adminToken === undefined ? `admin-${randomBytes(12).toString('hex')}` : options.adminToken;
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<number | null> = Promise.resolve(null);
  let port = 0;
  let url = '';

  const args = (): string[] => [
    join(REPO_ROOT, 'bin', 'mqp.js'), 'central',
    '--port', String(port), '--data', dataDir, '--station-token', stationToken,
    ...(adminToken !== null ? ['--admin-token', adminToken] : []),
    ...(options.seed !== undefined ? ['--seed', String(options.seed)] : []),
    ...(options.seedValue !== undefined ? ['--seed-value', options.seedValue] : []),
    ...(options.settleMs !== undefined ? ['--settle-ms', String(options.settleMs)] : []),
    ...(options.faults !== undefined ? ['--faults', JSON.stringify(options.faults)] : []),
    ...(options.today !== undefined ? ['--today', options.today] : []),
    ...(options.extraArgs ?? []),
  ];

  const launch = () =>
    new Promise<void>((resolveStart, rejectStart) => {
      const proc = spawn(process.execPath, args(), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      running.add(proc);
      let stdoutText = '';
      let ready = false;
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        rejectStart(new Error(`central service did not print its URL within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
      }, options.startTimeoutMs ?? 30_000);
      const record = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        appendFileSync(logFile, text);
        return text;
      };
      proc.stdout!.on('data', (chunk: Buffer) => {
        stdoutText += record(chunk);
        const match = ready ? null : URL_LINE.exec(stdoutText);
        if (match) {
          ready = true;
          url = match[1];
          port = Number(new URL(url).port);
          clearTimeout(timer);
          resolveStart();
        }
      });
      proc.stderr!.on('data', record);
      exited = new Promise((resolveExit) =>
        proc.once('exit', (code) => {
          running.delete(proc);
          clearTimeout(timer);
          rejectStart(new Error(`central service exited (code ${code}) before it was ready:\n${output}`));
          resolveExit(code);
        }),
      );
    });

  const isRunning = () => child !== null && child.exitCode === null && child.signalCode === null;

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!isRunning()) return exited;
    child!.kill(signal);
    return exited;
  };

  await launch();

  return {
    get url() {
      return url;
    },
    get port() {
      return port;
    },
    dataDir,
    logFile,
    stationToken,
    adminToken,
    get pid() {
      return child?.pid;
    },
    output: () => output,
    kill,
    async restart() {
      await kill('SIGKILL');
      // The port was ours a moment ago; rebinding it normally works at once, but give the OS a few tries.
      for (let attempt = 1; ; attempt++) {
        try {
          await launch();
          return;
        } catch (error) {
          if (attempt >= 20 || !/already in use/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async stop() {
      await kill('SIGTERM');
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      rmSync(logDir, { recursive: true, force: true });
    },
    v1: (path, init = {}) =>
      fetch(new URL(`v1/${path.replace(/^\//, '')}`, url), {
        ...init,
        headers: { authorization: `Bearer ${stationToken}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      }),
    admin: (path, init = {}) =>
      fetch(new URL(`__admin/${path.replace(/^\//, '')}`, url), {
        ...init,
        headers: { 'x-admin-token': adminToken ?? '', 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      }),
  };
}
