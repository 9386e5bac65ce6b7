/**
 * The checks of the supervisor forms before anything is sent, mirroring the contract (dateRange, dashboardFilter,
 * audit.setRetention) so that a problem is named next to its field in the console's language.
 */
import { isoDate } from '../../../src-main/contract';
import type { DateRange } from './dates';

export type RangeProblem = 'date' | 'range';

/** `date`: not a real YYYY-MM-DD day; `range`: the end is before the start (named on `to`, as the contract does). */
export function checkRange(range: DateRange): Partial<Record<keyof DateRange, RangeProblem>> {
  const problems: Partial<Record<keyof DateRange, RangeProblem>> = {};
  if (!isoDate.safeParse(range.from).success) problems.from = 'date';
  if (!isoDate.safeParse(range.to).success) problems.to = 'date';
  if (!problems.from && !problems.to && range.to < range.from) problems.to = 'range';
  return problems;
}

/** A whole number typed in a field, or null when it is not one or lies outside [min, max]. */
export function wholeNumberIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}
