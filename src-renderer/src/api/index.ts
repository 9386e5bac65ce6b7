/**
 * The console's single door to the backend. Picks `window.mqp` (Electron preload) when present, the web host's
 * HTTP transport otherwise (DESIGN §2). Stores call `call()` and never know which transport is in use.
 */
import {
  events,
  type EventName,
  type EventPayload,
  type ProcedureInput,
  type ProcedureName,
  type ProcedureOutput,
} from '../../../src-main/contract';
import { ApiError } from './api-error';
import { createBridgeTransport } from './bridge-transport';
import { createHttpTransport, readLaunchToken } from './http-transport';
import type { CallOptions, Transport } from './transport';

export { ApiError, toApiError } from './api-error';

let transport: Transport | null = null;
let sessionToken: string | null = null;
const errorListeners = new Set<(error: ApiError, procedure: ProcedureName) => void>();

function currentTransport(): Transport {
  transport ??= window.mqp ? createBridgeTransport(window.mqp) : createHttpTransport({ launchToken: readLaunchToken() });
  return transport;
}

/** For tests and special hosts: replace the transport picked automatically. */
export function useTransport(t: Transport): void {
  transport = t;
  t.sessionChanged?.(sessionToken);
}

/** Set on sign-in, cleared on sign-out or expiry; sent with every call. */
export function setSessionToken(token: string | null): void {
  sessionToken = token;
  currentTransport().sessionChanged?.(token);
}

export function hasSessionToken(): boolean {
  return sessionToken !== null;
}

/** Calls a procedure; resolves with its output or throws an ApiError carrying the envelope's error. */
export async function call<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>, options?: CallOptions): Promise<ProcedureOutput<P>> {
  const envelope = await currentTransport().call(procedure, input, sessionToken, options);
  if (envelope.ok) return envelope.value as ProcedureOutput<P>;
  const error = new ApiError(envelope.error);
  for (const listener of [...errorListeners]) listener(error, procedure);
  throw error;
}

/** Observes every failed call (used to send the console back to sign-in on UNAUTHENTICATED). */
export function onApiError(listener: (error: ApiError, procedure: ProcedureName) => void): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** Subscribes to one backend event; payloads that do not match the contract are ignored. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return currentTransport().onEvent((eventName, payload) => {
    if (eventName !== name) return;
    const parsed = events[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}
