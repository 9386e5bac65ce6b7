/**
 * `mqp central --port P --data DIR [options]`: runs the reference central service (src-central) until SIGINT or
 * SIGTERM. Prints `MQP central service: http://127.0.0.1:P/` on stdout once listening (`--port 0` picks a free
 * port); progress and problems go to stderr.
 */
import { isValidDate } from '../../backend/domain';
import { DEFAULT_SETTLE_MS, faultConfig, MIN_TOKEN_LENGTH, startCentral, type CentralOptions, type FaultConfig, type RunningCentral } from '../../../src-central';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';

const USAGE =
  'mqp central --port P --data DIR [--host H] [--seed N [--seed-value S]] [--station-token T]... [--admin-token A]\n' +
  `            [--settle-ms MS (default ${DEFAULT_SETTLE_MS})] [--faults JSON] [--today YYYY-MM-DD]`;
const MAX_SEED_COUNT = 1_000_000;

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      'seed-value': { type: 'string' },
      'station-token': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'settle-ms': { type: 'string' },
      faults: { type: 'string' },
      today: { type: 'string' },
    }, USAGE);
    if (positionals.length > 0) throw usage(`Unexpected argument "${positionals[0]}".`);
    if (!values.data) throw usage('--data is required: the directory that holds the central database.');
    if (values.port === undefined) throw usage('--port is required (--port 0 picks a free port).');
    const port = wholeNumber('--port', values.port, 0, 65535);
    const stationTokens = values['station-token'] ?? [];
    for (const token of [...stationTokens, ...(values['admin-token'] !== undefined ? [values['admin-token']] : [])]) {
      if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) throw usage(`Tokens must be at least ${MIN_TOKEN_LENGTH} characters without spaces.`);
    }
    if (values.today !== undefined && !isValidDate(values.today)) throw usage(`--today "${values.today}" must be a date written YYYY-MM-DD.`);

    const options: CentralOptions = {
      dataDir: values.data,
      port,
      host: values.host,
      stationTokens,
      adminToken: values['admin-token'] ?? null,
      seed: values.seed !== undefined ? { count: wholeNumber('--seed', values.seed, 0, MAX_SEED_COUNT), value: values['seed-value'] ?? '1' } : null,
      settleMs: values['settle-ms'] !== undefined ? wholeNumber('--settle-ms', values['settle-ms'], 0, 86_400_000) : DEFAULT_SETTLE_MS,
      faults: values.faults !== undefined ? parseFaults(values.faults) : null,
      today: values.today ?? null,
      log: (line) => io.stderr.write(`${line}\n`),
    };
    let central: RunningCentral;
    try {
      central = await startCentral(options);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const reason = e.code === 'EADDRINUSE' ? `port ${port} is already in use; choose another --port (0 picks a free one)` : e.message;
      io.stderr.write(`central: could not start: ${reason}\n`);
      return 1;
    }
    io.stdout.write(`MQP central service: ${central.url}\n`);

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    io.stderr.write(`central: ${signal} received, stopping\n`);
    await central.close();
    return 0;
  });
}

function usage(message: string): UsageError {
  return new UsageError(`${message}\nUsage: ${USAGE}`);
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(n >= min && n <= max)) throw usage(`${flag} "${raw}" must be a whole number from ${min} to ${max}.`);
  return n;
}

function parseFaults(raw: string): FaultConfig {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw usage('--faults must be JSON, e.g. --faults \'{"failRate":0.3}\'.');
  }
  const parsed = faultConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usage(`--faults ${issue.path.join('.') || '(top level)'}: ${issue.message}.`);
  }
  return parsed.data;
}
