/**
 * Idle lock timing (DESIGN §7, WCAG 2.2.1): after `idleSeconds` without input a warning appears, and the console
 * locks IDLE_WARNING_SECONDS later unless a key is pressed. Default 5 minutes; `?idleSeconds=20` in the URL
 * (before or inside the #/… route) sets it for tests and training, read once at start-up.
 */
export const DEFAULT_IDLE_SECONDS = 300;
/** WCAG 2.2.1 asks for at least 20 seconds to extend. */
export const IDLE_WARNING_SECONDS = 20;
const MIN_IDLE_SECONDS = 5;
const MAX_IDLE_SECONDS = 24 * 3600;

function fromQuery(query: string): number | null {
  const raw = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query).get('idleSeconds');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, n));
}

/** `search` and `hash` as in `window.location`; the query inside the hash route counts too. */
export function idleSecondsFrom(search: string, hash: string): number {
  const inHash = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return fromQuery(search) ?? fromQuery(inHash) ?? DEFAULT_IDLE_SECONDS;
}

export interface IdleTimings {
  warnAfterMs: number;
  lockAfterMs: number;
}

export function idleTimings(idleSeconds: number): IdleTimings {
  return { warnAfterMs: idleSeconds * 1000, lockAfterMs: (idleSeconds + IDLE_WARNING_SECONDS) * 1000 };
}
