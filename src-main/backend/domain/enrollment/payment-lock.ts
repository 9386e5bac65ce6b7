/** R22: leaving the payment page before paying locks the individual out of a new attempt for 60 minutes. */
export const PAYMENT_LOCK_MINUTES = 60;

export function paymentLockedUntil(abandonedAt: Date): Date {
  return new Date(abandonedAt.getTime() + PAYMENT_LOCK_MINUTES * 60_000);
}

/** Whole seconds left on a lock at `now` (0 when the lock has ended: a new attempt is allowed from lockedUntil on). */
export function lockSecondsLeft(lockedUntil: Date, now: Date): number {
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
