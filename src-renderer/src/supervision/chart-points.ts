/**
 * The dashboard's charts as points (label, value, and the slice of records behind the bar), so that the canvas and
 * the table that repeats its numbers for people who cannot see it come from the same list.
 */
import type { DashboardSummary, ProcedureInput } from '../../../src-main/contract';
import { daysOf, type DateRange } from './dates';

/** Narrows a metric's records to one bar (dashboard.records' `slice`). */
export type DashboardSlice = NonNullable<ProcedureInput<'dashboard.records'>['slice']>;

export interface ChartPoint {
  key: string;
  label: string;
  value: number;
  /** null: the bar has no records of its own (average time per step). */
  slice: DashboardSlice | null;
}

/** Beyond this many days, days without an enrollment are left out instead of drawn as empty bars. */
const MAX_FILLED_DAYS = 366;

/** One bar per day of the range, days without an enrollment at 0, so that the time axis has no gaps. */
export function perDayPoints(summary: DashboardSummary, range: DateRange, label: (date: string) => string): ChartPoint[] {
  const counts = new Map(summary.perDay.map((d) => [d.date, d.count]));
  const days = daysOf(range);
  const shown = days.length <= MAX_FILLED_DAYS ? days : summary.perDay.map((d) => d.date).sort();
  return shown.map((date) => ({ key: date, label: label(date), value: counts.get(date) ?? 0, slice: { date } }));
}

export function perAgentPoints(summary: DashboardSummary): ChartPoint[] {
  return summary.perAgent.map((a) => ({ key: String(a.staffId), label: a.name, value: a.count, slice: { staffId: a.staffId } }));
}

export function perStatusPoints(summary: DashboardSummary, label: (status: string) => string): ChartPoint[] {
  return summary.perStatus.map((s) => ({ key: s.status, label: label(s.status), value: s.count, slice: { status: s.status } }));
}

/** Whole seconds: the averages are read, not computed with. */
export function stepPoints(summary: DashboardSummary, label: (step: string) => string): ChartPoint[] {
  return summary.stepDurations.map((s) => ({ key: s.step, label: label(s.step), value: Math.round(s.averageSeconds), slice: null }));
}
