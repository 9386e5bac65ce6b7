/**
 * worker_threads entry: opens the backend (SQLite, services, sync) off the main process's event loop, so a
 * long query never freezes the window, and relays messages through the pure host.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendOptions } from '../backend/api';
import { openBackend } from '../backend/index';
import { serveBackend } from './worker/backend-host';

if (parentPort === null) throw new Error('backend-worker.ts must run as a worker thread');

// Promise.resolve().then: a synchronous throw becomes a 'failed' message, not a dead thread.
serveBackend(parentPort, Promise.resolve().then(() => openBackend(workerData as BackendOptions)));
