/**
 * Worker side of the backend relay: answers `call` messages with the backend's envelope under the same id,
 * forwards backend events, and closes the backend on request. Takes the port and the opening backend as
 * arguments so it runs under a MessageChannel in tests exactly as under worker_threads.
 */
import type { Backend } from '../../backend/api';
import type { Envelope } from '../../contract';
import { internalError, isToWorker, type FromWorker } from './messages';

export interface HostPort {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function serveBackend(port: HostPort, opening: Promise<Backend>): void {
  let startError: string | null = null;
  let unsubscribe: (() => void) | null = null;

  const ready = opening.then(
    (backend) => {
      unsubscribe = backend.onEvent((event) => safePost({ type: 'event', event }));
      safePost({ type: 'ready' });
      return backend;
    },
    (error: unknown) => {
      startError = describe(error);
      safePost({ type: 'failed', message: startError });
      return null;
    },
  );

  function safePost(message: FromWorker): void {
    try {
      port.postMessage(message);
    } catch (error) {
      // A value that cannot be structured-cloned must not leave the caller waiting forever.
      if (message.type === 'reply') {
        port.postMessage({ type: 'reply', id: message.id, envelope: internalError(`The backend's answer could not be sent: ${describe(error)}`) });
      }
    }
  }

  async function answer(id: number, request: Parameters<Backend['call']>[0]): Promise<void> {
    const backend = await ready;
    let envelope: Envelope<unknown>;
    if (backend === null) envelope = internalError(`The backend could not start: ${startError}`);
    else {
      try {
        envelope = await backend.call(request);
      } catch (error) {
        envelope = internalError(`The backend failed on ${request.procedure}: ${describe(error)}`);
      }
    }
    safePost({ type: 'reply', id, envelope });
  }

  async function close(): Promise<void> {
    const backend = await ready;
    unsubscribe?.();
    if (backend !== null) {
      try {
        await backend.close();
      } catch {
        // Closing is best effort; the thread ends either way.
      }
    }
    safePost({ type: 'closed' });
    port.close();
  }

  port.on('message', (message) => {
    if (!isToWorker(message)) return; // only the main process talks to this port; ignore anything malformed
    if (message.type === 'call') void answer(message.id, message.request);
    else void close();
  });
}
