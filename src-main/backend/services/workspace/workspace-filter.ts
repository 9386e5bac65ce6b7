/**
 * A workspace filter, split the way the store answers it (see migration 0006):
 *  - facet conditions, tested on the facet cells (workspace-cells.ts): each belongs to one facet, so facet counts can
 *    leave one facet's condition out ("counts under every other filter");
 *  - row conditions, checked in SQL on workspace_row (`w`): the enroll-by range, Payment Pending since, full text.
 */
import type { WorkspaceFilter } from '../../../contract';
import { addDays } from '../../domain';
import { ftsPrefixQuery } from '../individual/fts-query';
import type { CellRow, Facet } from './workspace-cells';

export interface FacetCondition {
  facet: Facet;
  /** The values chosen (a yes/no facet: the answer). */
  values: readonly (string | boolean)[];
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
  const anyOf = (facet: Facet, column: keyof CellRow & string, values: readonly string[]) => {
    if (values.length === 0) return;
    const set = new Set<unknown>(values);
    facets.push({ facet, values, test: (cell) => set.has(cell[column]) });
  };
  const yesNo = (facet: Facet, value: boolean | null, test: (cell: CellRow) => boolean) => {
    if (value === null) return;
    facets.push({ facet, values: [value], test: (cell) => test(cell) === value });
  };

  anyOf('reason', 'reason', filter.reasons);
  anyOf('window', 'window', filter.windows);
  anyOf('category', 'category', filter.categories);
  anyOf('level', 'level', filter.levels);
  anyOf('state', 'state', filter.states);
  anyOf('enrollmentStatus', 'enrollmentStatus', filter.enrollmentStatuses);
  // "Payment Pending for more than N hours" only ever matches Payment Pending rows.
  if (filter.pendingOverHours !== null) anyOf('enrollmentStatus', 'enrollmentStatus', ['payment_pending']);
  yesNo('flagged', filter.flagged, (cell) => cell.flags !== '');
  yesNo('hasNotes', filter.hasNotes, (cell) => cell.notes > 0);
  yesNo('finproLikelyDeleted', filter.finproLikelyDeleted, (cell) => cell.finproLikelyDeleted);

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
