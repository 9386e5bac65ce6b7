/** Retry timing for pushes and pulls: exponential backoff with jitter, and the server's Retry-After when longer. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts a command is parked as failed (shown to the user, never dropped). */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 5 * 60_000, maxAttempts: 12 };

/** "Full jitter" between half and all of the exponential step, so stations that failed together spread out. */
export function backoffDelay(attempts: number, policy: BackoffPolicy, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (0.5 + random() * 0.5);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
