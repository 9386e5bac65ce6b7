/**
 * Keeps the station in step with the central service: push the outbox, then pull changes after the cursor.
 * One sync in flight at a time. All database work goes through the backend's serial queue, so it never interleaves
 * with a procedure's transaction on the shared connection.
 */
import type { Store } from '../store/open-store';
import type { Clock } from '../clock';
import type { SerialQueue } from '../services/serial-queue';
import { todayInNewYork } from '../domain';
import { applyChangesPage } from './apply-changes';
import { recheckPassedDeadlines } from './recheck-deadlines';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CentralError, centralClient, type CentralClient, type CentralConfig } from './central-client';
import { deferCommands, dueCommands, nextDueAt, outboxCounts, settleResults, toCommand } from './outbox';
import { readCursor, readLastSyncAt, writeLastSyncAt } from './sync-state';
import type { SyncStatus } from '../../contract';

export interface SyncEngineOptions {
  store: Store;
  queue: SerialQueue;
  clock: Clock;
  stationId: string;
  /** Null on a station that has no central service yet: the engine then reports 'not-configured' until `configure`. */
  central: CentralConfig | null;
  onStatus?: (status: SyncStatus) => void;
  policy?: Partial<BackoffPolicy>;
  pushBatchSize?: number;
  pullPageSize?: number;
  /** Start the background loop when a central service is configured later (the console; not the CLI). */
  autoStartOnConfigure?: boolean;
  /** Why this pass must not write now (a console import holds the write lock), or null: the pass waits its turn. */
  writesPaused?: () => string | null;
}

export interface SyncPassReport {
  ok: boolean;
  pushed: number;
  parked: number;
  pulled: number;
  error: string | null;
}

export function createSyncEngine(options: SyncEngineOptions) {
  const { store, queue, clock, stationId } = options;
  const policy: BackoffPolicy = { ...DEFAULT_BACKOFF, ...options.policy };
  let client = options.central ? centralClient(options.central) : null;
  const pushBatchSize = options.pushBatchSize ?? 200;
  const pullPageSize = options.pullPageSize ?? 2000;
  let inFlight: Promise<SyncPassReport> | null = null;
  let connection: SyncStatus['connection'] = client ? 'unknown' : 'not-configured';
  let lastError: string | null = null;
  let pull: SyncStatus['pull'] = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let failures = 0;

  const db = () => store.db;

  /** The status read directly: only for callers already inside the serial queue (procedure handlers). */
  function snapshot(): SyncStatus {
    return { connection, lastSuccessAt: readLastSyncAt(db()), ...outboxCounts(db()), pull, error: lastError, asOf: clock.now().toISOString() };
  }

  function status(): Promise<SyncStatus> {
    return queue.run(async () => snapshot());
  }

  async function publish() {
    options.onStatus?.(await status());
  }

  /** Pushes everything due, then pulls until the central service has nothing more. */
  function syncOnce(): Promise<SyncPassReport> {
    inFlight ??= runPass().finally(() => (inFlight = null));
    return inFlight;
  }

  async function runPass(): Promise<SyncPassReport> {
    const report: SyncPassReport = { ok: true, pushed: 0, parked: 0, pulled: 0, error: null };
    if (!client) return { ...report, ok: false, error: 'This station has no central service configured.' };
    const paused = options.writesPaused?.();
    if (paused) return { ...report, ok: false, error: paused };
    const central = client;
    try {
      await pushAll(report, central);
      await pullAll(report, central);
      connection = 'online';
      lastError = null;
      failures = 0;
      await queue.run(async () => writeLastSyncAt(db(), clock.now()));
    } catch (error) {
      report.ok = false;
      report.error = (error as Error).message;
      lastError = report.error;
      failures += 1;
      connection = error instanceof CentralError && error.kind === 'unauthorized' ? 'refused' : 'offline';
      if (!(error instanceof CentralError)) throw error;
    } finally {
      pull = null;
      await publish();
    }
    return report;
  }

  async function pushAll(report: SyncPassReport, client: CentralClient) {
    for (;;) {
      const rows = await queue.run(async () => dueCommands(db(), clock.now(), pushBatchSize));
      if (rows.length === 0) return;
      try {
        const results = await client.pushCommands(rows.map((r) => toCommand(r, stationId)));
        const settled = await queue.run(async () => store.db.transaction(() => settleResults(db(), results)).immediate());
        report.pushed += settled.acknowledged;
        report.parked += settled.parked;
        // Keys the server did not answer for stay queued and are retried (never assumed delivered).
      } catch (error) {
        // No answer at all is the station's offline state, not these commands' fault: they stay due for the next
        // pass (the loop itself backs off), so days offline never park anything and reconnecting drains at once.
        if (error instanceof CentralError && error.kind === 'offline') throw error;
        const retryAfter = error instanceof CentralError ? error.retryAfterMs : null;
        const message = (error as Error).message;
        await queue.run(async () =>
          store.db.transaction(() =>
            deferCommands(db(), rows.map((r) => r.id), message, (attempts) => new Date(clock.now().getTime() + backoffDelay(attempts, policy, retryAfter)), policy.maxAttempts),
          ).immediate(),
        );
        throw error;
      }
      await publish();
    }
  }

  async function pullAll(report: SyncPassReport, client: CentralClient) {
    let cursor = await queue.run(async () => readCursor(db()));
    let done = 0;
    for (;;) {
      const page = await client.changes(cursor, pullPageSize);
      await queue.run(async () => applyChangesPage(db(), page, todayInNewYork(clock.now()), clock.now(), stationId));
      // `remaining` counts this page too (everything after the cursor we asked with).
      pull = { done: done + page.changes.length, total: done + page.remaining };
      done += page.changes.length;
      report.pulled += page.changes.length;
      cursor = page.nextCursor;
      options.onStatus?.({ ...(await status()), connection: 'online', pull });
      if (!page.hasMore) {
        await queue.run(async () => recheckPassedDeadlines(db(), todayInNewYork(clock.now()), clock.now()));
        return;
      }
    }
  }

  /** Background loop: sync now, then again after `intervalMs`, or sooner when outbox rows fall due; back off when offline. */
  let interval = 15_000;
  function start(intervalMs = interval) {
    interval = intervalMs;
    if (!stopped || !client) return;
    stopped = false;
    const loop = async () => {
      if (stopped) return;
      try {
        await syncOnce();
      } catch (error) {
        lastError = (error as Error).message;
      }
      if (stopped) return;
      const due = await queue.run(async () => nextDueAt(db()));
      const untilDue = due ? Math.max(0, due.getTime() - clock.now().getTime()) : intervalMs;
      const offlineDelay = failures > 0 ? backoffDelay(failures, policy, null) : intervalMs;
      timer = setTimeout(loop, Math.max(50, Math.min(intervalMs, untilDue, offlineDelay)));
    };
    void loop();
  }

  async function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await inFlight?.catch(() => undefined);
  }

  /** Something changed locally: push soon rather than at the next interval. */
  function nudge() {
    if (stopped || inFlight) return;
    if (timer) clearTimeout(timer);
    timer = null;
    stopped = true;
    start();
  }

  /** Points the station at another central service (settings): the next pass uses it. */
  async function configure(config: CentralConfig) {
    const wasRunning = !stopped;
    await stop();
    client = centralClient(config);
    connection = 'unknown';
    lastError = null;
    failures = 0;
    if (wasRunning || options.autoStartOnConfigure) start();
  }

  return { syncOnce, start, stop, status, snapshot, nudge, configure };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
