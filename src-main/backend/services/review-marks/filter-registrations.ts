/**
 * The registrations a workspace filter matches, for bulk flagging. A small resolver of this folder's own (the
 * workspace's paging query did not exist when flags were built); it reads the same stored columns and follows the
 * filter's documented meaning (contract/review-workspace.ts). Ids only, in id order, up to `limit`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceFilter } from '../../../contract/review-workspace';
import { addDays, addMonths, FINPRO_INACTIVE_MONTHS, todayInNewYork } from '../../domain';
import { ftsPrefixQuery } from '../individual/fts-query';

/** The registration's latest enrollment status for its category ('none' when never enrolled). */
const ENROLLMENT_STATUS = `COALESCE((SELECT e.status FROM enrollment e WHERE e.crd = i.crd
  AND EXISTS (SELECT 1 FROM json_each(e.categories) c WHERE c.value = r.category) ORDER BY e.status_at DESC LIMIT 1), 'none')`;

export function registrationsMatching(db: BetterSqlite3.Database, filter: WorkspaceFilter, now: Date, limit: number): number[] {
  const today = todayInNewYork(now);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  const anyOf = (column: string, values: readonly string[]) => {
    if (values.length > 0) add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  };

  const text = ftsPrefixQuery(filter.text);
  if (text !== null) add(`i.id IN (SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?)`, text);
  else if (filter.text !== '') return []; // only punctuation typed: nothing can match
  anyOf('r.reason', filter.reasons);
  anyOf('r.enroll_window', filter.windows);
  anyOf('r.category', filter.categories);
  anyOf('r.level', filter.levels);
  anyOf('i.state', filter.states);
  if (filter.enrollByFrom !== null) add(`r.enroll_by >= ?`, filter.enrollByFrom);
  if (filter.enrollByTo !== null) add(`r.enroll_by <= ?`, filter.enrollByTo);
  if (filter.deadlineWithinDays !== null) add(`r.enroll_by BETWEEN ? AND ?`, today, addDays(today, filter.deadlineWithinDays));
  anyOf(ENROLLMENT_STATUS, filter.enrollmentStatuses);
  if (filter.pendingOverHours !== null) {
    add(
      `EXISTS (SELECT 1 FROM enrollment e WHERE e.crd = i.crd AND e.status = 'payment_pending' AND e.status_at <= ?
        AND EXISTS (SELECT 1 FROM json_each(e.categories) c WHERE c.value = r.category))`,
      new Date(now.getTime() - filter.pendingOverHours * 3_600_000).toISOString(),
    );
  }
  // Flags and notes on the individual as a whole (category '') count for each of their registrations.
  if (filter.flagged !== null) {
    add(`${filter.flagged ? '' : 'NOT '}EXISTS (SELECT 1 FROM review_mark m WHERE m.crd = i.crd AND m.category IN (r.category, ''))`);
  }
  if (filter.hasNotes !== null) {
    add(`${filter.hasNotes ? '' : 'NOT '}EXISTS (SELECT 1 FROM review_note n WHERE n.crd = i.crd AND n.category IN (r.category, ''))`);
  }
  if (filter.finproLikelyDeleted !== null) {
    const deleted = `(i.finpro_last_login IS NOT NULL AND i.finpro_last_login < ?)`;
    add(filter.finproLikelyDeleted ? deleted : `NOT ${deleted}`, lastLoginStillKept(today));
  }

  const sql = `SELECT r.id FROM registration r JOIN individual i ON i.id = r.individual_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id LIMIT ?`;
  return db.prepare(sql).pluck().all(...params, limit) as number[];
}

/**
 * R19: the earliest last-login date whose credentials are still kept on `today` (login + 36 months ≥ today).
 * Found by stepping, because month-end clamping makes "36 months earlier" ambiguous by up to three days.
 */
function lastLoginStillKept(today: string): string {
  let day = addMonths(today, -FINPRO_INACTIVE_MONTHS);
  while (addMonths(addDays(day, -1), FINPRO_INACTIVE_MONTHS) >= today) day = addDays(day, -1);
  while (addMonths(day, FINPRO_INACTIVE_MONTHS) < today) day = addDays(day, 1);
  return day;
}
