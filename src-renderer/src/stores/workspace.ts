/**
 * The review workspace (issue 5): the filter and sort, the facet counts, and the rows of a table that may hold
 * millions of registrations. Rows are never all loaded: the table asks for the rows it shows (`requestRows`), and
 * the store loads the missing pages with keyset cursors (workspace-/cursor-chain.ts), one call at a time, into a
 * bounded cache. A filter change waits for a short pause in typing, then starts a new generation: answers to calls
 * of an earlier generation are dropped.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ProcedureInput, WorkspaceFacets, WorkspaceFilter, WorkspaceRow, WorkspaceSort } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';
import { CursorChain, splitIntoPages } from '../workspace/cursor-chain';
import { DEFAULT_SORT, emptyFilter, sameFilter } from '../workspace/filter-query';
import { PageCache, pagesToLoad } from '../workspace/page-cache';
import { resetOnStaffChange } from '../workspace/reset-on-staff-change';
import { addWithinLimit, idsInRange } from '../workspace/selection';

export const PAGE_SIZE = 50;
/** workspace.page answers at most 200 rows: a walk to a far page moves four pages per call. */
const PAGES_PER_CALL = 4;
/** 400 pages of 50: the 20,000 most recently seen rows stay loaded. */
const CACHE_PAGES = 400;
export const TEXT_PAUSE_MS = 250;
export const CHOICE_PAUSE_MS = 120;

export type FlagTarget = ProcedureInput<'flag.set'>['target'];
export type FlagKind = ProcedureInput<'flag.set'>['flag'];

function reversed(sort: WorkspaceSort): WorkspaceSort {
  return { column: sort.column, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
}

export const useWorkspaceStore = defineStore('workspace', () => {
  /** What the reviewer has chosen; applied after a pause (see `schedule`). */
  const filter = ref<WorkspaceFilter>(emptyFilter());
  const sort = ref<WorkspaceSort>({ ...DEFAULT_SORT });
  /** The worklist the filter came from, until the reviewer changes it. */
  const worklistId = ref<string | null>(null);
  /** What the rows and counts on screen answer. */
  const applied = shallowRef<{ filter: WorkspaceFilter; sort: WorkspaceSort } | null>(null);
  /** Bumped with every new set of rows, so the table returns to the top. */
  const generation = ref(0);

  const facets = shallowRef<WorkspaceFacets | null>(null);
  const facetsLoading = ref(false);
  const facetsError = ref<ApiError | null>(null);
  /** Rows the filter matches: from the facets, or found at the end of the table. */
  const total = ref<number | null>(null);
  /** Until the total is known: rows loaded from the top, so the table can grow as it is scrolled. */
  const rowsFromTop = ref(0);
  const asOf = ref<string | null>(null);
  const pageError = ref<ApiError | null>(null);
  /** Rows changed while a far page was reached; the reviewer refreshes. */
  const stale = ref(false);
  const loadingRows = ref(false);
  /** A far page is being reached from the nearest known cursor (keyset paging cannot jump). */
  const reaching = ref<{ row: number } | null>(null);
  /** Bumped when loaded rows change; the table reads it to redraw (the cache itself is not reactive, for speed). */
  const revision = ref(0);

  const selection = shallowRef<ReadonlySet<number>>(new Set());
  const selectionTruncated = ref(false);
  /** The row a shift-click range starts from. */
  const anchorIndex = ref<number | null>(null);
  /** The row the keyboard is on. */
  const activeIndex = ref(0);
  const detail = shallowRef<WorkspaceRow | null>(null);
  /** Every registration of the individual in the detail panel (their flags on "the individual as a whole"). */
  const individualRows = shallowRef<WorkspaceRow[]>([]);
  const individualError = ref<ApiError | null>(null);
  let individualTicket = 0;

  let cache = new PageCache<WorkspaceRow>(PAGE_SIZE, CACHE_PAGES);
  let chain = new CursorChain(PAGE_SIZE, PAGES_PER_CALL);
  let wanted: number[] = [];
  let pumpingGeneration = -1;
  let facetsTicket = 0;
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;

  /** A filter change waits for the pause before it applies. */
  const pending = ref(false);

  const rowCount = computed(() => total.value ?? rowsFromTop.value);

  /** Pages there are; without a total, those loaded plus the next one when a cursor says there is one. */
  function pageCount(): number {
    return total.value !== null ? Math.ceil(total.value / PAGE_SIZE) : chain.furthestForwardPage + 1;
  }

  /** The row at a table index; undefined while its page is loading. Reading `revision` makes callers reactive. */
  function rowAt(index: number): WorkspaceRow | undefined {
    void revision.value;
    return cache.rowAt(index);
  }

  // ----- filter, sort, worklists -----

  /** Changes some filters; the rows follow after a pause (longer while typing). */
  function setFilter(patch: Partial<WorkspaceFilter>): void {
    filter.value = { ...filter.value, ...patch };
    worklistId.value = null;
    schedule('text' in patch ? TEXT_PAUSE_MS : CHOICE_PAUSE_MS);
  }

  function clearFilters(): void {
    filter.value = emptyFilter();
    worklistId.value = null;
    apply();
  }

  /** Sorting by a column: ascending first, then the other way. */
  function sortBy(column: WorkspaceSort['column']): void {
    const direction = sort.value.column === column && sort.value.direction === 'asc' ? 'desc' : 'asc';
    sort.value = { column, direction };
    apply();
  }

  /** A worklist, a route query, or a restored view: filter and sort replaced at once. */
  function show(next: { filter: WorkspaceFilter; sort: WorkspaceSort; worklistId: string | null }): void {
    filter.value = next.filter;
    sort.value = next.sort;
    worklistId.value = next.worklistId;
    apply();
  }

  function schedule(pause: number): void {
    clearTimeout(pauseTimer);
    pending.value = true;
    pauseTimer = setTimeout(applyIfChanged, pause);
  }

  /** Typing a letter and deleting it again leaves the rows (and the position in them) as they are. */
  function applyIfChanged(): void {
    const view = applied.value;
    if (view && sameFilter(view.filter, filter.value) && view.sort.column === sort.value.column && view.sort.direction === sort.value.direction) {
      pending.value = false;
      return;
    }
    apply();
  }

  /** Starts a new generation of rows and counts for the current filter and sort. */
  function apply(): void {
    clearTimeout(pauseTimer);
    pending.value = false;
    const filterChanged = applied.value === null || !sameFilter(applied.value.filter, filter.value);
    // A deep copy: the filter's arrays are reactive proxies, and the applied view must not change under the rows.
    applied.value = { filter: JSON.parse(JSON.stringify(filter.value)) as WorkspaceFilter, sort: { ...sort.value } };
    generation.value++;
    cache = new PageCache<WorkspaceRow>(PAGE_SIZE, CACHE_PAGES);
    chain = new CursorChain(PAGE_SIZE, PAGES_PER_CALL);
    rowsFromTop.value = 0;
    pageError.value = null;
    stale.value = false;
    reaching.value = null;
    activeIndex.value = 0;
    anchorIndex.value = null;
    closeDetail();
    clearSelection();
    revision.value++;
    if (filterChanged) {
      total.value = null;
      void loadFacets();
    } else if (total.value !== null) {
      chain.setTotal(total.value); // only the order changed: the count still holds
    }
    wanted = [0];
    void pump();
  }

  // ----- facets -----

  async function loadFacets(): Promise<void> {
    const view = applied.value;
    if (!view) return;
    const ticket = ++facetsTicket;
    facetsLoading.value = true;
    facetsError.value = null;
    try {
      const answer = await call('workspace.facets', { filter: view.filter });
      // A newer filter asked meanwhile; a sort change alone keeps the same counts.
      if (ticket !== facetsTicket || !applied.value || !sameFilter(view.filter, applied.value.filter)) return;
      facets.value = answer;
      setTotal(answer.total);
    } catch (error) {
      if (ticket === facetsTicket) facetsError.value = toApiError(error);
    } finally {
      if (ticket === facetsTicket) facetsLoading.value = false;
    }
  }

  function setTotal(count: number): void {
    chain.setTotal(count);
    total.value = chain.knownTotal;
  }

  // ----- rows -----

  /** The table shows rows first..last: load what is missing (and a page of margin), nearest first. */
  function requestRows(first: number, last: number): void {
    wanted = pagesToLoad(first, last, PAGE_SIZE, pageCount());
    void pump();
  }

  /** Loads wanted pages one call at a time; a newer generation takes over from an older loop. */
  async function pump(): Promise<void> {
    const mine = generation.value;
    const view = applied.value;
    if (!view || pumpingGeneration === mine || pageError.value || stale.value) return;
    pumpingGeneration = mine;
    loadingRows.value = true;
    try {
      for (;;) {
        const page = wanted.find((p) => !cache.has(p) && p < pageCount());
        if (page === undefined) break;
        const plan = chain.plan(page);
        reaching.value = plan.pages.includes(page) ? null : { row: page * PAGE_SIZE };
        const answer = await call('workspace.page', {
          filter: view.filter,
          sort: plan.direction === 'forward' ? view.sort : reversed(view.sort),
          after: plan.cursor,
          limit: plan.limit,
        });
        if (mine !== generation.value) return;
        chain.learn(plan, answer.rows.length, answer.next);
        for (const [p, rows] of splitIntoPages(plan, answer.rows, (n) => chain.pageLength(n))) {
          cache.set(p, rows);
          if (plan.direction === 'forward') rowsFromTop.value = Math.max(rowsFromTop.value, p * PAGE_SIZE + rows.length);
        }
        if (chain.knownTotal !== null) total.value = chain.knownTotal;
        asOf.value = answer.asOf;
        revision.value++;
        if (plan.pages.includes(page) && !cache.has(page) && page < pageCount()) {
          stale.value = true; // the rows moved under the cursors: only a refresh puts them back in order
          break;
        }
      }
    } catch (error) {
      if (mine === generation.value) pageError.value = toApiError(error);
    } finally {
      if (pumpingGeneration === mine) {
        pumpingGeneration = -1;
        loadingRows.value = false;
        reaching.value = null;
      }
    }
  }

  /** After a failed page: try again from where it stopped. */
  function retryRows(): void {
    pageError.value = null;
    void pump();
  }

  /**
   * Rows or counts changed here (flags, notes, an import): reload the counts and the rows on screen, keeping the
   * cursors (the position in a deep table is not lost) — unless the rows moved, then start from the top.
   */
  function refresh(): void {
    if (!applied.value) return;
    if (stale.value) {
      apply();
      return;
    }
    cache.clear();
    pageError.value = null;
    revision.value++;
    void loadFacets();
    void pump();
  }

  // ----- selection, keyboard position, detail -----

  function isSelected(registrationId: number): boolean {
    return selection.value.has(registrationId);
  }

  /** A checkbox click; with Shift, every loaded row from the previous click to this one. */
  function toggleSelected(index: number, range = false): void {
    const row = cache.rowAt(index);
    if (!row) return;
    const turnOn = !selection.value.has(row.registrationId);
    if (range && anchorIndex.value !== null) {
      const ids = idsInRange(anchorIndex.value, index, (i) => cache.rowAt(i)?.registrationId);
      if (turnOn) select(ids);
      else selection.value = new Set([...selection.value].filter((id) => !ids.includes(id)));
    } else if (turnOn) {
      select([row.registrationId]);
    } else {
      const next = new Set(selection.value);
      next.delete(row.registrationId);
      selection.value = next;
      selectionTruncated.value = false;
    }
    anchorIndex.value = index;
  }

  function select(ids: number[]): void {
    const { next, truncated } = addWithinLimit(selection.value, ids);
    selection.value = next;
    selectionTruncated.value = truncated;
  }

  function clearSelection(): void {
    selection.value = new Set();
    selectionTruncated.value = false;
  }

  function openDetail(index: number): void {
    const row = cache.rowAt(index);
    if (!row) return;
    activeIndex.value = index;
    detail.value = row;
    void loadIndividual(row.crd);
  }

  function closeDetail(): void {
    detail.value = null;
    individualTicket++;
    individualRows.value = [];
    individualError.value = null;
  }

  /** The individual's registrations: a search by CRD (prefix), narrowed to that exact CRD. */
  async function loadIndividual(crd: string): Promise<void> {
    const mine = ++individualTicket;
    individualRows.value = [];
    individualError.value = null;
    try {
      const answer = await call('workspace.page', {
        filter: { ...emptyFilter(), text: crd },
        sort: { column: 'category', direction: 'asc' },
        limit: 200,
      });
      if (mine === individualTicket) individualRows.value = answer.rows.filter((r) => r.crd === crd);
    } catch (error) {
      if (mine === individualTicket) individualError.value = toApiError(error);
    }
  }

  // ----- flags -----

  /**
   * Sets or clears a flag on a selection or on everything the filter matches. Loaded rows of a selection change at
   * once; a filter target reloads the rows on screen. Answers how many registrations changed.
   */
  async function setFlag(target: FlagTarget, flag: FlagKind, on: boolean): Promise<number> {
    const { changed } = await call('flag.set', { target, flag, on });
    if (target.kind === 'selection') {
      const ids = new Set(target.registrationIds);
      const change = (row: WorkspaceRow): WorkspaceRow => ({
        ...row,
        flags: on ? [...new Set([...row.flags, flag])] : row.flags.filter((f) => f !== flag),
      });
      cache.update((row) => ids.has(row.registrationId), change);
      if (detail.value && ids.has(detail.value.registrationId)) detail.value = change(detail.value);
      individualRows.value = individualRows.value.map((row) => (ids.has(row.registrationId) ? change(row) : row));
      revision.value++;
      void loadFacets();
    } else {
      refresh();
    }
    return changed;
  }

  function reset(): void {
    clearTimeout(pauseTimer);
    pending.value = false;
    filter.value = emptyFilter();
    sort.value = { ...DEFAULT_SORT };
    worklistId.value = null;
    applied.value = null;
    generation.value++;
    facetsTicket++;
    facets.value = null;
    facetsLoading.value = false;
    facetsError.value = null;
    total.value = null;
    rowsFromTop.value = 0;
    asOf.value = null;
    pageError.value = null;
    stale.value = false;
    loadingRows.value = false;
    reaching.value = null;
    cache = new PageCache<WorkspaceRow>(PAGE_SIZE, CACHE_PAGES);
    chain = new CursorChain(PAGE_SIZE, PAGES_PER_CALL);
    wanted = [];
    revision.value++;
    clearSelection();
    anchorIndex.value = null;
    activeIndex.value = 0;
    closeDetail();
  }
  resetOnStaffChange(reset);

  return {
    filter, sort, worklistId, applied, generation, facets, facetsLoading, facetsError, total, rowCount, asOf,
    pageError, stale, loadingRows, reaching, revision, selection, selectionTruncated, activeIndex, detail, pending,
    individualRows, individualError,
    rowAt, setFilter, clearFilters, sortBy, show, apply, requestRows, retryRows, refresh, isSelected,
    toggleSelected, clearSelection, openDetail, closeDetail, setFlag, hydrate: async () => reset(), dehydrate: reset,
  };
});
