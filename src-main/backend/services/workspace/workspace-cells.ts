/**
 * Facet cells (migration 0006): one row per combination of facet values, with how many workspace rows have it and
 * the bounds of their sort keys. There are thousands of them (27,000 at a million individuals with some flags and
 * notes), and turning that many rows into JavaScript values took ~50 ms — so they are kept in memory per
 * connection and re-read only when the database changed:
 *  - a cell's values never change once committed (cells are only ever added), so they are read once;
 *  - counts, and each sort key's bounds (read when a walk needs them), are re-read after any write.
 * A change is seen through PRAGMA data_version (other connections) and total_changes() (this one).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { FACETS } from '../../../contract';
import { prepared } from '../../store/prepared';

export type Facet = (typeof FACETS)[number];

/** How the store writes "no value" in a sort key or cell column: it sorts after every date and word. */
export const NO_VALUE = '~';

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
  /** The cell's values as stored, by column name (what a sort by a facet value orders by). */
  stored: Record<string, string | number>;
}

export interface Cells {
  /** The cells that have rows, with their row counts. */
  counted: readonly { cell: CellRow; rows: number }[];
  byId(id: number): CellRow;
  /** The counted cells ordered by a stored column, then id — the order of a sort by that facet value. */
  orderedBy(column: string): readonly { cell: CellRow; rows: number }[];
  /** The counted cells a filter's facet conditions keep (`key` names the conditions; remembered until a write). */
  select(key: string, test: (cell: CellRow) => boolean): CellSelection;
  /** A value derived from the rows, computed once until the next write (e.g. which cells an enroll-by range holds). */
  remember<T>(key: string, compute: () => T): T;
}

export interface CellSelection {
  chosen: readonly { cell: CellRow; rows: number }[];
  ids: ReadonlySet<number>;
  /** Rows in the chosen cells. */
  rows: number;
  /** Every counted cell is chosen (the filter has no facet condition that excludes one). */
  all: boolean;
  /** [lowest, highest] value of a sort key over the chosen cells (cells' bounds only widen: maybe wider). */
  bounds(key: string): [string | number, string | number];
  /** For a cell, [lowest, highest] of a sort key. */
  cellBounds(key: string, cellId: number): [string | number, string | number];
}

interface Cache {
  version: string;
  values: Map<number, CellRow>;
  lastId: number;
  counted: { cell: CellRow; rows: number }[];
  bounds: Map<string, Map<number, [string | number, string | number]>>;
  orders: Map<string, { cell: CellRow; rows: number }[]>;
  selections: Map<string, CellSelection>;
  remembered: Map<string, unknown>;
}

const caches = new WeakMap<BetterSqlite3.Database, Cache>();

type RawCell = [number, string, string, string, string, string, string, string, number, number];

export function currentCells(db: BetterSqlite3.Database): Cells {
  const version = `${db.pragma('data_version', { simple: true })}:${prepared(db, 'SELECT total_changes()').pluck().get()}`;
  let cache = caches.get(db);
  if (!cache || cache.version !== version) cache = reload(db, version, cache);
  const c = cache;
  const boundsOf = (key: string) => {
    let bounds = c.bounds.get(key);
    if (!bounds) {
      const rows = prepared(db, `SELECT id, min_${key}, max_${key} FROM workspace_cell WHERE row_count > 0`).raw().all() as [number, string | number, string | number][];
      c.bounds.set(key, (bounds = new Map(rows.map(([id, low, high]) => [id, [low, high]]))));
    }
    return bounds;
  };
  return {
    counted: c.counted,
    byId: (id) => c.values.get(id)!,
    remember<T>(key: string, compute: () => T): T {
      if (!c.remembered.has(key)) {
        if (c.remembered.size >= 64) c.remembered.clear();
        c.remembered.set(key, compute());
      }
      return c.remembered.get(key) as T;
    },
    orderedBy(column) {
      let order = c.orders.get(column);
      if (!order) {
        // Stored values are ASCII codes or numbers: JavaScript's comparison is SQLite's BINARY order here.
        order = [...c.counted].sort((a, b) => compare(a.cell.stored[column], b.cell.stored[column]) || a.cell.id - b.cell.id);
        c.orders.set(column, order);
      }
      return order;
    },
    select(key, test) {
      let selection = c.selections.get(key);
      if (!selection) {
        const chosen = c.counted.filter(({ cell }) => test(cell));
        const spans = new Map<string, [string | number, string | number]>();
        selection = {
          chosen,
          ids: new Set(chosen.map(({ cell }) => cell.id)),
          rows: chosen.reduce((sum, { rows }) => sum + rows, 0),
          all: chosen.length === c.counted.length,
          bounds(sortKey) {
            let span = spans.get(sortKey);
            if (!span) {
              const bounds = boundsOf(sortKey);
              // Callers select only when some cell has rows, so `chosen` is never empty here.
              let [low, high] = bounds.get(chosen[0].cell.id)!;
              for (const { cell } of chosen) {
                const [l, h] = bounds.get(cell.id)!;
                if (l < low) low = l;
                if (h > high) high = h;
              }
              spans.set(sortKey, (span = [low, high]));
            }
            return span;
          },
          cellBounds: (sortKey, cellId) => boundsOf(sortKey).get(cellId)!,
        };
        if (c.selections.size >= 64) c.selections.clear(); // a handful of filters are in use at a time
        c.selections.set(key, selection);
      }
      return selection;
    },
  };
}

function reload(db: BetterSqlite3.Database, version: string, previous: Cache | undefined): Cache {
  const values = previous?.values ?? new Map<number, CellRow>();
  let lastId = previous?.lastId ?? 0;
  const added = prepared(
    db,
    `SELECT id, reason, enroll_window, category, level, state, enrollment_status, flags, notes, finpro_likely_deleted
     FROM workspace_cell WHERE id > ? ORDER BY id`,
  ).raw().all(lastId) as RawCell[];
  for (const raw of added) {
    const cell = toCell(raw);
    values.set(cell.id, cell);
    lastId = cell.id;
  }
  const counts = prepared(db, `SELECT id, row_count FROM workspace_cell WHERE row_count > 0`).raw().all() as [number, number][];
  const counted = counts.map(([id, rows]) => ({ cell: values.get(id)!, rows }));
  const cache: Cache = { version, values, lastId, counted, bounds: new Map(), orders: new Map(), selections: new Map(), remembered: new Map() };
  caches.set(db, cache);
  return cache;
}

function toCell([id, reason, window, category, level, state, enrollmentStatus, flags, notes, finpro]: RawCell): CellRow {
  return {
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
    stored: { reason, enroll_window: window, category, level, state, enrollment_status: enrollmentStatus, flags, notes, finpro_likely_deleted: finpro },
  };
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
