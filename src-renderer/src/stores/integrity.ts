/**
 * The audit chain as a whole (issue 6, DESIGN §6): verifying every event here (with progress counts from the
 * backend's task.progress events), comparing with the central service's copy, exporting a date range as JSON lines,
 * and the local retention of confirmed events.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ExportFile, ProcedureOutput, RetentionView, VerifyReport } from '../../../src-main/contract';
import { ApiError, call, onEvent, toApiError } from '../api';
import type { DateRange } from '../supervision/dates';

export type Comparison = ProcedureOutput<'audit.compareWithCentral'>;
export const VERIFY_TASK = 'audit.verify';

export const useIntegrityStore = defineStore('integrity', () => {
  const verifying = ref(false);
  const progress = ref<{ done: number; total: number | null } | null>(null);
  const report = ref<VerifyReport | null>(null);
  const verifyError = ref<ApiError | null>(null);

  const comparing = ref(false);
  const comparison = ref<Comparison | null>(null);
  const compareError = ref<ApiError | null>(null);

  const retention = ref<RetentionView | null>(null);
  const retentionError = ref<ApiError | null>(null);

  let generation = 0;

  async function verify(): Promise<void> {
    if (verifying.value) return;
    const mine = generation;
    verifying.value = true;
    progress.value = { done: 0, total: null };
    report.value = null;
    verifyError.value = null;
    // Listens only while our call runs; the counts of the last event received stay until the answer arrives.
    const stop = onEvent('task.progress', (p) => {
      if (p.task === VERIFY_TASK && mine === generation && verifying.value) progress.value = { done: p.done, total: p.total };
    });
    try {
      const result = await call('audit.verify', {});
      if (mine === generation) report.value = result;
    } catch (e) {
      if (mine === generation) verifyError.value = toApiError(e);
    } finally {
      stop();
      if (mine === generation) verifying.value = false;
    }
  }

  async function compare(): Promise<void> {
    if (comparing.value) return;
    const mine = generation;
    comparing.value = true;
    comparison.value = null;
    compareError.value = null;
    try {
      const result = await call('audit.compareWithCentral', {});
      if (mine === generation) comparison.value = result;
    } catch (e) {
      if (mine === generation) compareError.value = toApiError(e);
    } finally {
      if (mine === generation) comparing.value = false;
    }
  }

  /** Throws the ApiError (a backwards range names `to`) for the form. */
  async function exportJsonl(range: DateRange): Promise<ExportFile> {
    return call('audit.exportJsonl', range);
  }

  async function loadRetention(): Promise<void> {
    const mine = generation;
    retentionError.value = null;
    try {
      const result = await call('audit.retention', {});
      if (mine === generation) retention.value = result;
    } catch (e) {
      if (mine === generation) retentionError.value = toApiError(e);
    }
  }

  /** Administrators only; throws the ApiError (field error on `years`) for the form. */
  async function setRetention(years: number): Promise<RetentionView> {
    const result = await call('audit.setRetention', { years });
    retention.value = result;
    return result;
  }

  function reset(): void {
    generation++;
    verifying.value = false;
    progress.value = null;
    report.value = null;
    verifyError.value = null;
    comparing.value = false;
    comparison.value = null;
    compareError.value = null;
    retention.value = null;
    retentionError.value = null;
  }

  async function hydrate(): Promise<void> {
    reset();
  }

  function dehydrate(): void {
    reset();
  }

  return {
    verifying, progress, report, verifyError, comparing, comparison, compareError, retention, retentionError,
    verify, compare, exportJsonl, loadRetention, setRetention, hydrate, dehydrate,
  };
});
