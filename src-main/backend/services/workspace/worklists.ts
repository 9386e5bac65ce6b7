/** Worklists: the built-in ones every reviewer has, and the filters each staff member saved for themselves. */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError, workspaceFilter, workspaceSort, type Worklist, type WorkspaceFilter, type WorkspaceSort } from '../../../contract';
import { prepared } from '../../store/prepared';

export const BUILT_IN_PREFIX = 'builtin:';

/** Every enrollment status but Enrolled: "not enrolled" (a payment still pending is not enrolled yet). */
const NOT_ENROLLED: WorkspaceFilter['enrollmentStatuses'] = ['none', 'draft', 'payment_pending', 'payment_failed', 'removed', 'ended'];

const builtIn = (id: string, name: string, filter: Partial<WorkspaceFilter>, sort: Partial<WorkspaceSort> = {}): Worklist => ({
  id: `${BUILT_IN_PREFIX}${id}`,
  name,
  builtIn: true,
  filter: workspaceFilter.parse(filter),
  sort: workspaceSort.parse(sort),
});

/** The console names them in the reviewer's language by id; `name` is the English fallback. */
export const BUILT_IN_WORKLISTS: readonly Worklist[] = [
  ...[14, 30, 60].map((days) =>
    builtIn(`enroll-by-${days}`, `Enroll-by within ${days} days, not enrolled`, { deadlineWithinDays: days, enrollmentStatuses: NOT_ENROLLED }),
  ),
  builtIn('pending-48h', 'Payment Pending for more than 48 hours', { pendingOverHours: 48 }),
  // R19: no FinPro login for more than 36 months — the caller needs a new account before enrolling.
  builtIn('finpro-deleted', 'FinPro account likely deleted (R19)', { finproLikelyDeleted: true }, { column: 'name' }),
];

interface StoredWorklist {
  id: string;
  name: string;
  filter: string;
  sort: string;
}

const toWorklist = (row: StoredWorklist): Worklist => ({
  id: row.id,
  name: row.name,
  builtIn: false,
  // Parsed again, so a filter saved by an older version gets the defaults of fields added since.
  filter: workspaceFilter.parse(JSON.parse(row.filter)),
  sort: workspaceSort.parse(JSON.parse(row.sort)),
});

export function listWorklists(db: BetterSqlite3.Database, staffId: number): Worklist[] {
  const saved = prepared(db, `SELECT id, name, filter, sort FROM worklist WHERE staff_id = ? ORDER BY name, id`).all(staffId) as StoredWorklist[];
  return [...BUILT_IN_WORKLISTS, ...saved.map(toWorklist)];
}

/** Saves a reviewer's worklist; saving under a name they already use replaces that worklist. */
export function saveWorklist(
  db: BetterSqlite3.Database,
  staffId: number,
  input: { name: string; filter: WorkspaceFilter; sort: WorkspaceSort },
  now: Date,
): { worklist: Worklist; replaced: boolean } {
  const existing = prepared(db, `SELECT id FROM worklist WHERE staff_id = ? AND name = ?`).pluck().get(staffId, input.name) as string | undefined;
  const id = existing ?? `worklist-${randomUUID()}`;
  const filter = JSON.stringify(input.filter);
  const sort = JSON.stringify(input.sort);
  if (existing) prepared(db, `UPDATE worklist SET filter = ?, sort = ? WHERE id = ?`).run(filter, sort, id);
  else prepared(db, `INSERT INTO worklist (id, staff_id, name, filter, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(id, staffId, input.name, filter, sort, now.toISOString());
  return { worklist: { id, name: input.name, builtIn: false, filter: input.filter, sort: input.sort }, replaced: existing !== undefined };
}

/** Deletes one of the reviewer's own worklists; returns its name. */
export function deleteWorklist(db: BetterSqlite3.Database, staffId: number, id: string): string {
  if (id.startsWith(BUILT_IN_PREFIX)) {
    const problem = 'is a built-in worklist, which cannot be deleted';
    throw new AppError('INVALID_INPUT', `id: ${problem}. Delete one of your saved worklists instead.`, { issues: [{ path: ['id'], message: problem }] });
  }
  const name = prepared(db, `SELECT name FROM worklist WHERE id = ? AND staff_id = ?`).pluck().get(id, staffId) as string | undefined;
  if (name === undefined) throw new AppError('NOT_FOUND', 'That worklist is not among yours on this station. Reload the list of worklists.');
  prepared(db, `DELETE FROM worklist WHERE id = ?`).run(id);
  return name;
}
