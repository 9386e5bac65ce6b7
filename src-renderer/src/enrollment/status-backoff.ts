/**
 * Polling of the enrollment status (Payment Pending → Enrolled or failed): 2 s, 4 s, 8 s… at most 30 s between two
 * refreshes, so a quick settlement shows at once and a slow one does not load the central service.
 */
export const STATUS_POLL_FIRST_MS = 2_000;
export const STATUS_POLL_MAX_MS = 30_000;

/** The wait before refresh number `attempt` (0-based). */
export function statusPollDelay(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2^n overflows nothing below 2^1023; cap the exponent anyway so the arithmetic stays exact.
  return Math.min(STATUS_POLL_MAX_MS, STATUS_POLL_FIRST_MS * 2 ** Math.min(n, 20));
}

/** Statuses after which there is nothing left to wait for. */
export const SETTLED_STATUSES: readonly string[] = ['enrolled', 'payment_failed', 'removed', 'ended'];

export function isSettled(status: string | null): boolean {
  return status !== null && SETTLED_STATUSES.includes(status);
}
