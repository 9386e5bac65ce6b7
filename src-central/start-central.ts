/**
 * Starts the reference central service: opens its database, registers station tokens, seeds when asked, resumes
 * pending settlements and listens on HTTP (127.0.0.1 by default). Used by `mqp central` and by tests in-process.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { systemClock, type Clock } from '../src-main/backend/clock';
import { todayInNewYork } from '../src-main/backend/domain';
import { createCentralApp } from './http/app';
import type { CentralServices } from './http/central-env';
import { changeFeed } from './services/change-feed';
import { Faults, type FaultConfig } from './services/faults';
import { CardVault } from './services/payments/card-vault';
import { Settlement } from './services/payments/settlement';
import { seedCentral, type SeedReport } from './services/seed/seed-central';
import { StationTokens } from './services/station-tokens';
import { CentralDb } from './store/central-db';
import { openCentralStore } from './store/open-central-store';

export interface CentralOptions {
  dataDir: string;
  port: number;
  host?: string;
  stationTokens?: string[];
  adminToken?: string | null;
  /** Demo individuals to seed into an empty database, and the generator's seed (default "1"). */
  seed?: { count: number; value: string } | null;
  /** Delay from Payment Pending to the processor's answer. */
  settleMs?: number;
  faults?: FaultConfig | null;
  /** A fixed server date for the rules (training, tests); America/New_York today otherwise. */
  today?: string | null;
  clock?: Clock;
  /** Progress and problems (stderr for the CLI). Never receives request bodies. */
  log?: (line: string) => void;
}

export interface RunningCentral {
  url: string;
  port: number;
  seedReport: SeedReport | null;
  close(): Promise<void>;
}

export const DEFAULT_SETTLE_MS = 5000;

export async function startCentral(options: CentralOptions): Promise<RunningCentral> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const store = await openCentralStore(options.dataDir);
  const centralDb = new CentralDb(store);
  try {
    const tokens = await StationTokens.load(centralDb, options.stationTokens ?? [], clock.now());
    if (tokens.count === 0) log('central: no station token is registered (--station-token T): every /v1 request will be refused');

    let seedReport: SeedReport | null = null;
    if (options.seed) {
      seedReport = await seedCentral(centralDb, { count: options.seed.count, seed: options.seed.value, now: clock.now() });
      log(seedReport.seeded
        ? `central: seeded ${seedReport.individuals} individuals, ${seedReport.learningPlanItems} learning-plan items and ${seedReport.agreementVersions} agreement versions in ${seedReport.ms} ms`
        : 'central: the database already holds data; --seed ignored');
    }

    const faults = new Faults();
    if (options.faults) faults.set(options.faults);
    const settlement = new Settlement(centralDb, clock, log);
    const resumed = await settlement.resume();
    if (resumed > 0) log(`central: ${resumed} pending payment(s) will settle`);

    const services: CentralServices = {
      centralDb,
      feed: changeFeed(store.db),
      tokens,
      faults,
      vault: new CardVault(),
      settlement,
      clock,
      today: () => options.today ?? todayInNewYork(clock.now()),
      settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
      adminToken: options.adminToken ?? null,
      tables: store.dataSource.entityMetadatas.map((m) => m.tableName).sort(),
      logError: (message) => log(`central: ${message}`),
    };
    const app = createCentralApp(services);
    const host = options.host ?? '127.0.0.1';
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      // overrideGlobalObjects: false — when embedded in a test process, leave the global Request/Response alone.
      const s = serve({ fetch: app.fetch, port: options.port, hostname: host, overrideGlobalObjects: false }, () => resolve(s));
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const urlHost = host.includes(':') ? `[${host}]` : host;

    let closing: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${port}/`,
      port,
      seedReport,
      close: () =>
        (closing ??= (async () => {
          settlement.close();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await centralDb.close();
        })()),
    };
  } catch (error) {
    await centralDb.close().catch(() => undefined);
    throw error;
  }
}
