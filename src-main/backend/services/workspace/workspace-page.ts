/**
 * One keyset page of workspace rows: which rows, in which order — never an OFFSET. A hot path (DESIGN §3): the plan
 * is chosen here from the facet cells' counts and bounds rather than left to SQLite, which has no statistics to
 * choose well. Measured in tests/bench/workspace-bench.ts.
 *
 * Plans (cost in brackets, N = rows matching):
 *  - walk: read the sort's index in order from the cursor, checking cell and enroll-by inside the index, and stop
 *    at the filter's bounds — for large N [≈ 50 / density index entries];
 *  - filter first: read just the matching rows by the most selective index, then sort them — for small N and for
 *    full text [N];
 *  - cell by cell: for sorts by a facet value, take the cells in that order and read each from (cell, enroll_key)
 *    [one index seek per cell that has rows];
 *  - name order: full text sorted by name, people read from the name-ordered search index a batch at a time
 *    (text-in-name-order.ts) [≈ the page's people and their namesakes].
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceSort } from '../../../contract';
import { prepared } from '../../store/prepared';
import { currentCells, type Cells, type CellSelection } from './workspace-cells';
import { rowConditionSql, type ResolvedFilter } from './workspace-filter';
import { keysetOrderSql } from './keyset-order';
import { textInNameOrder } from './text-in-name-order';
import { SORTS, type SortTuple } from './workspace-sorts';

export interface PlanLimits {
  /** Up to this many matching rows, reading them all and sorting beats walking an index (measured). */
  filterFirstMaxRows: number;
  /** Below this many rows in an enroll-by range, finding their cells first is cheaper than seeking empty cells. */
  precountMaxRows: number;
  /** People in the first batch of a full-text page read in name order (text-in-name-order.ts). */
  nameBatch: number;
}
export const PLAN_LIMITS: PlanLimits = { filterFirstMaxRows: 3000, precountMaxRows: 20_000, nameBatch: 256 };

export interface PagedRow {
  id: number;
  position: SortTuple;
}

type Raw = [id: number, cell: number, enrollKey: string, value: string | number];
const positioned = ([id, cell, enrollKey, value]: Raw): PagedRow => ({ id, position: [value, cell, enrollKey, id] });
type Bound = string | number;

interface Query {
  db: BetterSqlite3.Database;
  sort: WorkspaceSort;
  after: SortTuple | null;
  take: number;
  /** The filter's cells that have rows. */
  cells: CellSelection;
  orderedBy: Cells['orderedBy'];
  remember: Cells['remember'];
  /** The SQL condition "the row is in one of the filter's cells", and its parameter. */
  inCells: { sql: string; params: unknown[] };
  rows: { sql: string; params: unknown[] };
  limits: PlanLimits;
}

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
  const all = currentCells(db);
  const key = JSON.stringify(filter.facets.map((f) => [f.facet, f.values]));
  const cells = all.select(key, (cell) => filter.facets.every((f) => f.test(cell)));
  if (cells.rows === 0) return [];
  const q: Query = { db, sort, after, take, cells, orderedBy: all.orderedBy, remember: all.remember, inCells: inCellsSql(all.counted, cells), rows: rowConditionSql(filter.rows), limits };
  const spec = SORTS[sort.column];

  // Full text: the matches are a set of people. Sorted by name: read them in name order from the name-ordered
  // index. Otherwise, few people: read their rows and sort; many, sorted by a date: walk that order checking each
  // row's person against the matches — but not other orders the words themselves follow (a CRD prefix gathers its
  // matches in one stretch of the CRD order, far into the walk).
  if (filter.rows.text !== null) {
    const text = filter.rows.text;
    const others = rowConditionSql({ ...filter.rows, text: null });
    if (sort.column === 'name') {
      if (cells.rows <= limits.filterFirstMaxRows) return filterFirst(q, 'workspace_row_cell');
      const where = { sql: `${q.inCells.sql} AND ${others.sql}`, params: [...q.inCells.params, ...others.params] };
      return textInNameOrder(db, text, sort.direction, after, take, where, limits.nameBatch);
    }
    const people = textMatches(q, text, limits.filterFirstMaxRows + 1);
    // Few: the people found stand in for the text (a query of several words costs milliseconds to run again).
    if (people.length <= limits.filterFirstMaxRows) {
      const rows = { sql: `${others.sql} AND w.individual_id IN (SELECT value FROM json_each(?))`, params: [...others.params, JSON.stringify(people)] };
      return filterFirst({ ...q, rows }, 'workspace_row_individual');
    }
    if (!(spec.kind === 'key' && DATE_KEYS.includes(spec.column))) return filterFirst(q, 'workspace_row_individual');
  }
  if (filter.rows.pendingBefore !== null) return filterFirst(q, 'workspace_row_pending');
  if (spec.kind === 'cell') return cellByCell(q, spec.attribute, filter.rows.enrollBy);

  const range = filter.rows.enrollBy;
  if (spec.column !== 'enroll_key') {
    if (cells.rows <= limits.filterFirstMaxRows) return filterFirst(q, 'workspace_row_cell');
    if (range && countInRange(q, range, limits.filterFirstMaxRows + 1) <= limits.filterFirstMaxRows) return filterFirst(q, 'workspace_row_enroll');
  }
  // The walk stops at the bounds of the filter's cells instead of reading to the end of the index; within an
  // enroll-by range, at the range (enroll-by) or at the dates that follow from it (termination, re-register-by).
  let [low, high] = cells.bounds(spec.bounds);
  if (range && spec.column === 'enroll_key') {
    [low, high] = [max(low, range.from), min(high, range.to)];
    // The range is the walk's own bounds: kept out of the WHERE so SQLite starts the walk at the cursor.
    return walk({ ...q, rows: rowConditionSql({ ...filter.rows, enrollBy: null }) }, spec, low, high);
  }
  if (range && (spec.column === 'term_key' || spec.column === 'rereg_key')) {
    const [rangeLow, rangeHigh] = prepared(
      db,
      `SELECT min(w.${spec.column}), max(w.${spec.column}) FROM workspace_row w INDEXED BY workspace_row_enroll WHERE w.enroll_key BETWEEN ? AND ?`,
    ).raw().get(range.from, range.to) as [string | null, string | null];
    if (rangeLow === null || rangeHigh === null) return [];
    [low, high] = [max(low, rangeLow), min(high, rangeHigh)];
  }
  return walk(q, spec, low, high);
}

const inCellsMemo = new WeakMap<CellSelection, { sql: string; params: unknown[] }>();

/**
 * "The row is in one of these cells", as the shorter of IN and NOT IN. `+w.cell` keeps SQLite from seeking an index
 * by every cell (it would multiply them by another IN list's values); the condition is still checked in the index.
 */
function inCellsSql(counted: Cells['counted'], cells: CellSelection): { sql: string; params: unknown[] } {
  if (cells.all) return { sql: 'TRUE', params: [] };
  let memo = inCellsMemo.get(cells);
  if (!memo) {
    const excluded = counted.filter(({ cell }) => !cells.ids.has(cell.id)).map(({ cell }) => cell.id);
    memo =
      excluded.length < cells.chosen.length
        ? { sql: '+w.cell NOT IN (SELECT value FROM json_each(?))', params: [JSON.stringify(excluded)] }
        : { sql: '+w.cell IN (SELECT value FROM json_each(?))', params: [JSON.stringify([...cells.ids])] };
    inCellsMemo.set(cells, memo);
  }
  return memo;
}

function walk(q: Query, spec: { column: string; index: string }, low: Bound, high: Bound): PagedRow[] {
  const { column, index } = spec;
  const asc = q.sort.direction === 'asc';
  const { order, keyset, keysetParams } = tupleSql(`w.${column}`, column === 'enroll_key', q);
  const range: string[] = [];
  const rangeParams: unknown[] = [];
  // Only the bound ahead of the walk is needed; behind it the cursor (or the other bound) starts the walk.
  if (!keyset) {
    range.push(asc ? `w.${column} >= ?` : `w.${column} <= ?`);
    rangeParams.push(asc ? low : high);
  }
  range.push(asc ? `w.${column} <= ?` : `w.${column} >= ?`);
  rangeParams.push(asc ? high : low);
  const sql = `SELECT w.registration_id, w.cell, w.enroll_key, w.${column} FROM workspace_row w INDEXED BY ${index}
    WHERE ${[q.inCells.sql, q.rows.sql, ...range, ...(keyset ? [keyset] : [])].join(' AND ')}
    ORDER BY ${order} LIMIT ?`;
  const params = [...q.inCells.params, ...q.rows.params, ...rangeParams, ...keysetParams, q.take];
  return (prepared(q.db, sql).raw().all(...params) as Raw[]).map(positioned);
}

/** Reads every matching row through `index`, then sorts: for small sets and full text. */
function filterFirst(q: Query, index: string): PagedRow[] {
  const spec = SORTS[q.sort.column];
  // A facet-value sort reads its value from the cell.
  const value = spec.kind === 'key' ? `w.${spec.column}` : `v.${spec.attribute}`;
  const join = spec.kind === 'key' ? '' : 'JOIN workspace_cell v ON v.id = w.cell';
  const { order, keyset, keysetParams } = tupleSql(value, spec.kind === 'key' && spec.column === 'enroll_key', q);
  // Reading by cell, the index is sought by each chosen cell.
  const inCells = index === 'workspace_row_cell' ? { sql: 'w.cell IN (SELECT value FROM json_each(?))', params: [JSON.stringify([...q.cells.ids])] } : q.inCells;
  const sql = `SELECT w.registration_id, w.cell, w.enroll_key, ${value} FROM workspace_row w INDEXED BY ${index} ${join}
    WHERE ${[inCells.sql, q.rows.sql, ...(keyset ? [keyset] : [])].join(' AND ')}
    ORDER BY ${order} LIMIT ?`;
  return (prepared(q.db, sql).raw().all(...inCells.params, ...q.rows.params, ...keysetParams, q.take) as Raw[]).map(positioned);
}

/** Sorts by a facet value: cells in (value, cell) order, each read in (enroll-by, registration id) order. */
function cellByCell(q: Query, attribute: string, range: { from: string; to: string } | null): PagedRow[] {
  const asc = q.sort.direction === 'asc';
  const dir = asc ? 'ASC' : 'DESC';
  let order = q.orderedBy(attribute).filter(({ cell }) => q.cells.ids.has(cell.id));
  if (!asc) order = [...order].reverse();
  if (q.after) {
    const [value, cellId] = q.after;
    const before = (v: string | number, id: number) => (asc ? v < value || (v === value && id < cellId) : v > value || (v === value && id > cellId));
    order = order.filter(({ cell }) => !before(cell.stored[attribute], cell.id));
  }
  // In a range, a cell whose enroll-by bounds miss it has no rows there; with few rows in the range, only their cells.
  let inRange: (id: number) => boolean = () => true;
  if (range) {
    const withRows = cellsWithRowsInRange(q, range);
    inRange = (id) => {
      const [low, high] = q.cells.cellBounds('enroll_key', id);
      return high >= range.from && low <= range.to && (withRows === null || withRows.has(id));
    };
  }
  const within = prepared(
    q.db,
    `SELECT w.registration_id, w.enroll_key FROM workspace_row w INDEXED BY workspace_row_cell
     WHERE w.cell = ? AND ${q.rows.sql} AND (w.enroll_key, w.registration_id) ${asc ? '>' : '<'} (?, ?)
     ORDER BY w.enroll_key ${dir}, w.registration_id ${dir} LIMIT ?`,
  ).raw();
  const out: PagedRow[] = [];
  // Before every enroll-by key / after it ('~' sorts last; '' first), so a whole cell is read.
  const [first, last] = asc ? ['', 0] : ['~~', Number.MAX_SAFE_INTEGER];
  for (const { cell } of order) {
    if (!inRange(cell.id)) continue;
    const resume = q.after && q.after[1] === cell.id ? [q.after[2], q.after[3]] : [first, last];
    const found = within.all(cell.id, ...q.rows.params, ...resume, q.take - out.length) as [number, string][];
    for (const [id, enrollKey] of found) out.push({ id, position: [cell.stored[attribute], cell.id, enrollKey, id] });
    if (out.length >= q.take) break;
  }
  return out;
}

/**
 * The cells with rows in an enroll-by range when there are few such rows (one covering index range); else null.
 * Remembered until the next write: every page of a worklist asks again (reading 20,000 keys took ~10 ms at 1M).
 */
function cellsWithRowsInRange(q: Query, range: { from: string; to: string }): Set<number> | null {
  const limit = q.limits.precountMaxRows;
  return q.remember(`cells-in-range:${range.from}:${range.to}:${limit}`, () => {
    const cells = prepared(
      q.db,
      `SELECT w.cell FROM workspace_row w INDEXED BY workspace_row_enroll WHERE w.enroll_key BETWEEN ? AND ? LIMIT ?`,
    ).pluck().all(range.from, range.to, limit) as number[];
    return cells.length < limit ? new Set(cells) : null;
  });
}

const DATE_KEYS = ['enroll_key', 'term_key', 'rereg_key'];

/** The ids of the people a full-text query matches, up to `limit` of them. */
function textMatches(q: Query, text: string, limit: number): number[] {
  return prepared(q.db, `SELECT rowid FROM individual_fts WHERE individual_fts MATCH ? LIMIT ?`).pluck().all(text, limit) as number[];
}

/** Rows in an enroll-by range and the filter's cells, counted up to `limit` (a covering index range). */
function countInRange(q: Query, range: { from: string; to: string }, limit: number): number {
  return prepared(
    q.db,
    `SELECT count(*) FROM (SELECT 1 FROM workspace_row w INDEXED BY workspace_row_enroll
       WHERE w.enroll_key BETWEEN ? AND ? AND ${q.inCells.sql} LIMIT ?)`,
  ).pluck().get(range.from, range.to, ...q.inCells.params, limit) as number;
}

function tupleSql(value: string, valueIsEnrollKey: boolean, q: Query) {
  return keysetOrderSql(value, valueIsEnrollKey, q.sort.direction, q.after);
}

const max = (a: Bound, b: Bound) => (a > b ? a : b);
const min = (a: Bound, b: Bound) => (a < b ? a : b);
