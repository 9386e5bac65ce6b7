/**
 * The backend: everything that is not Electron. Runs in a worker thread under Electron and in-process in the web
 * host, the CLI and tests. Transports only move envelopes through `call`.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { BackendEvent } from '../contract';
import type { Backend, BackendOptions } from './api';
import { applyRetention } from './audit/retention';
import { systemClock } from './clock';
import { createDispatcher } from './dispatcher';
import { handlers } from './handlers';
import { SerialQueue } from './services/serial-queue';
import { seedDemoStation } from './services/setup/seed-demo';
import { importWriteGate } from './services/tasks/import-write-gate';
import { startDateRollover } from './services/workspace/date-rollover';
import { ensureStationId } from './station-id';
import { openStore } from './store/open-store';
import { createSyncEngine } from './sync/sync-engine';
import { readCentralConfig, writeCentralConfig } from './sync/sync-state';

export type { Backend, BackendOptions } from './api';

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const store = await openStore(options.dataDir);
  const stationId = ensureStationId(store.db, options.stationId);
  const events = new EventEmitter();
  const emit = (event: BackendEvent) => events.emit('event', event);
  const queue = new SerialQueue();

  if (options.demo) {
    await seedDemoStation(store, {
      ...options.demo,
      now: clock.now(),
      stationId,
      onProgress: (done) => emit({ name: 'task.progress', payload: { task: 'demo-data', done, total: options.demo ? options.demo.individuals : null } }),
    });
  }

  // Local audit copies past retention and confirmed by the central service are let go once per start.
  applyRetention(store.db, clock.now(), stationId, null);

  const writesPaused = importWriteGate(store);

  if (options.central) writeCentralConfig(store.db, options.central);
  const central = readCentralConfig(store.db);
  const autoStart = options.central?.autoStart !== false;
  const sync = createSyncEngine({
    store,
    queue,
    clock,
    stationId,
    central,
    policy: options.central?.policy,
    pullPageSize: options.central?.pullPageSize,
    pushBatchSize: options.central?.pushBatchSize,
    autoStartOnConfigure: autoStart,
    onStatus: (payload) => emit({ name: 'sync.status', payload }),
    writesPaused,
  });

  const dispatcher = createDispatcher({
    store,
    clock,
    stationId,
    handlers,
    queue,
    sync,
    resourcesDir: options.resourcesDir ?? join(process.cwd(), 'resources'),
    emit,
    logError: (error, procedure) => console.error(`[backend] ${procedure} failed:`, error),
    writesPaused,
  });

  if (autoStart) sync.start(options.central?.intervalMs);
  // Stored eligibility follows the New York date: re-evaluated in the background when it rolls over.
  const dateRollover = startDateRollover({ store, queue, clock, writesPaused });

  return {
    call: dispatcher.call,
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    sync,
    async close() {
      await sync?.stop();
      await dateRollover.stop();
      await queue.run(async () => undefined); // let the call in progress finish
      await store.close();
    },
  };
}
