/**
 * `mqp serve`: the console through the web host on 127.0.0.1 (used by `npm start` where Electron is absent, and by
 * the end-to-end tests). A fresh data folder gets the demo station unless --no-demo.
 */
import { openBackend } from '../../backend';
import { fixedClock, systemClock } from '../../backend/clock';
import { startWebHost } from '../../web-host/web-host';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir, RENDERER_DIR } from '../paths';

const USAGE = 'mqp serve [--data DIR] [--port P] [--demo-count N] [--no-demo] [--now ISO-INSTANT]';

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
      },
      USAGE,
    );
    const port = Number(values.port);
    const demoCount = Number(values['demo-count']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
    if (!Number.isInteger(demoCount) || demoCount < 0) throw new UsageError(`--demo-count must be a whole number, not "${values['demo-count']}".`);
    if (values.now && Number.isNaN(new Date(values.now).getTime())) throw new UsageError(`--now must be an ISO instant such as 2024-09-01T14:00:00Z.`);

    const dataDir = values.data ?? defaultDataDir();
    io.stderr.write(`Opening the station database in ${dataDir}…\n`);
    const backend = await openBackend({
      dataDir,
      clock: values.now ? fixedClock(values.now) : systemClock,
      demo: values['no-demo'] ? false : { individuals: demoCount, seed: 1 },
    });
    const unsubscribe = backend.onEvent((e) => {
      if (e.name === 'task.progress') io.stderr.write(`${e.payload.task}: ${e.payload.done}${e.payload.total ? ` of ${e.payload.total}` : ''}\n`);
    });
    const host = await startWebHost({ backend, rendererDir: RENDERER_DIR, port });
    io.stdout.write(`MQP Assist console: ${host.url}\n`);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    unsubscribe();
    await host.close();
    await backend.close();
    return 0;
  });
}
