/**
 * The backend: everything that is not Electron. Runs in a worker thread under Electron and in-process in the web
 * host, the CLI and tests. Transports only move envelopes through `call`.
 */
import { EventEmitter } from 'node:events';
import type { BackendEvent } from '../contract';
import type { Backend, BackendOptions } from './api';
import { systemClock } from './clock';
import { createDispatcher } from './dispatcher';
import { handlers } from './handlers';
import { seedDemoStation } from './services/setup/seed-demo';
import { ensureStationId } from './station-id';
import { openStore } from './store/open-store';

export type { Backend, BackendOptions } from './api';

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const store = await openStore(options.dataDir);
  const stationId = ensureStationId(store.db, options.stationId);
  const events = new EventEmitter();
  const emit = (event: BackendEvent) => events.emit('event', event);

  if (options.demo) {
    await seedDemoStation(store, {
      ...options.demo,
      now: clock.now(),
      stationId,
      onProgress: (done) => emit({ name: 'task.progress', payload: { task: 'demo-data', done, total: options.demo ? options.demo.individuals : null } }),
    });
  }

  const dispatcher = createDispatcher({
    store,
    clock,
    stationId,
    handlers,
    emit,
    logError: (error, procedure) => console.error(`[backend] ${procedure} failed:`, error),
  });

  return {
    call: dispatcher.call,
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    close: () => store.close(),
  };
}
