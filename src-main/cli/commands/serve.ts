/**
 * `mqp serve`: the console through the web host on 127.0.0.1 (used by `npm start` where Electron is absent, and by
 * the end-to-end tests). A fresh data folder gets the demo station unless --no-demo. Unless told otherwise, the
 * reference central service runs in-process as the training default (seeded with the same demo individuals) and
 * the station syncs with it; --central URL --token T points at another service, --no-central runs offline.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startCentral, type RunningCentral } from '../../../src-central';
import { openBackend } from '../../backend';
import { fixedClock, systemClock } from '../../backend/clock';
import { readCentralConfig } from '../../backend/sync/sync-state';
import { openStore } from '../../backend/store/open-store';
import { startWebHost } from '../../web-host/web-host';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir, RENDERER_DIR, RESOURCES_DIR } from '../paths';

const USAGE =
  'mqp serve [--data DIR] [--port P] [--demo-count N] [--no-demo] [--now ISO-INSTANT] [--central URL --token T | --no-central] [--settle-ms N] [--test-clock]';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values } = parse(
      args,
      {
        data: { type: 'string' },
        port: { type: 'string', default: '0' },
        'demo-count': { type: 'string', default: '10000' },
        'no-demo': { type: 'boolean', default: false },
        now: { type: 'string' },
        central: { type: 'string' },
        token: { type: 'string' },
        'no-central': { type: 'boolean', default: false },
        'settle-ms': { type: 'string', default: '5000' },
        'test-clock': { type: 'boolean', default: false },
      },
      USAGE,
    );
    const port = Number(values.port);
    const demoCount = Number(values['demo-count']);
    const settleMs = Number(values['settle-ms']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
    if (!Number.isInteger(demoCount) || demoCount < 0) throw new UsageError(`--demo-count must be a whole number, not "${values['demo-count']}".`);
    if (!Number.isInteger(settleMs) || settleMs < 0) throw new UsageError(`--settle-ms must be a whole number of milliseconds.`);
    if (values.now && Number.isNaN(new Date(values.now).getTime())) throw new UsageError(`--now must be an ISO instant such as 2024-09-01T14:00:00Z.`);
    if (values['test-clock'] && !values.now) throw new UsageError('--test-clock needs --now: only a fixed clock can be moved.');
    if (Boolean(values.central) !== Boolean(values.token)) throw new UsageError(`Give --central and --token together.\nUsage: ${USAGE}`);
    if (values.central && values['no-central']) throw new UsageError('--central and --no-central contradict each other.');

    const dataDir = values.data ?? defaultDataDir();
    const testClock = values.now ? fixedClock(values.now) : null;
    const clock = testClock ?? systemClock;
    io.stderr.write(`Opening the station database in ${dataDir}…\n`);

    // The embedded training service, unless this station already syncs elsewhere or was told not to sync.
    let training: RunningCentral | null = null;
    let central: { url: string; token: string } | undefined = values.central ? { url: values.central, token: values.token! } : undefined;
    if (!central && !values['no-central'] && !(await alreadyConfigured(dataDir))) {
      const token = `training-${randomBytes(16).toString('hex')}`;
      training = await startCentral({
        dataDir: join(dataDir, 'training-central'),
        port: 0,
        stationTokens: [token],
        seed: values['no-demo'] ? null : { count: demoCount, value: '1' },
        settleMs,
        clock,
        log: (line) => io.stderr.write(`${line}\n`),
      });
      central = { url: training.url, token };
      io.stderr.write(`Training central service (embedded): ${training.url}\n`);
    }

    const backend = await openBackend({
      dataDir,
      clock,
      resourcesDir: RESOURCES_DIR,
      // Same generator and seed as the training service: the station works at once, and the first pull agrees.
      demo: values['no-demo'] ? false : { individuals: demoCount, seed: 1 },
      central,
    });
    const unsubscribe = backend.onEvent((e) => {
      if (e.name === 'task.progress') io.stderr.write(`${e.payload.task}: ${e.payload.done}${e.payload.total ? ` of ${e.payload.total}` : ''}\n`);
    });
    const host = await startWebHost({ backend, rendererDir: RENDERER_DIR, port, testClock: values['test-clock'] ? (testClock ?? undefined) : undefined });
    io.stdout.write(`MQP Assist console: ${host.url}\n`);

    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    unsubscribe();
    await host.close();
    await backend.close();
    await training?.close();
    return 0;
  });
}

/** A station configured for a real central service keeps it; the training service is only the default. */
async function alreadyConfigured(dataDir: string): Promise<boolean> {
  const store = await openStore(dataDir);
  try {
    const config = readCentralConfig(store.db);
    return config !== null && !config.token.startsWith('training-');
  } finally {
    await store.close();
  }
}
