/** What the `api` module needs of a transport; the stores never see which one is in use (DESIGN §2). */
import type { Envelope } from '../../../src-main/contract';

export type RawEventListener = (name: string, payload: unknown) => void;

export interface CallOptions {
  /**
   * The page is going away (beforeunload/pagehide): the request must outlive it. The HTTP transport uses
   * `fetch(…, {keepalive: true})`, which — unlike navigator.sendBeacon — can carry the token headers.
   */
  keepalive?: boolean;
}

export interface Transport {
  call(procedure: string, input: unknown, sessionToken: string | null, options?: CallOptions): Promise<Envelope<unknown>>;
  onEvent(listener: RawEventListener): () => void;
  /** The HTTP event stream carries the session token as a header, so it reconnects when the token changes. */
  sessionChanged?(sessionToken: string | null): void;
}

/** The envelope every transport returns when the backend cannot be reached at all. */
export function unreachableEnvelope(cause: string): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `The console could not reach its backend (${cause}). Check that MQP Assist is still running, then try again.`,
      details: { unreachable: true },
    },
  };
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}
