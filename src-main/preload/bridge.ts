/**
 * The `window.mqp` object, built over two injected functions so it is tested without Electron. Unknown procedure
 * names are answered locally with UNKNOWN_PROCEDURE (same envelope the backend would send) and never sent.
 */
import { BRIDGE_PROCEDURE_NAMES, type MqpBridge, type MqpEventListener } from '../contract/bridge';
import type { Envelope } from '../contract/errors';

export interface BridgeTransport {
  invoke(payload: { procedure: string; input: unknown; sessionToken: string | null }): Promise<unknown>;
  /** Subscribes to raw event messages; returns the unsubscribe function. */
  subscribe(handler: (message: unknown) => void): () => void;
}

// Names only (no zod): the sandboxed preload stays small and dependency-free.
const KNOWN = new Set<string>(BRIDGE_PROCEDURE_NAMES);

export function createBridge(transport: BridgeTransport): MqpBridge {
  function call(procedure: unknown, input: unknown, sessionToken?: unknown): Promise<Envelope<never>> {
    if (typeof procedure !== 'string' || !KNOWN.has(procedure)) {
      const name = typeof procedure === 'string' ? procedure.slice(0, 100) : typeof procedure;
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `There is no procedure named "${name}".` } });
    }
    const token = typeof sessionToken === 'string' ? sessionToken : null;
    return transport.invoke({ procedure, input, sessionToken: token }) as Promise<Envelope<never>>;
  }

  function onEvent(listener: MqpEventListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('mqp.onEvent needs a function');
    return transport.subscribe((message) => {
      if (typeof message !== 'object' || message === null) return;
      const { name, payload } = message as { name?: unknown; payload?: unknown };
      if (typeof name !== 'string') return;
      // Only (name, payload) reach the page — never the IPC event, which would leak the sender object.
      (listener as (name: string, payload: unknown) => void)(name, payload);
    });
  }

  return Object.freeze({ call, onEvent }) as MqpBridge;
}
