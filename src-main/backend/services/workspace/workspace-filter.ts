/**
 * A workspace filter, split the way the store answers it (see migration 0006):
 *  - facet conditions, checked on workspace_cell (`c`): each belongs to one facet, as SQL and as a test of a cell
 *    row, so facet counts can leave one facet's condition out ("counts under every other filter");
 *  - row conditions, checked on workspace_row (`w`): the enroll-by range, Payment Pending since, full text.
 * Other services (bulk flags, exports) select "everything a filter matches" with `matchingRegistrationsSql`.
 */
import type { WorkspaceFilter } from '../../../contract';
import { addDays } from '../../domain';
import { ftsPrefixQuery } from '../individual/fts-query';
import type { CellRow, Facet } from './workspace-cells';

export interface FacetCondition {
  facet: Facet;
  /** On workspace_cell aliased `c`. */
  sql: string;
  params: unknown[];
  test(cell: CellRow): boolean;
}

export interface RowConditions {
  /** enroll_key from … through (inclusive); '~' (no enroll-by) is never inside. */
  enrollBy: { from: string; to: string } | null;
  /** Payment Pending since before this instant (ISO). */
  pendingBefore: string | null;
  /** An FTS5 query over individual_fts; null when the text has no searchable word. */
  text: string | null;
}

export interface ResolvedFilter {
  facets: FacetCondition[];
  rows: RowConditions;
  /** Nothing can match (e.g. an enroll-by range that ends before it starts). */
  empty: boolean;
}

/** The latest date a range can reach: any real date sorts before '~' (no enroll-by). */
const LAST_DATE = '9999-12-31';

export function resolveFilter(filter: WorkspaceFilter, today: string, now: Date): ResolvedFilter {
  const facets: FacetCondition[] = [];
  const anyOf = <T extends string>(facet: Facet, column: keyof CellRow & string, sqlColumn: string, values: readonly T[]) => {
    if (values.length === 0) return;
    const set = new Set<unknown>(values);
    facets.push({ facet, sql: `c.${sqlColumn} IN (${values.map(() => '?').join(', ')})`, params: [...values], test: (cell) => set.has(cell[column]) });
  };
  const yesNo = (facet: Facet, value: boolean | null, whenYes: string, whenNo: string, test: (cell: CellRow) => boolean) => {
    if (value === null) return;
    facets.push({ facet, sql: value ? whenYes : whenNo, params: [], test: (cell) => test(cell) === value });
  };

  anyOf('reason', 'reason', 'reason', filter.reasons);
  anyOf('window', 'window', 'enroll_window', filter.windows);
  anyOf('category', 'category', 'category', filter.categories);
  anyOf('level', 'level', 'level', filter.levels);
  anyOf('state', 'state', 'state', filter.states);
  anyOf('enrollmentStatus', 'enrollmentStatus', 'enrollment_status', filter.enrollmentStatuses);
  // "Payment Pending for more than N hours" only ever matches Payment Pending rows.
  if (filter.pendingOverHours !== null) anyOf('enrollmentStatus', 'enrollmentStatus', 'enrollment_status', ['payment_pending']);
  yesNo('flagged', filter.flagged, `c.flags <> ''`, `c.flags = ''`, (cell) => cell.flags !== '');
  yesNo('hasNotes', filter.hasNotes, 'c.notes > 0', 'c.notes = 0', (cell) => cell.notes > 0);
  yesNo('finproLikelyDeleted', filter.finproLikelyDeleted, 'c.finpro_likely_deleted = 1', 'c.finpro_likely_deleted = 0', (cell) => cell.finproLikelyDeleted);

  let from = filter.enrollByFrom ?? '';
  let to = filter.enrollByTo ?? LAST_DATE;
  if (filter.deadlineWithinDays !== null) {
    // "Deadline within N days": enroll-by from today through today + N (New York days).
    if (today > from) from = today;
    const last = addDays(today, filter.deadlineWithinDays);
    if (last < to) to = last;
  }
  const ranged = filter.enrollByFrom !== null || filter.enrollByTo !== null || filter.deadlineWithinDays !== null;
  const text = filter.text === '' ? null : ftsPrefixQuery(filter.text);
  return {
    facets,
    rows: {
      enrollBy: ranged ? { from, to } : null,
      pendingBefore: filter.pendingOverHours === null ? null : new Date(now.getTime() - filter.pendingOverHours * 3_600_000).toISOString(),
      text,
    },
    // Text made only of punctuation matches nobody, as a search for it would.
    empty: (ranged && from > to) || (filter.text !== '' && text === null),
  };
}

/** The facet conditions as one SQL condition on workspace_cell `c` (optionally leaving one facet out). */
export function cellConditionSql(facets: readonly FacetCondition[], except?: Facet): { sql: string; params: unknown[] } {
  const kept = facets.filter((f) => f.facet !== except);
  return { sql: kept.length ? kept.map((f) => `(${f.sql})`).join(' AND ') : 'TRUE', params: kept.flatMap((f) => f.params) };
}

/** The row conditions as one SQL condition on workspace_row `w`. */
export function rowConditionSql(rows: RowConditions): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (rows.enrollBy) {
    parts.push('w.enroll_key BETWEEN ? AND ?');
    params.push(rows.enrollBy.from, rows.enrollBy.to);
  }
  if (rows.pendingBefore !== null) {
    parts.push('w.pending_since < ?');
    params.push(rows.pendingBefore);
  }
  if (rows.text !== null) {
    parts.push('w.individual_id IN (SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?)');
    params.push(rows.text);
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

export function hasRowConditions(rows: RowConditions): boolean {
  return rows.enrollBy !== null || rows.pendingBefore !== null || rows.text !== null;
}

/**
 * Every registration a filter matches, as SQL selecting `registration_id` — for bulk actions and exports over "the
 * filtered set". Not ordered; callers that need the workspace order use the page query.
 */
export function matchingRegistrationsSql(filter: WorkspaceFilter, today: string, now: Date): { sql: string; params: unknown[] } {
  const resolved = resolveFilter(filter, today, now);
  if (resolved.empty) return { sql: 'SELECT registration_id FROM workspace_row WHERE FALSE', params: [] };
  const cells = cellConditionSql(resolved.facets);
  const rows = rowConditionSql(resolved.rows);
  return {
    sql: `SELECT w.registration_id FROM workspace_row w
          WHERE w.cell IN (SELECT c.id FROM workspace_cell c WHERE c.row_count > 0 AND ${cells.sql}) AND ${rows.sql}`,
    params: [...cells.params, ...rows.params],
  };
}
