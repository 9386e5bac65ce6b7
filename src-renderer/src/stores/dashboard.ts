/**
 * The supervisor dashboard (issue 6): the numbers of a period, the charts, and the records behind any number or bar.
 * The default period is the last 14 New York days up to the backend's today — a training station may run on a fixed
 * clock (`--now`), so the range follows the first answer's `asOf` until the supervisor picks dates.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DashboardFilter, DashboardMetric, DashboardRecord, DashboardSummary } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';
import type { DashboardSlice } from '../supervision/chart-points';
import { lastDays, newYorkDate } from '../supervision/dates';

export const DEFAULT_DAYS = 14;
export const DEFAULT_PENDING_HOURS = 48;

export interface RecordsSelection {
  metric: DashboardMetric;
  slice: DashboardSlice;
  /** The bar's label ("Sep 1", an agent's name…), or null for a whole number. */
  sliceLabel: string | null;
}

function defaultFilter(today: string): DashboardFilter {
  return { ...lastDays(today, DEFAULT_DAYS), staffId: null, pendingOlderThanHours: DEFAULT_PENDING_HOURS };
}

export const useDashboardStore = defineStore('dashboard', () => {
  const filter = ref<DashboardFilter>(defaultFilter(newYorkDate(new Date())));
  const summary = ref<DashboardSummary | null>(null);
  /** The filter `summary` answers (the records behind its numbers are asked with the same one). */
  const summaryFilter = ref<DashboardFilter | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  const selection = ref<RecordsSelection | null>(null);
  const records = ref<DashboardRecord[]>([]);
  const recordsTotal = ref(0);
  const recordsLoading = ref(false);
  const recordsError = ref<ApiError | null>(null);

  /** Set once the range follows the backend's today or the supervisor chose dates. */
  let anchored = false;
  // Each request takes a ticket; an answer whose ticket is no longer the latest is stale and dropped.
  let summaryTicket = 0;
  let recordsTicket = 0;

  async function load(): Promise<void> {
    const ticket = ++summaryTicket;
    const asked = { ...filter.value };
    loading.value = true;
    error.value = null;
    try {
      const result = await call('dashboard.summary', asked);
      if (ticket !== summaryTicket) return;
      const backendToday = Number.isNaN(Date.parse(result.asOf)) ? asked.to : newYorkDate(new Date(result.asOf));
      if (!anchored && backendToday !== asked.to) {
        anchored = true;
        filter.value = { ...asked, ...lastDays(backendToday, DEFAULT_DAYS) };
        return await load();
      }
      anchored = true;
      summary.value = result;
      summaryFilter.value = asked;
    } catch (e) {
      if (ticket === summaryTicket) error.value = toApiError(e);
    } finally {
      if (ticket === summaryTicket) loading.value = false;
    }
  }

  /** A new filter: the numbers are asked again, and the records of the old one closed. */
  async function apply(next: DashboardFilter): Promise<void> {
    if (next.from !== filter.value.from || next.to !== filter.value.to) anchored = true;
    filter.value = { ...next };
    closeRecords();
    await load();
  }

  async function openRecords(metric: DashboardMetric, slice: DashboardSlice = {}, sliceLabel: string | null = null): Promise<void> {
    const asked = summaryFilter.value ?? filter.value;
    const ticket = ++recordsTicket;
    selection.value = { metric, slice, sliceLabel };
    records.value = [];
    recordsTotal.value = 0;
    recordsLoading.value = true;
    recordsError.value = null;
    try {
      const result = await call('dashboard.records', { filter: asked, metric, slice });
      if (ticket !== recordsTicket) return;
      records.value = result.rows;
      recordsTotal.value = result.total;
    } catch (e) {
      if (ticket === recordsTicket) recordsError.value = toApiError(e);
    } finally {
      if (ticket === recordsTicket) recordsLoading.value = false;
    }
  }

  function closeRecords(): void {
    recordsTicket++;
    selection.value = null;
    records.value = [];
    recordsTotal.value = 0;
    recordsLoading.value = false;
    recordsError.value = null;
  }

  function reset(): void {
    summaryTicket++;
    anchored = false;
    filter.value = defaultFilter(newYorkDate(new Date()));
    summary.value = null;
    summaryFilter.value = null;
    loading.value = false;
    error.value = null;
    closeRecords();
  }

  /** Nothing to preload: the numbers are asked when the dashboard opens. */
  async function hydrate(): Promise<void> {
    reset();
  }

  /** The records name individuals: nothing of them outlives the session. */
  function dehydrate(): void {
    reset();
  }

  return {
    filter, summary, summaryFilter, loading, error, selection, records, recordsTotal, recordsLoading, recordsError,
    load, apply, openRecords, closeRecords, hydrate, dehydrate,
  };
});
