/** The dashboard (issue 6): counts of the records in dashboard-records, grouped for the charts. */
import type BetterSqlite3 from 'better-sqlite3';
import { DASHBOARD_METRICS, type DashboardFilter, type DashboardMetric, type DashboardSummary } from '../../../contract';
import { addDays, compareDates } from '../../domain';
import { metricRows } from './dashboard-records';
import { stepDurations } from './step-durations';

export function dashboardSummary(db: BetterSqlite3.Database, filter: DashboardFilter, now: Date): DashboardSummary {
  const rows = Object.fromEntries(DASHBOARD_METRICS.map((m) => [m, metricRows(db, m, filter, now)])) as Record<DashboardMetric, ReturnType<typeof metricRows>>;
  const enrollments = rows.enrollments;
  return {
    asOf: now.toISOString(),
    agents: db
      .prepare(`SELECT id, display_name AS name FROM staff WHERE id IN (SELECT staff_id FROM payment_attempt UNION SELECT staff_id FROM call_wrap_up) ORDER BY display_name`)
      .all() as { id: number; name: string }[],
    totals: Object.fromEntries(DASHBOARD_METRICS.map((m) => [m, rows[m].length])) as Record<DashboardMetric, number>,
    perDay: everyDay(filter.from, filter.to).map((date) => ({ date, count: enrollments.filter((r) => r.date === date).length })),
    perAgent: groupCount(enrollments, (r) => r.staffId).map(([staffId, count, r]) => ({ staffId, name: r.staff, count })),
    perStatus: groupCount(enrollments, (r) => r.status).map(([status, count]) => ({ status, count })),
    stepDurations: stepDurations(db, filter),
  };
}

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/** [key, count, first row] per distinct key, largest count first. */
function groupCount<R, K>(rows: R[], key: (r: R) => K): [K, number, R][] {
  const groups = new Map<K, [K, number, R]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g[1] += 1;
    else groups.set(k, [k, 1, r]);
  }
  return [...groups.values()].sort((a, b) => b[1] - a[1]);
}
