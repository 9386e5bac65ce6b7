/** R22's lock countdown, for display only: the backend decides the lock; the console counts down what it was told. */

/** "mm:ss" (minutes may pass 59, e.g. "60:00"); never negative. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/**
 * Seconds left now, from the `secondsLeft` the backend gave when the view was made and the local time at which the
 * answer arrived: counting on this console's own clock keeps the countdown right even when the backend's clock is
 * fixed or set for training (`--now`).
 */
export function secondsRemaining(secondsLeftAtReceipt: number, receivedAtMs: number, nowMs: number): number {
  const elapsed = Math.max(0, (nowMs - receivedAtMs) / 1000);
  return Math.max(0, Math.ceil(secondsLeftAtReceipt - elapsed));
}
