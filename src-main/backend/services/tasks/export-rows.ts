/**
 * The rows of an export, exactly as the review workspace shows them: its filter, its keyset pages and its row
 * query (services/workspace), so the export and the table can never disagree. They are read on a connection of
 * the export's own, inside one read transaction — a consistent snapshot however long the export takes, which never
 * sees another call's uncommitted writes on the backend's connection. A filter is walked page by page, as bulk
 * flagging walks it (workspace/filtered-rows.ts; each page a bounded index read); a selection (at most 10,000 rows)
 * is put in the workspace's order once, then read in slices.
 */
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { WorkspaceFilter, WorkspaceRow, WorkspaceSort, workspaceTarget } from '../../../contract';
import { walkFilteredRows } from '../workspace/filtered-rows';
import { facetCounts } from '../workspace/workspace-facets';
import { resolveFilter } from '../workspace/workspace-filter';
import { workspaceRows } from '../workspace/workspace-rows';
import { SORTS } from '../workspace/workspace-sorts';

export type WorkspaceTarget = z.output<typeof workspaceTarget>;

export interface RowSource {
  /** Rows the export will hold, counted in the same snapshot. */
  total: number;
  /** Up to `limit` further rows; fewer (or none) at the end. */
  next(limit: number): WorkspaceRow[];
  close(): void;
}

export function openRowSource(databaseFile: string, target: WorkspaceTarget, sort: WorkspaceSort, today: string, now: Date): RowSource {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN'); // the snapshot starts with the first read below; closing the connection ends it
    const rows = target.kind === 'filter' ? filteredRows(db, target.filter, sort, today, now) : selectedRows(db, target.registrationIds, sort, today);
    return { ...rows, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

function filteredRows(db: Database.Database, filter: WorkspaceFilter, sort: WorkspaceSort, today: string, now: Date) {
  const resolved = resolveFilter(filter, today, now);
  const walk = walkFilteredRows(db, resolved, sort);
  return {
    total: facetCounts(db, resolved).total,
    next: (limit: number): WorkspaceRow[] => workspaceRows(db, walk.next(limit), today),
  };
}

function selectedRows(db: Database.Database, ids: readonly number[], sort: WorkspaceSort, today: string) {
  const ordered = inWorkspaceOrder(db, ids, sort);
  let at = 0;
  return {
    total: ordered.length,
    next(limit: number): WorkspaceRow[] {
      const slice = ordered.slice(at, at + limit);
      at += slice.length;
      return workspaceRows(db, slice, today);
    },
  };
}

/** The listed registrations that exist, in the workspace's order for this sort: (value, cell, enroll-by, id). */
function inWorkspaceOrder(db: Database.Database, ids: readonly number[], sort: WorkspaceSort): number[] {
  const spec = SORTS[sort.column];
  const value = spec.kind === 'key' ? `w.${spec.column}` : `c.${spec.attribute}`;
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = [value, 'w.cell', 'w.enroll_key', 'w.registration_id'].map((term) => `${term} ${direction}`).join(', ');
  return db
    .prepare(
      `SELECT w.registration_id FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell
       WHERE w.registration_id IN (SELECT value FROM json_each(?)) ORDER BY ${order}`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}
