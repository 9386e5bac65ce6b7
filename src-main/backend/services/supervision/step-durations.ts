/**
 * Average time per journey step, from the audit trail: a step starts with its `enrollment.stepShown` event and ends
 * with the draft's next step, payment submission or abandonment. A gap longer than two hours is a draft left
 * open (resumed another day), not time spent on the step, so it is not counted.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { ENROLLMENT_STEPS, type DashboardFilter, type DashboardSummary } from '../../../contract';
import { addDays, startOfDayInNewYork } from '../../domain';

const MAX_STEP_SECONDS = 2 * 60 * 60;

export function stepDurations(db: BetterSqlite3.Database, filter: DashboardFilter): DashboardSummary['stepDurations'] {
  const from = startOfDayInNewYork(filter.from).toISOString();
  const to = startOfDayInNewYork(addDays(filter.to, 1)).toISOString();
  const rows = db
    .prepare(
      `WITH marks AS (
         SELECT seq, at, staff_id, action, json_extract(details, '$.draftId') AS draft, json_extract(details, '$.step') AS step
         FROM audit_event
         WHERE action IN ('enrollment.stepShown', 'payment.submitted', 'payment.abandoned') AND at >= ? AND at < ?),
       timed AS (
         SELECT step, action, staff_id, (julianday(lead(at) OVER (PARTITION BY draft ORDER BY seq)) - julianday(at)) * 86400 AS seconds
         FROM marks)
       SELECT step, avg(seconds) AS averageSeconds, count(*) AS samples FROM timed
       WHERE action = 'enrollment.stepShown' AND seconds IS NOT NULL AND seconds <= ? AND (? IS NULL OR staff_id = ?)
       GROUP BY step`,
    )
    .all(from, to, MAX_STEP_SECONDS, filter.staffId, filter.staffId) as { step: string; averageSeconds: number; samples: number }[];
  const order = (step: string) => (ENROLLMENT_STEPS as readonly string[]).indexOf(step);
  return rows
    .map((r) => ({ ...r, averageSeconds: Math.round(r.averageSeconds * 10) / 10 }))
    .sort((a, b) => order(a.step) - order(b.step));
}
