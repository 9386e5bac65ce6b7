/**
 * Calendar dates without time, written 'YYYY-MM-DD' (MQP-RULES.md "Date conventions").
 * Arithmetic is done on UTC day numbers so no time zone or daylight-saving change can move a date.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses 'YYYY-MM-DD'; throws RangeError for anything that is not a real calendar date. */
export function parseDate(text: string): CalendarDate {
  const m = ISO_DATE.exec(text);
  if (!m) throw new RangeError(`"${text}" is not a date written YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${text}" is not a real calendar date`);
  }
  return { year, month, day };
}

export function isValidDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: string, b: string): number {
  // Both are validated 'YYYY-MM-DD' strings, for which text order is calendar order.
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: string, b: string): boolean => compareDates(a, b) < 0;
export const isAfter = (a: string, b: string): boolean => compareDates(a, b) > 0;
export const isOnOrBefore = (a: string, b: string): boolean => compareDates(a, b) <= 0;
export const isOnOrAfter = (a: string, b: string): boolean => compareDates(a, b) >= 0;

/** Inclusive of both ends (MQP-RULES.md: "All windows are inclusive of both ends"). */
export function isWithin(date: string, from: string, through: string): boolean {
  return isOnOrAfter(date, from) && isOnOrBefore(date, through);
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(text: string): number {
  const { year, month, day } = parseDate(text);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(text: string, days: number): string {
  return fromDayNumber(toDayNumber(text) + days);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (so Feb 29 + 12 months → Feb 28 in a non-leap year — the convention in MQP-RULES.md).
 */
export function addMonths(text: string, months: number): string {
  const { year, month, day } = parseDate(text);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Adds calendar years with the Feb 29 → Feb 28 clamp (T = 2024-02-29 → T + 2 years = 2026-02-28). */
export function addYears(text: string, years: number): string {
  return addMonths(text, years * 12);
}

const newYorkFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "Today" for the rules is the calendar date in America/New_York at the given instant. */
export function todayInNewYork(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('todayInNewYork needs a valid instant');
  const parts = newYorkFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return formatDate({ year: get('year'), month: get('month'), day: get('day') });
}

/**
 * The instant a calendar day begins in America/New_York (midnight there, 04:00 or 05:00 UTC). Reports bucket
 * events by New York days, so a range [from, to] is [startOfDayInNewYork(from), startOfDayInNewYork(to + 1)).
 */
export function startOfDayInNewYork(date: string): Date {
  const { year, month, day } = parseDate(date);
  // New York is 4 or 5 hours behind UTC; the first of the candidate instants that is already `date` there wins.
  for (const hour of [4, 5]) {
    const candidate = new Date(Date.UTC(year, month - 1, day, hour));
    if (todayInNewYork(candidate) === date && todayInNewYork(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  throw new RangeError(`no New York midnight found for ${date}`);
}
