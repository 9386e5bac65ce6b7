/**
 * Notes on the individual shown in the workspace's detail panel, and on their registrations (issue 5). Notes are
 * written offline and wait in the outbox ("waiting to sync"); when another station changed the same note, both
 * texts are kept and a person chooses (note.resolve) — nobody's words are lost.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { NoteView } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';
import { resetOnStaffChange } from '../workspace/reset-on-staff-change';

export const useReviewNotesStore = defineStore('review-notes', () => {
  const crd = ref<string | null>(null);
  const notes = ref<NoteView[]>([]);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  /** The note being saved or resolved ('new' for a new one), and the failure of the last attempt, by the same key. */
  const saving = ref<string | null>(null);
  const saveError = ref<{ key: string; error: ApiError } | null>(null);
  let ticket = 0;

  const conflicts = computed(() => notes.value.filter((n) => n.conflict !== null).length);

  async function load(forCrd: string): Promise<void> {
    const mine = ++ticket;
    if (crd.value !== forCrd) notes.value = [];
    crd.value = forCrd;
    loading.value = true;
    loadError.value = null;
    saveError.value = null;
    try {
      const answer = await call('note.list', { crd: forCrd });
      if (mine === ticket) notes.value = answer;
    } catch (error) {
      if (mine === ticket) loadError.value = toApiError(error);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  function put(note: NoteView): void {
    const at = notes.value.findIndex((n) => n.id === note.id);
    notes.value = at === -1 ? [...notes.value, note] : notes.value.map((n, i) => (i === at ? note : n));
  }

  /** Busy-guarded write: answers the saved note, or null with the failure in saveError under `key`. */
  async function write(key: string, run: () => Promise<NoteView>): Promise<NoteView | null> {
    if (saving.value !== null) return null;
    const mine = ticket;
    saving.value = key;
    saveError.value = null;
    try {
      const note = await run();
      if (mine !== ticket) return null;
      if (note.crd === crd.value) put(note);
      return note;
    } catch (error) {
      if (mine === ticket) saveError.value = { key, error: toApiError(error) };
      return null;
    } finally {
      if (mine === ticket) saving.value = null;
    }
  }

  /** A new note (id null) on the individual (category null) or one registration, or an edit of an existing one. */
  function save(input: { id: string | null; crd: string; category: string | null; text: string }): Promise<NoteView | null> {
    return write(input.id ?? 'new', () => call('note.save', input));
  }

  /** Settles a conflict with the text to keep: ours, theirs, or both merged by the reviewer. */
  function resolve(id: string, text: string): Promise<NoteView | null> {
    return write(id, () => call('note.resolve', { id, text }));
  }

  function reset(): void {
    ticket++;
    crd.value = null;
    notes.value = [];
    loading.value = false;
    loadError.value = null;
    saving.value = null;
    saveError.value = null;
  }
  resetOnStaffChange(reset);

  return { crd, notes, conflicts, loading, loadError, saving, saveError, load, save, resolve, hydrate: async () => reset(), dehydrate: reset };
});
