/** The review queue (issue 6): submitted enrollments with their automatic flags and the latest decision. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ProcedureInput, ReviewItem } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';

export type ReviewState = NonNullable<ProcedureInput<'review.queue'>['state']>;
export const REVIEW_STATES: readonly ReviewState[] = ['open', 'decided', 'all'];

export const useReviewStore = defineStore('review', () => {
  const state = ref<ReviewState>('open');
  const items = ref<ReviewItem[]>([]);
  const asOf = ref<string | null>(null);
  /** The state `items` answers (null before any answer), so an empty list names what it is empty of. */
  const answeredState = ref<ReviewState | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let ticket = 0;

  async function load(next: ReviewState = state.value): Promise<void> {
    const mine = ++ticket;
    state.value = next;
    loading.value = true;
    error.value = null;
    try {
      const result = await call('review.queue', { state: next });
      if (mine !== ticket) return;
      items.value = result.items;
      asOf.value = result.asOf;
      answeredState.value = next;
    } catch (e) {
      if (mine === ticket) error.value = toApiError(e);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  function reset(): void {
    ticket++;
    state.value = 'open';
    items.value = [];
    asOf.value = null;
    answeredState.value = null;
    loading.value = false;
    error.value = null;
  }

  async function hydrate(): Promise<void> {
    reset();
  }

  function dehydrate(): void {
    reset();
  }

  return { state, items, asOf, answeredState, loading, error, load, hydrate, dehydrate };
});
