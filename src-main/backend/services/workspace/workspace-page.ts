/**
 * One keyset page of workspace rows: which rows, in which order — never an OFFSET. A hot path (DESIGN §3): the plan
 * is chosen here from the cell counts rather than left to SQLite, which has no statistics to choose well. Measured
 * in tests/bench/workspace-bench.ts.
 *
 * Plans (cost in brackets, N = rows matching):
 *  - walk: read the sort's index in order from the cursor, checking cell and enroll-by inside the index, and stop
 *    at the filter's bound — for large N [≈ 50 / density index entries];
 *  - filter first: read just the matching rows by the most selective index, then sort them — for small N and for
 *    full text [N];
 *  - cell by cell: for sorts by a facet value, take the cells in that order and read each from (cell, enroll_key)
 *    [one index seek per cell that has rows].
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceSort } from '../../../contract';
import { prepared } from '../../store/prepared';
import { cellConditionSql, rowConditionSql, type ResolvedFilter } from './workspace-filter';
import { SORTS, type SortTuple } from './workspace-sorts';

export interface PlanLimits {
  /** Up to this many matching rows, reading them all and sorting beats walking an index (measured). */
  filterFirstMaxRows: number;
  /** Below this many rows in an enroll-by range, finding their cells first is cheaper than seeking empty cells. */
  precountMaxRows: number;
}
export const PLAN_LIMITS: PlanLimits = { filterFirstMaxRows: 3000, precountMaxRows: 20_000 };

export interface PagedRow {
  id: number;
  position: SortTuple;
}

type Raw = [id: number, cell: number, enrollKey: string, value: string | number];
const positioned = ([id, cell, enrollKey, value]: Raw): PagedRow => ({ id, position: [value, cell, enrollKey, id] });

/** Up to `take` rows after `after`, in the sort's order. `limits` chooses the plans (tests force each one). */
export function pageRows(
  db: BetterSqlite3.Database,
  filter: ResolvedFilter,
  sort: WorkspaceSort,
  after: SortTuple | null,
  take: number,
  limits: PlanLimits = PLAN_LIMITS,
): PagedRow[] {
  if (filter.empty) return [];
  const spec = SORTS[sort.column];
  const cells = cellConditionSql(filter.facets);
  const rows = rowConditionSql(filter.rows);
  const q: Query = { db, sort, after, take, cells, rows, limits };

  // Full text: the matches are a set of people, found by FTS5 in any order; read them all and sort.
  if (filter.rows.text !== null) return filterFirst(q, 'workspace_row_individual');
  if (filter.rows.pendingBefore !== null) return filterFirst(q, 'workspace_row_pending');
  if (spec.kind === 'cell') return cellByCell(q, spec.attribute, filter);

  const summary = prepared(
    db,
    `SELECT coalesce(sum(c.row_count), 0), min(c.min_${spec.bounds}), max(c.max_${spec.bounds})
     FROM workspace_cell c WHERE c.row_count > 0 AND ${cells.sql}`,
  ).raw().get(...cells.params) as [number, string | number | null, string | number | null];
  const [count, low, high] = summary;
  if (count === 0 || low === null || high === null) return [];
  const range = filter.rows.enrollBy;
  if (spec.column !== 'enroll_key') {
    if (count <= limits.filterFirstMaxRows) return filterFirst(q, 'workspace_row_cell');
    if (range && countInRange(q, range, limits.filterFirstMaxRows + 1) <= limits.filterFirstMaxRows) return filterFirst(q, 'workspace_row_enroll');
  }
  // The walk stops at the bounds of the filter's cells instead of reading to the end of the index; within an
  // enroll-by range, at the range (enroll-by) or at the dates that follow from it (termination, re-register-by).
  if (range && spec.column === 'enroll_key') {
    // The range is the walk's own bounds: kept out of the WHERE so SQLite starts the walk at the cursor.
    const walkRows = rowConditionSql({ ...filter.rows, enrollBy: null });
    return walk({ ...q, rows: walkRows }, spec, { low: max(low as string, range.from), high: min(high as string, range.to) });
  }
  if (range && (spec.column === 'term_key' || spec.column === 'rereg_key')) {
    const [rangeLow, rangeHigh] = prepared(
      db,
      `SELECT min(w.${spec.column}), max(w.${spec.column}) FROM workspace_row w INDEXED BY workspace_row_enroll WHERE w.enroll_key BETWEEN ? AND ?`,
    ).raw().get(range.from, range.to) as [string | null, string | null];
    if (rangeLow === null || rangeHigh === null) return [];
    return walk(q, spec, { low: max(low as string, rangeLow), high: min(high as string, rangeHigh) });
  }
  return walk(q, spec, { low, high });
}

interface Query {
  db: BetterSqlite3.Database;
  sort: WorkspaceSort;
  after: SortTuple | null;
  take: number;
  cells: { sql: string; params: unknown[] };
  rows: { sql: string; params: unknown[] };
  limits: PlanLimits;
}

/**
 * The row is in one of the filter's cells. `+w.cell` keeps SQLite from seeking an index by every cell (it would
 * multiply the cells by the other IN list's values); the condition is still checked inside the index.
 */
const cellsIn = (q: Query, seek = false) =>
  q.cells.params.length === 0 && q.cells.sql === 'TRUE' ? 'TRUE' : `${seek ? '' : '+'}w.cell IN (SELECT c.id FROM workspace_cell c WHERE c.row_count > 0 AND ${q.cells.sql})`;

function walk(q: Query, spec: { column: string; index: string }, bounds: { low: string | number; high: string | number }): PagedRow[] {
  const { column, index } = spec;
  const asc = q.sort.direction === 'asc';
  const { order, keyset, keysetParams } = tupleSql(`w.${column}`, column === 'enroll_key', q);
  const range: string[] = [];
  const rangeParams: unknown[] = [];
  // Only the bound ahead of the walk is needed; behind it the cursor (or the other bound) starts the walk.
  if (!keyset) {
    range.push(asc ? `w.${column} >= ?` : `w.${column} <= ?`);
    rangeParams.push(asc ? bounds.low : bounds.high);
  }
  range.push(asc ? `w.${column} <= ?` : `w.${column} >= ?`);
  rangeParams.push(asc ? bounds.high : bounds.low);
  const sql = `SELECT w.registration_id, w.cell, w.enroll_key, w.${column} FROM workspace_row w INDEXED BY ${index}
    WHERE ${[cellsIn(q), q.rows.sql, ...range, ...(keyset ? [keyset] : [])].join(' AND ')}
    ORDER BY ${order} LIMIT ?`;
  const params = [...q.cells.params, ...q.rows.params, ...rangeParams, ...keysetParams, q.take];
  return (prepared(q.db, sql).raw().all(...params) as Raw[]).map(positioned);
}

/** Reads every matching row through `index`, then sorts: for small sets and full text. */
function filterFirst(q: Query, index: string): PagedRow[] {
  const spec = SORTS[q.sort.column];
  // A facet-value sort reads its value from the cell.
  const value = spec.kind === 'key' ? `w.${spec.column}` : `v.${spec.attribute}`;
  const join = spec.kind === 'key' ? '' : 'JOIN workspace_cell v ON v.id = w.cell';
  const { order, keyset, keysetParams } = tupleSql(value, spec.kind === 'key' && spec.column === 'enroll_key', q);
  const sql = `SELECT w.registration_id, w.cell, w.enroll_key, ${value} FROM workspace_row w INDEXED BY ${index} ${join}
    WHERE ${[cellsIn(q, index === 'workspace_row_cell'), q.rows.sql, ...(keyset ? [keyset] : [])].join(' AND ')}
    ORDER BY ${order} LIMIT ?`;
  return (prepared(q.db, sql).raw().all(...q.cells.params, ...q.rows.params, ...keysetParams, q.take) as Raw[]).map(positioned);
}

/** Sorts by a facet value: cells in (value, cell) order, each read in (enroll-by, registration id) order. */
function cellByCell(q: Query, attribute: string, filter: ResolvedFilter): PagedRow[] {
  const asc = q.sort.direction === 'asc';
  const dir = asc ? 'ASC' : 'DESC';
  const from = q.after ? `AND (c.${attribute}, c.id) ${asc ? '>=' : '<='} (?, ?)` : '';
  const cells = prepared(
    q.db,
    `SELECT c.id, c.${attribute} FROM workspace_cell c WHERE c.row_count > 0 AND ${q.cells.sql} ${from} ORDER BY c.${attribute} ${dir}, c.id ${dir}`,
  ).raw().all(...q.cells.params, ...(q.after ? [q.after[0], q.after[1]] : [])) as [number, string | number][];
  const nonEmpty = filter.rows.enrollBy ? cellsWithRowsInRange(q, filter.rows.enrollBy) : null;

  const within = prepared(
    q.db,
    `SELECT w.registration_id, w.enroll_key FROM workspace_row w INDEXED BY workspace_row_cell
     WHERE w.cell = ? AND ${q.rows.sql} AND (w.enroll_key, w.registration_id) ${asc ? '>' : '<'} (?, ?)
     ORDER BY w.enroll_key ${dir}, w.registration_id ${dir} LIMIT ?`,
  ).raw();
  const out: PagedRow[] = [];
  // Before every enroll-by key / after it ('~' sorts last; '' first), so a whole cell is read.
  const [first, last] = asc ? ['', 0] : ['~~', Number.MAX_SAFE_INTEGER];
  for (const [cell, value] of cells) {
    if (nonEmpty && !nonEmpty.has(cell)) continue;
    const resume = q.after && q.after[1] === cell ? [q.after[2], q.after[3]] : [first, last];
    const found = within.all(cell, ...q.rows.params, ...resume, q.take - out.length) as [number, string][];
    for (const [id, enrollKey] of found) out.push({ id, position: [value, cell, enrollKey, id] });
    if (out.length >= q.take) break;
  }
  return out;
}

/**
 * The cells with rows in an enroll-by range — when there are few such rows (one covering index range, read up to
 * precountMaxRows of them); null when there are more: then most cells have some, and each is sought in turn.
 */
function cellsWithRowsInRange(q: Query, range: { from: string; to: string }): Set<number> | null {
  const cells = prepared(
    q.db,
    `SELECT w.cell FROM workspace_row w INDEXED BY workspace_row_enroll WHERE w.enroll_key BETWEEN ? AND ? LIMIT ?`,
  ).pluck().all(range.from, range.to, q.limits.precountMaxRows) as number[];
  return cells.length < q.limits.precountMaxRows ? new Set(cells) : null;
}

/** Rows in an enroll-by range and the filter's cells, counted up to `limit` (a covering index range). */
function countInRange(q: Query, range: { from: string; to: string }, limit: number): number {
  return prepared(
    q.db,
    `SELECT count(*) FROM (SELECT 1 FROM workspace_row w INDEXED BY workspace_row_enroll
       WHERE w.enroll_key BETWEEN ? AND ? AND ${cellsIn(q)} LIMIT ?)`,
  ).pluck().get(range.from, range.to, ...q.cells.params, limit) as number;
}

/** ORDER BY and the keyset condition for (value, cell, enroll_key, registration id) in the sort's direction. */
function tupleSql(value: string, valueIsEnrollKey: boolean, q: Query): { order: string; keyset: string | null; keysetParams: unknown[] } {
  const dir = q.sort.direction === 'asc' ? 'ASC' : 'DESC';
  // Sorting by enroll-by already orders by enroll_key: the tuple's third element adds nothing.
  const columns = valueIsEnrollKey ? [value, 'w.cell', 'w.registration_id'] : [value, 'w.cell', 'w.enroll_key', 'w.registration_id'];
  const order = columns.map((c) => `${c} ${dir}`).join(', ');
  if (!q.after) return { order, keyset: null, keysetParams: [] };
  const [v, cell, enrollKey, id] = q.after;
  const keysetParams = valueIsEnrollKey ? [v, cell, id] : [v, cell, enrollKey, id];
  const keyset = `(${columns.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`;
  return { order, keyset, keysetParams };
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
