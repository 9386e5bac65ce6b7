/**
 * After a pull (and whenever the date moves on), categories stored as eligible whose enroll-by date has passed are
 * re-evaluated on today's date, their stored eligibility updated, and a review flag raised: what an agent may have
 * told the caller ("you can still enroll") is no longer true. Uses the (reason, enroll_by) index, so it is cheap.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DisqualificationInput, RegistrationInput } from '../../contract';
import { evaluateEligibility } from '../domain';

export function recheckPassedDeadlines(db: BetterSqlite3.Database, asOf: string, now: Date): number {
  const stale = db
    .prepare(
      `SELECT DISTINCT i.id, i.crd FROM registration r JOIN individual i ON i.id = r.individual_id
       WHERE r.reason = 'ELIGIBLE' AND r.enroll_by < ?`,
    )
    .all(asOf) as { id: number; crd: string }[];
  if (stale.length === 0) return 0;

  const regs = db.prepare(
    `SELECT position, category, series, level, start_date AS startDate, termination_date AS terminationDate,
            termination_type AS terminationType, eligible FROM registration WHERE individual_id = ? ORDER BY position`,
  );
  const disq = db.prepare(`SELECT kind, date FROM disqualification WHERE individual_id = ?`);
  const update = db.prepare(
    `UPDATE registration SET eligible = ?, reason = ?, enroll_window = ?, enroll_by = ?, reregister_by = ?, evaluated_on = ?
     WHERE individual_id = ? AND position = ?`,
  );
  const flag = db.prepare(`INSERT INTO review_flag (crd, kind, message, details, raised_at) VALUES (?, 'deadline-passed', ?, ?, ?)`);
  let raised = 0;

  db.transaction(() => {
    for (const person of stale) {
      const rows = regs.all(person.id) as (RegistrationInput & { position: number; eligible: number })[];
      const result = evaluateEligibility({ crd: person.crd, registrations: rows, disqualifications: disq.all(person.id) as DisqualificationInput[] }, asOf);
      result.qualifications.forEach((q, i) => {
        update.run(q.eligible ? 1 : 0, q.reason, q.window, q.enrollBy, q.reregisterBy, asOf, person.id, rows[i].position);
        if (rows[i].eligible === 1 && !q.eligible) {
          flag.run(person.crd, `${q.category}: the enroll-by date ${q.enrollBy ?? ''} has passed (${q.reason}).`, JSON.stringify({ category: q.category, enrollBy: q.enrollBy, reason: q.reason }), now.toISOString());
          raised += 1;
        }
      });
    }
  }).immediate();
  return raised;
}
