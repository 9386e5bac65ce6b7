/** The caller on the line: the lookup (search-as-you-type) and the individual's record once opened. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { IndividualView, SearchHit } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 20;

export const useCallerStore = defineStore('caller', () => {
  const query = ref('');
  const hits = ref<SearchHit[]>([]);
  /** The query the current `hits` answer (null before any answer). */
  const answeredQuery = ref<string | null>(null);
  const searching = ref(false);
  const searchError = ref<ApiError | null>(null);

  const individual = ref<IndividualView | null>(null);
  const loadingIndividual = ref(false);
  const individualError = ref<ApiError | null>(null);

  // Each request takes a ticket; an answer whose ticket is no longer the latest is stale and dropped.
  let searchTicket = 0;
  let openTicket = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  function setQuery(text: string): void {
    query.value = text;
    clearTimeout(debounce);
    const trimmed = text.trim();
    if (trimmed === '') {
      searchTicket++;
      hits.value = [];
      answeredQuery.value = null;
      searching.value = false;
      searchError.value = null;
      return;
    }
    searching.value = true;
    debounce = setTimeout(() => void runSearch(trimmed), SEARCH_DEBOUNCE_MS);
  }

  async function runSearch(text: string): Promise<void> {
    const ticket = ++searchTicket;
    try {
      const result = await call('individual.search', { query: text, limit: SEARCH_LIMIT });
      if (ticket !== searchTicket) return;
      hits.value = result.hits;
      answeredQuery.value = text;
      searchError.value = null;
    } catch (error) {
      if (ticket !== searchTicket) return;
      hits.value = [];
      answeredQuery.value = null;
      searchError.value = toApiError(error);
    } finally {
      if (ticket === searchTicket) searching.value = false;
    }
  }

  async function open(crd: string): Promise<void> {
    const ticket = ++openTicket;
    if (individual.value?.crd !== crd) individual.value = null;
    loadingIndividual.value = true;
    individualError.value = null;
    try {
      const view = await call('individual.get', { crd });
      if (ticket === openTicket) individual.value = view;
    } catch (error) {
      if (ticket === openTicket) {
        individual.value = null;
        individualError.value = toApiError(error);
      }
    } finally {
      if (ticket === openTicket) loadingIndividual.value = false;
    }
  }

  function reset(): void {
    clearTimeout(debounce);
    searchTicket++;
    openTicket++;
    query.value = '';
    hits.value = [];
    answeredQuery.value = null;
    searching.value = false;
    searchError.value = null;
    individual.value = null;
    loadingIndividual.value = false;
    individualError.value = null;
  }

  /** Nothing to preload: the caller is unknown until the agent searches. */
  async function hydrate(): Promise<void> {
    reset();
  }

  /** Clears every trace of the caller's personal data when the session ends. */
  function dehydrate(): void {
    reset();
  }

  return {
    query, hits, answeredQuery, searching, searchError, individual, loadingIndividual, individualError,
    setQuery, open, reset, hydrate, dehydrate,
  };
});
