/**
 * Starts the console as a user would — `mqp serve` (the web host over the built renderer) — on a random port with a
 * fresh data folder, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startConsole(options: { demoCount?: number; now?: string; extraArgs?: string[] } = {}): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mqp-e2e-'));
  const args = ['bin/mqp.js', 'serve', '--data', dataDir, '--port', '0', '--demo-count', String(options.demoCount ?? 300)];
  if (options.now) args.push('--now', options.now);
  args.push(...(options.extraArgs ?? []));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mqp serve did not start in time:\n${log}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      log += chunk;
      const m = /console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => reject(new Error(`mqp serve exited with ${code}:\n${log}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
