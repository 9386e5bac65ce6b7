/**
 * `mqp sync --data DIR --central URL --token T [--once]`: syncs this station with a central service — one pass
 * with --once (exit 0 when everything due was pushed and everything new pulled, 1 otherwise), else continuously.
 */
import { openBackend } from '../../backend';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';
import { defaultDataDir } from '../paths';

const USAGE = 'mqp sync [--data DIR] [--central URL --token T] [--once] [--base-delay-ms N] [--pull-page-size N] [--push-batch-size N]';

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values } = parse(
      args,
      {
        data: { type: 'string' },
        central: { type: 'string' },
        token: { type: 'string' },
        once: { type: 'boolean', default: false },
        'base-delay-ms': { type: 'string' },
        'pull-page-size': { type: 'string' },
        'push-batch-size': { type: 'string' },
      },
      USAGE,
    );
    if (Boolean(values.central) !== Boolean(values.token)) throw new UsageError(`Give --central and --token together.\nUsage: ${USAGE}`);
    if (values.central && !/^https?:\/\//.test(values.central)) throw new UsageError(`--central must be an http(s) URL, not "${values.central}".`);
    const baseDelayMs = positive('--base-delay-ms', values['base-delay-ms']);
    const pullPageSize = positive('--pull-page-size', values['pull-page-size']);
    const pushBatchSize = positive('--push-batch-size', values['push-batch-size']);

    const backend = await openBackend({
      dataDir: values.data ?? defaultDataDir(),
      central: values.central
        ? {
            url: values.central,
            token: values.token!,
            autoStart: false,
            policy: baseDelayMs ? { baseDelayMs, maxDelayMs: baseDelayMs * 20 } : undefined,
            pullPageSize,
            pushBatchSize,
          }
        : undefined,
    });
    try {
      const sync = backend.sync;
      if (!sync || sync.snapshot().connection === 'not-configured') throw new UsageError(`This station has no central service yet: give --central URL --token T.`);
      backend.onEvent((e) => {
        if (e.name !== 'sync.status') return;
        const s = e.payload;
        const pull = s.pull ? ` pulled ${s.pull.done} of ${s.pull.total}` : '';
        io.stderr.write(`sync: ${s.connection}${pull}; ${s.pending} waiting to be sent, ${s.failed} failed${s.error ? `; ${s.error}` : ''}\n`);
      });
      if (values.once) {
        const report = await sync.syncOnce();
        io.stdout.write(`${JSON.stringify(report)}\n`);
        return report.ok ? 0 : 1;
      }
      sync.start();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      return 0;
    } finally {
      await backend.close();
    }
  });
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, not "${value}".`);
  return n;
}
