/**
 * Main-process side of the backend worker: numbered requests, a pending map, events fanned out to listeners.
 * If the worker dies, every waiting call is answered with an INTERNAL envelope (never left hanging), and so is
 * every later call.
 */
import type { BackendEvent, Envelope, RpcRequest } from '../../contract';
import { internalError, isFromWorker, type ToWorker } from './messages';

/** The parts of worker_threads.Worker the client uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (exitCode: number) => void): unknown;
  terminate(): Promise<number>;
}

export type WorkerStatus = 'starting' | 'ready' | 'failed' | 'exited';

export interface BackendWorkerClient {
  call(request: RpcRequest): Promise<Envelope<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** Settles once the backend opened or could not open (or the worker died first). */
  readonly started: Promise<{ ok: true } | { ok: false; message: string }>;
  readonly status: WorkerStatus;
  readonly pendingCount: number;
  /** Asks the worker to close the backend; terminates it if it has not exited after `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
}

export function createBackendWorkerClient(worker: WorkerLike): BackendWorkerClient {
  let nextId = 1;
  let status: WorkerStatus = 'starting';
  let closing = false;
  let deathReason: string | null = null;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Set<(event: BackendEvent) => void>();
  let settleStarted!: (result: { ok: true } | { ok: false; message: string }) => void;
  const started = new Promise<{ ok: true } | { ok: false; message: string }>((resolve) => (settleStarted = resolve));
  let markExited!: () => void;
  const exited = new Promise<void>((resolve) => (markExited = resolve));

  function failPending(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(internalError(message));
  }

  worker.on('message', (message) => {
    if (!isFromWorker(message)) return;
    switch (message.type) {
      case 'reply': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.envelope);
        break;
      }
      case 'event':
        for (const listener of [...listeners]) {
          try {
            listener(message.event);
          } catch {
            // One faulty listener must not starve the others.
          }
        }
        break;
      case 'ready':
        status = 'ready';
        settleStarted({ ok: true });
        break;
      case 'failed':
        status = 'failed';
        settleStarted({ ok: false, message: message.message });
        break;
      case 'closed':
        break;
    }
  });
  worker.on('error', (error) => {
    deathReason = error.message;
  });
  worker.on('exit', (exitCode) => {
    status = 'exited';
    const why = deathReason ? `: ${deathReason}` : '';
    const message = closing
      ? 'The backend was shut down before answering.'
      : `The backend stopped unexpectedly (exit code ${exitCode}${why}); the request was not completed.`;
    settleStarted({ ok: false, message });
    failPending(message);
    markExited();
  });

  return {
    call(request) {
      if (status === 'exited') return Promise.resolve(internalError('The backend is not running; restart the application.'));
      if (closing) return Promise.resolve(internalError('The backend is shutting down.'));
      const id = nextId++;
      return new Promise<Envelope<unknown>>((resolve) => {
        pending.set(id, resolve);
        try {
          worker.postMessage({ type: 'call', id, request });
        } catch (error) {
          pending.delete(id);
          resolve(internalError(`The request could not be sent to the backend: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    started,
    get status() {
      return status;
    },
    get pendingCount() {
      return pending.size;
    },
    async close(timeoutMs = 5000) {
      if (status === 'exited') return;
      closing = true;
      try {
        worker.postMessage({ type: 'close' });
      } catch {
        // Already unreachable: the timeout below terminates it.
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
        timer.unref?.();
      });
      const outcome = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        await worker.terminate();
        await exited;
      }
    },
  };
}
