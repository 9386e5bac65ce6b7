/**
 * The console as a user starts it — `mqp serve` (the web host over the built renderer and the backend) — on a data
 * folder the bench owns and removes itself (the imported store for the console phase, a fresh one for the import
 * memory phase; unlike tests/e2e/support/console-server.ts, which makes and removes its own). Exposes the process id,
 * so the bench can wait for the backend's start-up work (the date catch-up scans every registration) to finish
 * before it times anything, and read the process's memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../src-main/contract';
import { treeMemory } from './process-memory';

const MQP = fileURLToPath(new URL('../../bin/mqp.js', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_INDEX = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** `mqp serve` hands out its launch token only in the built console's page: without a build no procedure answers. */
export const consoleIsBuilt = () => existsSync(RENDERER_INDEX);

export interface ConsoleHost {
  url: string;
  pid: number;
  /** A procedure over HTTP, as the console calls it (launch token from the page). */
  call<T = unknown>(procedure: string, input?: unknown, session?: string | null): Promise<Envelope<T>>;
  /** Resolves once the process has used (almost) no CPU for a second, or at the timeout (idle: false). */
  waitUntilIdle(timeoutMs: number): Promise<{ ms: number; idle: boolean }>;
  /** RSS now and its peak so far (VmRSS, VmHWM) of the process and any it started, or null without /proc. */
  memory(): { rssMb: number; peakMb: number } | null;
  stop(): Promise<void>;
}

/** `mqp serve` offline (no central service, no demo seeding) with the clock fixed at `now`. */
export async function startConsoleHost(dataDir: string, now: Date): Promise<ConsoleHost> {
  const args = [MQP, 'serve', '--data', dataDir, '--port', '0', '--no-demo', '--no-central', '--now', now.toISOString()];
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mqp serve did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const m = /console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on('data', (chunk) => (log += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mqp serve exited with ${code}:\n${log}`));
    });
  });
  const html = await (await fetch(url)).text();
  const launchToken = /<meta name="mqp-launch-token" content="([^"]+)">/.exec(html)?.[1];
  if (!launchToken) throw new Error('the console page carries no launch token: build the renderer first (npm run build)');

  return {
    url,
    pid: child.pid!,
    async call(procedure, input = {}, session = null) {
      const res = await fetch(new URL(`rpc/${procedure}`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mqp-token': launchToken, ...(session ? { 'x-mqp-session': session } : {}) },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as never;
    },
    waitUntilIdle: (timeoutMs) => waitUntilIdle(child.pid!, timeoutMs),
    memory() {
      const memory = treeMemory(child.pid!);
      return memory && { rssMb: memory.rssMb, peakMb: memory.hwmMb };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // serve closes the web host and the backend on SIGTERM
      await exited;
    },
  };
}

/** The value of a procedure's answer; a refusal throws, naming what was being done. */
export function unwrap<T>(envelope: Envelope<T>, what: string): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

const IDLE_POLL_MS = 500;
/** CPU ticks (1/100 s on Linux) a poll may use and still count as idle: 4 % of one core. */
const IDLE_TICKS = 2;

/**
 * Polls /proc/<pid>/stat (user + system time of every thread) until two polls in a row used at most IDLE_TICKS.
 * Without /proc (not Linux) it returns at once (idle: false): timed sign-ins may then overlap the start-up work.
 */
export async function waitUntilIdle(pid: number, timeoutMs: number): Promise<{ ms: number; idle: boolean }> {
  const statFile = `/proc/${pid}/stat`;
  if (!existsSync(statFile)) return { ms: 0, idle: false };
  const cpuTicks = () => {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
  };
  const started = performance.now();
  let before = cpuTicks();
  let quiet = 0;
  while (quiet < 2) {
    if (performance.now() - started > timeoutMs) return { ms: Math.round(performance.now() - started), idle: false };
    await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    const ticks = cpuTicks();
    quiet = ticks - before <= IDLE_TICKS ? quiet + 1 : 0;
    before = ticks;
  }
  return { ms: Math.round(performance.now() - started), idle: true };
}
