/**
 * The workspace's filter and sort as a route query and back, so that a filtered view survives a reload, the browser's
 * Back button and the sign-in after an idle lock. Only values that differ from the defaults appear in the URL; a
 * query edited by hand never breaks the screen: fields the contract refuses are dropped, the rest is kept.
 */
import {
  WORKSPACE_SORT_COLUMNS,
  workspaceFilter,
  workspaceSort,
  type WorkspaceFilter,
  type WorkspaceSort,
} from '../../../src-main/contract';

export type QueryValue = string | null | (string | null)[] | undefined;
export type WorkspaceQuery = Record<string, QueryValue>;

export const DEFAULT_SORT: WorkspaceSort = Object.freeze({ column: 'enrollBy', direction: 'asc' });

export function emptyFilter(): WorkspaceFilter {
  return workspaceFilter.parse({});
}

type ListKey = 'reasons' | 'windows' | 'categories' | 'levels' | 'states' | 'enrollmentStatuses';
type NumberKey = 'deadlineWithinDays' | 'pendingOverHours';
type BooleanKey = 'flagged' | 'hasNotes' | 'finproLikelyDeleted';
type DateKey = 'enrollByFrom' | 'enrollByTo';

/** Short, readable query names: `?reason=ELIGIBLE,WINDOW_CLOSED&within=30&sort=-crd`. */
const LISTS: Record<ListKey, string> = {
  reasons: 'reason',
  windows: 'window',
  categories: 'category',
  levels: 'level',
  states: 'state',
  enrollmentStatuses: 'status',
};
const NUMBERS: Record<NumberKey, string> = { deadlineWithinDays: 'within', pendingOverHours: 'pendingOver' };
const BOOLEANS: Record<BooleanKey, string> = { flagged: 'flagged', hasNotes: 'notes', finproLikelyDeleted: 'finproDeleted' };
const DATES: Record<DateKey, string> = { enrollByFrom: 'from', enrollByTo: 'to' };

export function filterToQuery(filter: WorkspaceFilter, sort: WorkspaceSort, worklistId: string | null = null): Record<string, string> {
  const query: Record<string, string> = {};
  if (worklistId) query.worklist = worklistId;
  if (filter.text) query.q = filter.text;
  for (const [key, name] of Object.entries(LISTS) as [ListKey, string][]) {
    if (filter[key].length > 0) query[name] = [...filter[key]].sort().join(',');
  }
  for (const [key, name] of Object.entries(NUMBERS) as [NumberKey, string][]) {
    if (filter[key] !== null) query[name] = String(filter[key]);
  }
  for (const [key, name] of Object.entries(BOOLEANS) as [BooleanKey, string][]) {
    if (filter[key] !== null) query[name] = filter[key] ? 'yes' : 'no';
  }
  for (const [key, name] of Object.entries(DATES) as [DateKey, string][]) {
    if (filter[key] !== null) query[name] = filter[key];
  }
  if (sort.column !== DEFAULT_SORT.column || sort.direction !== DEFAULT_SORT.direction) {
    query.sort = `${sort.direction === 'desc' ? '-' : ''}${sort.column}`;
  }
  return query;
}

function first(value: QueryValue): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : null;
}

export interface ParsedQuery {
  filter: WorkspaceFilter;
  sort: WorkspaceSort;
  worklistId: string | null;
}

export function queryToFilter(query: WorkspaceQuery): ParsedQuery {
  const candidate: Record<string, unknown> = {};
  const text = first(query.q);
  if (text !== null) candidate.text = text;
  for (const [key, name] of Object.entries(LISTS) as [ListKey, string][]) {
    const raw = first(query[name]);
    if (raw !== null) candidate[key] = raw.split(',').filter(Boolean);
  }
  for (const [key, name] of Object.entries(NUMBERS) as [NumberKey, string][]) {
    const raw = first(query[name]);
    if (raw !== null) candidate[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  for (const [key, name] of Object.entries(BOOLEANS) as [BooleanKey, string][]) {
    const raw = first(query[name]);
    if (raw === 'yes' || raw === 'no') candidate[key] = raw === 'yes';
  }
  for (const [key, name] of Object.entries(DATES) as [DateKey, string][]) {
    const raw = first(query[name]);
    if (raw !== null) candidate[key] = raw;
  }
  return { filter: tolerantFilter(candidate), sort: parseSort(first(query.sort)), worklistId: first(query.worklist) };
}

/** Parses what it can: each field the contract refuses is dropped (back to its default), the others are kept. */
function tolerantFilter(candidate: Record<string, unknown>): WorkspaceFilter {
  const input = { ...candidate };
  for (let attempt = 0; attempt <= Object.keys(candidate).length; attempt++) {
    const parsed = workspaceFilter.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  }
  return emptyFilter();
}

function parseSort(raw: string | null): WorkspaceSort {
  if (!raw) return { ...DEFAULT_SORT };
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const column = raw.replace(/^-/, '');
  const parsed = workspaceSort.safeParse({ column, direction });
  return parsed.success && (WORKSPACE_SORT_COLUMNS as readonly string[]).includes(column) ? parsed.data : { ...DEFAULT_SORT };
}

/** Two filters select the same rows (the order of chosen values does not matter). */
export function sameFilter(a: WorkspaceFilter, b: WorkspaceFilter): boolean {
  return JSON.stringify(filterToQuery(a, DEFAULT_SORT)) === JSON.stringify(filterToQuery(b, DEFAULT_SORT));
}

/** How many filters narrow the rows (the search text counts as one). */
export function activeFilterCount(filter: WorkspaceFilter): number {
  return Object.keys(filterToQuery(filter, DEFAULT_SORT)).length;
}

/** Two route queries say the same thing (so the store does not answer its own URL updates). */
export function sameQuery(a: WorkspaceQuery, b: WorkspaceQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (first(a[key]) !== first(b[key])) return false;
  return true;
}
