/** The idle setting of this console, read once at start-up from the URL (see idle-settings.ts). */
import { idleSecondsFrom, idleTimings, type IdleTimings } from './idle-settings';

let timings: IdleTimings | null = null;

export function consoleIdleTimings(): IdleTimings {
  timings ??= idleTimings(idleSecondsFrom(window.location.search, window.location.hash));
  return timings;
}
