/** Worklists (issue 5): the built-in ones and the signed-in reviewer's saved filters. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { WorkspaceFilter, WorkspaceSort, Worklist } from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';
import { resetOnStaffChange } from '../workspace/reset-on-staff-change';

export const useWorklistsStore = defineStore('worklists', () => {
  const lists = ref<Worklist[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const saving = ref(false);
  const saveError = ref<ApiError | null>(null);
  /** The worklist being deleted (its button shows the wait) and the last failure to delete one. */
  const deleting = ref<string | null>(null);
  const deleteError = ref<ApiError | null>(null);
  let ticket = 0;

  const builtIn = computed(() => lists.value.filter((w) => w.builtIn));
  const saved = computed(() => lists.value.filter((w) => !w.builtIn));

  async function load(): Promise<void> {
    const mine = ++ticket;
    loading.value = true;
    loadError.value = null;
    try {
      const answer = await call('worklist.list', {});
      if (mine !== ticket) return;
      lists.value = answer;
      loaded.value = true;
    } catch (error) {
      if (mine === ticket) loadError.value = toApiError(error);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  /** Saves the current filter under a name; answers the new worklist, or null (the failure is in saveError). */
  async function save(name: string, filter: WorkspaceFilter, sort: WorkspaceSort): Promise<Worklist | null> {
    const mine = ticket;
    saving.value = true;
    saveError.value = null;
    try {
      const created = await call('worklist.save', { name, filter, sort });
      if (mine !== ticket) return null;
      lists.value = [...lists.value.filter((w) => w.id !== created.id), created];
      return created;
    } catch (error) {
      if (mine === ticket) saveError.value = toApiError(error);
      return null;
    } finally {
      if (mine === ticket) saving.value = false;
    }
  }

  async function remove(id: string): Promise<boolean> {
    const mine = ticket;
    deleting.value = id;
    deleteError.value = null;
    try {
      await call('worklist.delete', { id });
      if (mine !== ticket) return false;
      lists.value = lists.value.filter((w) => w.id !== id);
      return true;
    } catch (error) {
      if (mine === ticket) deleteError.value = toApiError(error);
      return false;
    } finally {
      if (mine === ticket) deleting.value = null;
    }
  }

  function find(id: string | null): Worklist | undefined {
    return id === null ? undefined : lists.value.find((w) => w.id === id);
  }

  function reset(): void {
    ticket++;
    lists.value = [];
    loaded.value = false;
    loading.value = false;
    loadError.value = null;
    saving.value = false;
    saveError.value = null;
    deleting.value = null;
    deleteError.value = null;
  }
  resetOnStaffChange(reset);

  return {
    lists, builtIn, saved, loaded, loading, loadError, saving, saveError, deleting, deleteError,
    load, save, remove, find, hydrate: async () => reset(), dehydrate: reset,
  };
});
