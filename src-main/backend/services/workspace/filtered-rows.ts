/**
 * Everything a workspace filter matches, walked one keyset page at a time in a sort's order: the rows
 * `workspace.page` lists, followed to the end. The CSV export and bulk flagging read a filtered set through here,
 * so neither can disagree with the table (R19, for one, is judged on each row's stored day, as the table shows it).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceFilter, WorkspaceSort } from '../../../contract';
import { resolveFilter, type ResolvedFilter } from './workspace-filter';
import { pageRows } from './workspace-page';
import type { SortTuple } from './workspace-sorts';

export interface FilteredRowWalk {
  /** The ids of up to `limit` further matching registrations; fewer (or none) at the end. */
  next(limit: number): number[];
}

export function walkFilteredRows(db: BetterSqlite3.Database, filter: ResolvedFilter, sort: WorkspaceSort): FilteredRowWalk {
  let after: SortTuple | null = null;
  let ended = false;
  return {
    next(limit: number): number[] {
      if (ended) return [];
      const page = pageRows(db, filter, sort, after, limit);
      ended = page.length < limit;
      if (page.length > 0) after = page[page.length - 1].position;
      return page.map((row) => row.id);
    },
  };
}

/** Rows read per page when only the set matters, not its order. */
const PAGE_ROWS = 1000;
/** Any total order will do for a set; the table's default one. */
const SET_ORDER: WorkspaceSort = { column: 'enrollBy', direction: 'asc' };

/** The ids of the first `max` registrations a filter matches on `today` (New York) — all of them when fewer. */
export function filteredRegistrationIds(db: BetterSqlite3.Database, filter: WorkspaceFilter, today: string, now: Date, max: number): number[] {
  const walk = walkFilteredRows(db, resolveFilter(filter, today, now), SET_ORDER);
  const ids: number[] = [];
  while (ids.length < max) {
    const page = walk.next(Math.min(PAGE_ROWS, max - ids.length));
    if (page.length === 0) break;
    ids.push(...page);
  }
  return ids;
}
