/**
 * One enrollment's audit trail (issue 6): the events with their chain status, the consent evidence, the payment
 * attempts, the decisions so far; recording a decision and exporting the evidence packet.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { EnrollmentTrail, ExportFile, ReviewItem } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';

export type Decision = 'approved' | 'follow-up';

export const useAuditStore = defineStore('audit', () => {
  const draftId = ref<string | null>(null);
  const trail = ref<EnrollmentTrail | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let ticket = 0;

  /** `quiet`: keep the trail on screen while it is asked again (after a decision). */
  async function load(id: string, quiet = false): Promise<void> {
    const mine = ++ticket;
    if (draftId.value !== id) trail.value = null;
    draftId.value = id;
    loading.value = !quiet;
    error.value = null;
    try {
      const result = await call('audit.enrollment', { draftId: id });
      if (mine === ticket) trail.value = result;
    } catch (e) {
      if (mine === ticket) error.value = toApiError(e);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  /** Throws the ApiError (field errors in its details) for the form; on success the trail shows the new event. */
  async function decide(decision: Decision, note: string): Promise<ReviewItem> {
    const id = draftId.value;
    if (id === null) throw new ApiError({ code: 'NOT_FOUND', message: 'no enrollment is open' });
    const item = await call('review.decide', { draftId: id, decision, note });
    if (draftId.value === id && trail.value) trail.value = { ...trail.value, item };
    await load(id, true);
    return item;
  }

  async function exportPdf(): Promise<ExportFile> {
    const id = draftId.value;
    if (id === null) throw new ApiError({ code: 'NOT_FOUND', message: 'no enrollment is open' });
    return call('audit.exportPdf', { draftId: id });
  }

  function reset(): void {
    ticket++;
    draftId.value = null;
    trail.value = null;
    loading.value = false;
    error.value = null;
  }

  async function hydrate(): Promise<void> {
    reset();
  }

  function dehydrate(): void {
    reset();
  }

  return { draftId, trail, loading, error, load, decide, exportPdf, hydrate, dehydrate };
});
