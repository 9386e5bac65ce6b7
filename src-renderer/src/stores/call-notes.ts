/** The call in progress: the agent's notes on the caller and the wrap-up with its disposition. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ProcedureInput, ProcedureOutput } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';

export type CallNote = ProcedureOutput<'call.notes'>[number];
export type CallDisposition = ProcedureInput<'call.wrapUp'>['disposition'];

export const useCallNotesStore = defineStore('callNotes', () => {
  const crd = ref<string | null>(null);
  const notes = ref<CallNote[]>([]);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  let generation = 0;

  async function load(forCrd: string): Promise<void> {
    const ticket = ++generation;
    if (crd.value !== forCrd) notes.value = [];
    crd.value = forCrd;
    loading.value = true;
    loadError.value = null;
    try {
      const answer = await call('call.notes', { crd: forCrd });
      if (ticket === generation) notes.value = answer;
    } catch (error) {
      if (ticket === generation) loadError.value = toApiError(error);
    } finally {
      if (ticket === generation) loading.value = false;
    }
  }

  async function add(forCrd: string, text: string): Promise<void> {
    await call('call.addNote', { crd: forCrd, text });
    await load(forCrd);
  }

  async function wrapUp(forCrd: string, disposition: CallDisposition, draftId: string | null): Promise<void> {
    await call('call.wrapUp', { crd: forCrd, disposition, draftId });
  }

  function reset(): void {
    generation++;
    crd.value = null;
    notes.value = [];
    loading.value = false;
    loadError.value = null;
  }

  async function hydrate(): Promise<void> {
    reset();
  }

  function dehydrate(): void {
    reset();
  }

  return { crd, notes, loading, loadError, load, add, wrapUp, hydrate, dehydrate };
});
