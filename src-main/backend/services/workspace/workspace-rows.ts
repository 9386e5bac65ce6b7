/** What the workspace table shows for a page's registrations (a handful of primary-key reads). */
import type BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceRow } from '../../../contract';
import { daysBetween } from '../../domain';
import { prepared } from '../../store/prepared';
import { NO_VALUE } from './workspace-cells';

// CRDs are stored without leading zeros (contract/schemas.ts), so the number is the CRD.
const ROWS_SQL = `SELECT w.registration_id AS registrationId, w.crd_number AS crd, w.name, c.category, c.level, c.state,
    w.term_key AS terminationDate, c.reason, c.enroll_window AS window, w.enroll_key AS enrollBy, w.rereg_key AS reregisterBy,
    c.enrollment_status AS enrollmentStatus, c.flags, c.notes, c.finpro_likely_deleted AS finproLikelyDeleted
  FROM json_each(?) j
  JOIN workspace_row w ON w.registration_id = j.value
  JOIN workspace_cell c ON c.id = w.cell`;

interface Stored {
  registrationId: number;
  crd: number;
  name: string;
  category: string;
  level: WorkspaceRow['level'];
  state: string;
  terminationDate: string;
  reason: WorkspaceRow['reason'];
  window: string;
  enrollBy: string;
  reregisterBy: string;
  enrollmentStatus: WorkspaceRow['enrollmentStatus'];
  flags: string;
  notes: number;
  finproLikelyDeleted: number;
}

const orNull = (key: string) => (key === NO_VALUE ? null : key);

/** The rows of these registrations, in the order given; `today` (New York) gives daysLeft. */
export function workspaceRows(db: BetterSqlite3.Database, ids: readonly number[], today: string): WorkspaceRow[] {
  if (ids.length === 0) return [];
  const byId = new Map((prepared(db, ROWS_SQL).all(JSON.stringify(ids)) as Stored[]).map((r) => [r.registrationId, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const enrollBy = orNull(r.enrollBy);
    return [
      {
        registrationId: r.registrationId,
        crd: String(r.crd),
        name: r.name,
        category: r.category,
        level: r.level,
        state: r.state,
        terminationDate: orNull(r.terminationDate),
        eligible: r.reason === 'ELIGIBLE', // the evaluator's reason is ELIGIBLE exactly when it is eligible
        reason: r.reason,
        window: orNull(r.window) as WorkspaceRow['window'],
        enrollBy,
        daysLeft: enrollBy === null ? null : daysBetween(today, enrollBy),
        reregisterBy: orNull(r.reregisterBy),
        enrollmentStatus: r.enrollmentStatus,
        flags: r.flags === '' ? [] : r.flags.split(','),
        notes: r.notes,
        finproLikelyDeleted: r.finproLikelyDeleted === 1,
      },
    ];
  });
}
