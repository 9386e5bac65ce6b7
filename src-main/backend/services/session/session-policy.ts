/** How long a staff session lives. One place, so policy changes are one edit. */
export const SESSION_IDLE_MS = 30 * 60 * 1000; // signed out after 30 minutes without a call
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000; // and after a 12-hour shift at most
/** A session's expiry is pushed forward at most this often (a write per minute, not per call). */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionExpiry(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_MAX_MS, lastSeenAt.getTime() + SESSION_IDLE_MS));
}
