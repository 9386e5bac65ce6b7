/**
 * Facet counts: per facet, how many rows each value has under every OTHER active filter (so a chosen value still
 * shows its alternatives). Computed from the facet cells, not from the rows: a cell that passes every facet
 * condition counts in every facet; one that fails only facet F's condition counts in F alone. Row conditions
 * (enroll-by range, Payment Pending since, full text) first recount the cells from the rows they match.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { FACETS, type WorkspaceFacets } from '../../../contract';
import { prepared } from '../../store/prepared';
import { currentCells, facetValue, type CellRow, type Facet } from './workspace-cells';
import { hasRowConditions, rowConditionSql, type ResolvedFilter } from './workspace-filter';

const BOOLEAN_FACETS: readonly Facet[] = ['flagged', 'hasNotes', 'finproLikelyDeleted'];

export function facetCounts(db: BetterSqlite3.Database, filter: ResolvedFilter): Omit<WorkspaceFacets, 'asOf'> {
  const counts = new Map<Facet, Map<string, number>>(FACETS.map((f) => [f, new Map()]));
  let total = 0;
  for (const { cell, rows } of filter.empty ? [] : cellsWithCounts(db, filter)) {
    const failing = new Set(filter.facets.filter((condition) => !condition.test(cell)).map((condition) => condition.facet));
    if (failing.size > 1) continue;
    const [only] = failing;
    if (only === undefined) total += rows;
    for (const facet of only === undefined ? FACETS : [only]) {
      const value = facetValue(cell, facet);
      if (value === null) continue;
      const values = counts.get(facet)!;
      values.set(value, (values.get(value) ?? 0) + rows);
    }
  }

  // A chosen value stays listed with its count even when nothing has it; yes/no facets always list both.
  for (const condition of filter.facets) {
    for (const value of condition.values) if (typeof value === 'string') addZero(counts.get(condition.facet)!, value);
  }
  for (const facet of BOOLEAN_FACETS) for (const value of ['true', 'false']) addZero(counts.get(facet)!, value);

  const facets = Object.fromEntries(
    FACETS.map((facet) => [
      facet,
      [...counts.get(facet)!].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as WorkspaceFacets['facets'];
  return { total, facets };
}

function addZero(values: Map<string, number>, value: string): void {
  if (!values.has(value)) values.set(value, 0);
}

/** The cells with their row counts — recounted from the rows when row conditions apply. */
function cellsWithCounts(db: BetterSqlite3.Database, filter: ResolvedFilter): readonly { cell: CellRow; rows: number }[] {
  const cells = currentCells(db);
  if (!hasRowConditions(filter.rows)) return cells.counted;
  const { sql, params } = rowConditionSql(filter.rows);
  // The most selective row condition drives: pending rows are few, full-text matches are people, a range is a range.
  const index =
    filter.rows.pendingBefore !== null ? 'workspace_row_pending' : filter.rows.text !== null ? 'workspace_row_individual' : 'workspace_row_enroll';
  const recount = prepared(db, `SELECT w.cell, count(*) FROM workspace_row w INDEXED BY ${index} WHERE ${sql} GROUP BY w.cell`).raw().all(...params) as [number, number][];
  return recount.map(([id, rows]) => ({ cell: cells.byId(id), rows }));
}
