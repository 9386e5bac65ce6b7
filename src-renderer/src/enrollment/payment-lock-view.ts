/**
 * R22's lock as the console shows it: from the MQP section's `lock`, from `enrollment.abandonPayment`'s answer or
 * from a PAYMENT_LOCKED error's details ({lockedUntil, secondsLeft}, maybe more). `receivedAt` is this console's
 * clock when the view arrived: the countdown runs from there.
 */
export interface LockView {
  lockedUntil: string | null;
  secondsLeft: number;
  abandonedBy: string | null;
  abandonedAt: string | null;
  reason: string | null;
  receivedAt: number;
}

interface LockLike {
  lockedUntil?: unknown;
  secondsLeft?: unknown;
  abandonedBy?: unknown;
  abandonedAt?: unknown;
  reason?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A lock view from any of its sources, or null when the value says nothing usable. */
export function toLockView(value: unknown, receivedAt: number): LockView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as LockLike & { lock?: unknown };
  // Error details may nest the lock itself.
  if (v.secondsLeft === undefined && typeof v.lock === 'object' && v.lock !== null) return toLockView(v.lock, receivedAt);
  const lockedUntil = str(v.lockedUntil);
  let secondsLeft = typeof v.secondsLeft === 'number' && Number.isFinite(v.secondsLeft) ? v.secondsLeft : null;
  if (secondsLeft === null && lockedUntil !== null) {
    const until = Date.parse(lockedUntil);
    if (!Number.isNaN(until)) secondsLeft = Math.max(0, Math.ceil((until - receivedAt) / 1000));
  }
  if (secondsLeft === null) return null;
  return {
    lockedUntil,
    secondsLeft,
    abandonedBy: str(v.abandonedBy),
    abandonedAt: str(v.abandonedAt),
    reason: str(v.reason),
    receivedAt,
  };
}

/** Keeps what one source knows and the other does not (an error's details rarely name who abandoned). */
export function mergeLockViews(fresh: LockView, known: LockView | null): LockView {
  if (!known) return fresh;
  return {
    ...fresh,
    abandonedBy: fresh.abandonedBy ?? known.abandonedBy,
    abandonedAt: fresh.abandonedAt ?? known.abandonedAt,
    reason: fresh.reason ?? known.reason,
  };
}
