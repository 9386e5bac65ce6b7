/** Transport over the Electron preload's `window.mqp` (IPC to the main process, relayed to the backend worker). */
import type { ProcedureName } from '../../../src-main/contract';
import type { MqpBridge } from './bridge';
import { isEnvelope, unreachableEnvelope, type Transport } from './transport';

export function createBridgeTransport(bridge: MqpBridge): Transport {
  return {
    async call(procedure, input, sessionToken) {
      try {
        // The procedure name and input were typed by `call()` in index.ts; here they are only carried.
        const envelope: unknown = await bridge.call(procedure as ProcedureName, input as never, sessionToken);
        return isEnvelope(envelope) ? envelope : unreachableEnvelope('the answer was not an envelope');
      } catch (error) {
        return unreachableEnvelope(error instanceof Error ? error.message : 'IPC failed');
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
