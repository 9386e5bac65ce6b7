/**
 * A station as a real process — `mqp serve` (the web host over the backend) — driven over HTTP like the console
 * does, so tests can kill -9 it in the middle of a call and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Envelope } from '../../src-main/contract';

export interface StationProcess {
  url: string;
  call<T = unknown>(procedure: string, input?: unknown, session?: string | null): Promise<Envelope<T>>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startStationProcess(args: string[]): Promise<StationProcess> {
  const child: ChildProcess = spawn(process.execPath, ['bin/mqp.js', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start:\n${log}`)), 60_000);
    child.stdout!.on('data', (c) => {
      log += c;
      const m = /console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (c) => (log += c));
    child.once('exit', (code) => reject(new Error(`station exited with ${code}:\n${log}`)));
  });
  // The launch token is in the page, as the console reads it.
  const html = await (await fetch(url)).text();
  const launchToken = /<meta name="mqp-launch-token" content="([^"]+)">/.exec(html)?.[1];
  if (!launchToken) throw new Error('no launch token in the page (is the renderer built?)');
  return {
    url,
    async call(procedure, input = {}, session = null) {
      const res = await fetch(new URL(`rpc/${procedure}`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mqp-token': launchToken, ...(session ? { 'x-mqp-session': session } : {}) },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as never;
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
