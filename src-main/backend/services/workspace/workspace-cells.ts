/**
 * Facet cells (migration 0006): one row per combination of facet values, with how many workspace rows have it.
 * Reading them all is cheap (a few thousand rows even at a million individuals).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { FACETS } from '../../../contract';
import { prepared } from '../../store/prepared';

export type Facet = (typeof FACETS)[number];

export interface CellRow {
  id: number;
  reason: string;
  /** null: no window applies (still registered, state registration, before the program). */
  window: string | null;
  category: string;
  level: string;
  state: string;
  enrollmentStatus: string;
  /** Flag names, sorted, comma-separated; '' when none. */
  flags: string;
  notes: number;
  finproLikelyDeleted: boolean;
  rowCount: number;
}

/** The value a cell has for a facet, as the facet lists it; null when the facet cannot select it. */
export function facetValue(cell: CellRow, facet: Facet): string | null {
  switch (facet) {
    case 'reason':
      return cell.reason;
    case 'window':
      return cell.window; // rows without a window cannot be chosen by the window filter
    case 'category':
      return cell.category;
    case 'level':
      return cell.level;
    case 'state':
      return cell.state;
    case 'enrollmentStatus':
      return cell.enrollmentStatus;
    case 'flagged':
      return String(cell.flags !== '');
    case 'hasNotes':
      return String(cell.notes > 0);
    case 'finproLikelyDeleted':
      return String(cell.finproLikelyDeleted);
  }
}

const CELLS_SQL = `SELECT id, reason, enroll_window, category, level, state, enrollment_status, flags, notes, finpro_likely_deleted, row_count
  FROM workspace_cell WHERE row_count > 0`;

type RawCell = [number, string, string, string, string, string, string, string, number, number, number];

/** Every cell that has rows. */
export function readCells(db: BetterSqlite3.Database): CellRow[] {
  return (prepared(db, CELLS_SQL).raw().all() as RawCell[]).map(([id, reason, window, category, level, state, enrollmentStatus, flags, notes, finpro, rowCount]) => ({
    id,
    reason,
    window: window === NO_VALUE ? null : window,
    category,
    level,
    state,
    enrollmentStatus,
    flags,
    notes,
    finproLikelyDeleted: finpro === 1,
    rowCount,
  }));
}

/** How the store writes "no value" in a sort key or cell column: it sorts after every date and word. */
export const NO_VALUE = '~';
