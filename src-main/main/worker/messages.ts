/**
 * Messages between the main process and the backend worker thread (structured-cloned, so plain data only).
 * Both sides check the shape of what they receive instead of trusting it.
 */
import type { BackendEvent, Envelope, RpcRequest } from '../../contract';

export type ToWorker = { type: 'call'; id: number; request: RpcRequest } | { type: 'close' };

export type FromWorker =
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: BackendEvent }
  | { type: 'ready' }
  /** openBackend failed; calls keep being answered with INTERNAL envelopes carrying this message. */
  | { type: 'failed'; message: string }
  | { type: 'closed' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export function isRpcRequest(v: unknown): v is RpcRequest {
  return (
    isObject(v) &&
    typeof v.procedure === 'string' &&
    (v.sessionToken === undefined || v.sessionToken === null || typeof v.sessionToken === 'string')
  );
}

export function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (!isObject(v)) return false;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && isObject(v.error) && typeof v.error.code === 'string' && typeof v.error.message === 'string';
}

export function isToWorker(v: unknown): v is ToWorker {
  if (!isObject(v)) return false;
  if (v.type === 'close') return true;
  return v.type === 'call' && isId(v.id) && isRpcRequest(v.request);
}

export function isFromWorker(v: unknown): v is FromWorker {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'reply':
      return isId(v.id) && isEnvelope(v.envelope);
    case 'event':
      return isObject(v.event) && typeof v.event.name === 'string';
    case 'failed':
      return typeof v.message === 'string';
    case 'ready':
    case 'closed':
      return true;
    default:
      return false;
  }
}

export function internalError(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
