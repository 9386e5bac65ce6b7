/**
 * The `mqp:rpc` handler body: checks who is calling (policy: top frame of app://mqp, and the main window's own
 * web contents), checks the payload's shape, and relays a clean `{procedure, input, sessionToken}` to the
 * backend. It always answers with an envelope, so errors cross IPC intact (an exception would arrive as a
 * bare string).
 */
import type { Envelope, RpcRequest } from '../contract';
import { validateIpcSender, type SenderFrameLike } from './policies/ipc-sender';
import { isRpcRequest } from './worker/messages';

/** The parts of Electron's IpcMainInvokeEvent the relay reads. */
export interface InvokeEventLike {
  senderFrame: SenderFrameLike | null;
  sender: { id: number };
}

export interface RpcRelayOptions {
  call(request: RpcRequest): Promise<Envelope<unknown>>;
  /** Id of the main window's web contents, or null while there is none. */
  trustedWebContentsId(): number | null;
  warn?(message: string): void;
}

export function createRpcRelay(options: RpcRelayOptions): (event: InvokeEventLike, payload: unknown) => Promise<Envelope<unknown>> {
  return async (event, payload) => {
    const sender = validateIpcSender(event.senderFrame);
    const trustedId = options.trustedWebContentsId();
    if (!sender.trusted || trustedId === null || event.sender.id !== trustedId) {
      const reason = sender.trusted ? 'sender is not the main window' : sender.reason;
      options.warn?.(`mqp:rpc refused: ${reason}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the backend.' } };
    }
    if (!isRpcRequest(payload)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'An RPC request needs a procedure name (text) and an optional session token (text).' },
      };
    }
    return options.call({ procedure: payload.procedure, input: payload.input, sessionToken: payload.sessionToken ?? null });
  };
}
