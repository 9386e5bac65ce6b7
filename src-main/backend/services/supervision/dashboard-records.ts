/**
 * The records behind each dashboard number (issue 6). The summary counts exactly these rows, so every number on
 * the dashboard can be opened as the list it was counted from. Only this station's journey tables are read: staff
 * ids of other stations mean nothing here.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DashboardFilter, DashboardMetric, DashboardRecord } from '../../../contract';
import { addDays, startOfDayInNewYork, todayInNewYork } from '../../domain';

export interface MetricRow extends DashboardRecord {
  /** The New York calendar day of `at`, for the per-day chart. */
  date: string;
  staffId: number;
}

export interface MetricSlice {
  date?: string;
  staffId?: number;
  status?: string;
}

/** Dispositions that mean the call ended with an enrollment submitted. */
const ENROLLED_DISPOSITIONS = ['enrolled', 'payment-pending'];

type Raw = Omit<MetricRow, 'date'>;

const ATTEMPT_COLUMNS = `a.draft_id AS draftId, a.crd, coalesce(i.first_name || ' ' || i.last_name, a.crd) AS name,
  s.display_name AS staff, a.staff_id AS staffId`;
const ATTEMPT_JOINS = `FROM payment_attempt a JOIN staff s ON s.id = a.staff_id
  LEFT JOIN individual i ON i.crd = a.crd LEFT JOIN enrollment e ON e.id = a.enrollment_id`;

function rangeOf(filter: DashboardFilter): [string, string] {
  return [startOfDayInNewYork(filter.from).toISOString(), startOfDayInNewYork(addDays(filter.to, 1)).toISOString()];
}

const queries: Record<DashboardMetric, (db: BetterSqlite3.Database, f: DashboardFilter, now: Date) => Raw[]> = {
  // Every payment submitted (card or link), with the current status of the enrollment it produced.
  enrollments: (db, f) =>
    db.prepare(
      `SELECT ${ATTEMPT_COLUMNS}, a.submitted_at AS at, coalesce(e.status, 'payment_pending') AS status,
         '$' || a.amount_usd || ' · ' || coalesce(a.method, '') || coalesce(' · ' || e.confirmation_number, '') AS detail
       ${ATTEMPT_JOINS}
       WHERE a.status = 'submitted' AND a.submitted_at >= ? AND a.submitted_at < ? AND (? IS NULL OR a.staff_id = ?)
       ORDER BY a.submitted_at`,
    ).all(...rangeOf(f), f.staffId, f.staffId) as Raw[],

  enrolledCalls: (db, f) =>
    db.prepare(
      `SELECT w.draft_id AS draftId, w.crd, coalesce(i.first_name || ' ' || i.last_name, w.crd) AS name,
         s.display_name AS staff, w.staff_id AS staffId, w.at, w.disposition AS status, 'call wrapped up as ' || w.disposition AS detail
       FROM call_wrap_up w JOIN staff s ON s.id = w.staff_id LEFT JOIN individual i ON i.crd = w.crd
       WHERE w.disposition IN (${ENROLLED_DISPOSITIONS.map(() => '?').join(', ')})
         AND w.at >= ? AND w.at < ? AND (? IS NULL OR w.staff_id = ?)
       ORDER BY w.at`,
    ).all(...ENROLLED_DISPOSITIONS, ...rangeOf(f), f.staffId, f.staffId) as Raw[],

  // Declined by the processor (the enrollment went to payment_failed) or refused by the central service.
  declines: (db, f) =>
    db.prepare(
      `SELECT ${ATTEMPT_COLUMNS}, coalesce(a.submitted_at, a.started_at) AS at,
         CASE WHEN a.status = 'failed' THEN 'refused' ELSE e.status END AS status,
         coalesce(e.status_reason, a.failure_reason, '') AS detail
       ${ATTEMPT_JOINS}
       WHERE ((a.status = 'submitted' AND e.status = 'payment_failed') OR a.status = 'failed')
         AND coalesce(a.submitted_at, a.started_at) >= ? AND coalesce(a.submitted_at, a.started_at) < ?
         AND (? IS NULL OR a.staff_id = ?)
       ORDER BY at`,
    ).all(...rangeOf(f), f.staffId, f.staffId) as Raw[],

  // R22: each abandoned payment page started a 60-minute lock.
  abandoned: (db, f) =>
    db.prepare(
      `SELECT ${ATTEMPT_COLUMNS}, a.abandoned_at AS at, 'abandoned' AS status,
         'locked until ' || strftime('%Y-%m-%dT%H:%M:%SZ', a.abandoned_at, '+60 minutes') AS detail
       ${ATTEMPT_JOINS}
       WHERE a.status = 'abandoned' AND a.abandoned_at >= ? AND a.abandoned_at < ? AND (? IS NULL OR a.staff_id = ?)
       ORDER BY a.abandoned_at`,
    ).all(...rangeOf(f), f.staffId, f.staffId) as Raw[],

  // A backlog as of now: the date range does not hide an old pending payment.
  pendingOverdue: (db, f, now) =>
    db.prepare(
      `SELECT ${ATTEMPT_COLUMNS}, e.status_at AS at, e.status AS status,
         'pending for ' || cast((julianday(?) - julianday(e.status_at)) * 24 AS INTEGER) || ' h' AS detail
       ${ATTEMPT_JOINS}
       WHERE a.status = 'submitted' AND e.status = 'payment_pending' AND e.status_at < ? AND (? IS NULL OR a.staff_id = ?)
       ORDER BY e.status_at`,
    ).all(now.toISOString(), new Date(now.getTime() - f.pendingOlderThanHours * 3_600_000).toISOString(), f.staffId, f.staffId) as Raw[],
};

export function metricRows(db: BetterSqlite3.Database, metric: DashboardMetric, filter: DashboardFilter, now: Date, slice: MetricSlice = {}): MetricRow[] {
  return queries[metric](db, filter, now)
    .map((r) => ({ ...r, date: todayInNewYork(new Date(r.at)) }))
    .filter((r) => (slice.date === undefined || r.date === slice.date) && (slice.staffId === undefined || r.staffId === slice.staffId) && (slice.status === undefined || r.status === slice.status));
}
