/** Command-line flags of `npm run bench` (see USAGE). */
import { MAX_DEMO_COUNT } from '../../src-main/backend/domain';

export interface BenchOptions {
  /** Individuals generated and imported. */
  count: number;
  /** Audit events appended before the chain is verified. */
  auditEvents: number;
  /** Timed search queries (after the warm-up). */
  queries: number;
  /** Warm-up queries, not timed. */
  warmup: number;
  /** Runs of each import (ABBA order); the fastest of each is compared. */
  importRuns: number;
  /** Seed of the demo data and of the query mix. */
  seed: number;
  /** Keep the temp data folder (to inspect the databases afterwards). */
  keep: boolean;
  /** Leave out the console phase (Chromium and the built renderer), for machines without them; see USAGE. */
  skipConsole: boolean;
  quick: boolean;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--count N] [--audit-events M] [--queries Q] [--import-runs R] [--seed S] [--keep] [--skip-console]
  --quick           10,000 individuals and 50,000 audit events (defaults: 100,000 and 1,000,000)
  --count N         individuals to generate and import
  --audit-events M  audit events to append before verifying the chain
  --queries Q       timed search queries (default 2,000; a warm-up of 200 runs first)
  --import-runs R   runs of each import, in ABBA order; the fastest of each is compared (default 2)
  --seed S          seed of the demo data and of the query mix (default 7)
  --keep            keep the temp data folder
  --skip-console    leave out the console phase (sign-in and scrolling in Chromium over \`mqp serve\`), which needs
                    /usr/bin/chromium (or MQP_CHROMIUM) and the built renderer (npm run build); the backend-memory
                    phase still runs: the bundled backend always (the bench needs out/main: npm run build), and the
                    import through \`mqp serve\` if the renderer is built`;

const WHOLE_FLAGS = {
  '--count': 'count',
  '--audit-events': 'auditEvents',
  '--queries': 'queries',
  '--import-runs': 'importRuns',
  '--seed': 'seed',
} as const;

/** Throws an Error naming the bad flag; the caller prints it with USAGE. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    count: quick ? 10_000 : 100_000,
    auditEvents: quick ? 50_000 : 1_000_000,
    queries: 2_000,
    importRuns: 2,
    warmup: 200,
    seed: 7,
    keep: false,
    skipConsole: false,
    quick,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') continue;
    if (arg === '--keep' || arg === '--skip-console') {
      options[arg === '--keep' ? 'keep' : 'skipConsole'] = true;
      continue;
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!Object.hasOwn(WHOLE_FLAGS, flag)) throw new Error(`unknown option "${arg}"`);
    const raw = inline ?? argv[++i];
    const value = Number(raw?.replace(/[_,]/g, ''));
    if (raw === undefined || !Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number of at least 1, got "${raw ?? ''}"`);
    if (flag === '--count' && value > MAX_DEMO_COUNT) throw new Error(`--count can be at most ${MAX_DEMO_COUNT} (distinct demo CRDs)`);
    options[WHOLE_FLAGS[flag as keyof typeof WHOLE_FLAGS]] = value;
  }
  return options;
}
