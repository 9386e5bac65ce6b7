/**
 * Calendar days of the supervision screens. The contract's date ranges are America/New_York days (MQP-RULES:
 * "today" is the date in New York), whatever the time zone of the computer showing them.
 */
const TIME_ZONE = 'America/New_York';
const DAY_MS = 86_400_000;

const dayParts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export interface DateRange {
  from: string;
  to: string;
}

/** The New York calendar day (YYYY-MM-DD) of an instant. */
export function newYorkDate(instant: Date): string {
  const parts = Object.fromEntries(dayParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function toUtc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `count` days ending with `today`, both ends included. */
export function lastDays(today: string, count: number): DateRange {
  return { from: addDays(today, -(count - 1)), to: today };
}

/** Every day from `from` to `to`, both included (empty when the range is backwards). */
export function daysOf(range: DateRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A calendar day as "Sep 1" (no time zone shift: the day is already New York's). */
export function formatDay(iso: string, locale: string): string {
  const tag = locale === 'es' ? 'es-US' : 'en-US';
  return new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(toUtc(iso)));
}
