/**
 * The station's sync state (DESIGN §4: offline is a normal state; the console shows the connection and what waits to
 * be sent). Fed by the backend's `sync.status` events, with a poll every 30 s as a fallback for a lost event stream.
 *
 * Every call keeps the session alive (sliding idle expiry, session-policy.ts: signed out after 30 minutes without a
 * call), so the poll only runs after someone used the console since the previous one: a station left alone still
 * signs out on time.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SyncStatus } from '../../../src-main/contract';
import { ApiError, call, onEvent, toApiError } from '../api';

export const SYNC_POLL_MS = 30_000;

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  /** When `status` was received here (local clock), so that "synced 2 min ago" can advance between two answers. */
  const receivedAt = ref(0);
  /** The last poll failed (the backend itself could not be reached); cleared by the next good answer. */
  const loadError = ref<ApiError | null>(null);
  /** A pass was asked for here and no status has said it ended yet (the push phase sends no pull counts). */
  const requested = ref(false);
  const requesting = ref(false);
  const retrying = ref(false);
  /** The last failure of "Sync now" or "Retry failed changes", for the details panel. */
  const actionError = ref<ApiError | null>(null);
  /** How many parked changes the last "Retry failed changes" put back in the queue. */
  const lastRequeued = ref<number | null>(null);

  const syncing = computed(() => status.value?.pull != null || requested.value);

  let stopEvents: (() => void) | null = null;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let polling = false;
  let usedSinceLastPoll = false;
  const ACTIVITY_EVENTS = ['keydown', 'pointerdown'] as const;
  const noteActivity = () => (usedSinceLastPoll = true);
  /** Bumped on dehydrate, so answers to calls made in an earlier session are dropped. */
  let generation = 0;
  /** Local times (this console's clock: the backend's may be fixed for training), never compared with `asOf`. */
  let requestedAt = 0;
  /** Events without pull counts received so far: one arriving during the "Sync now" call settles it at once. */
  let idleEvents = 0;
  /** Keeps the newest status: a poll answered after a later event must not move the display backwards. */
  function accept(next: SyncStatus, fromEvent: boolean): void {
    const current = status.value;
    if (current && Date.parse(next.asOf) < Date.parse(current.asOf)) return;
    status.value = next;
    receivedAt.value = Date.now();
    loadError.value = null;
    if (next.pull !== null) return;
    if (fromEvent) idleEvents++;
    // The backend publishes at the end of every pass; a poll settles a request too, in case an event was lost.
    if (requested.value && (fromEvent || Date.now() - requestedAt >= SYNC_POLL_MS)) requested.value = false;
  }

  function pollIfUsed(): void {
    if (!usedSinceLastPoll) return;
    usedSinceLastPoll = false;
    void refresh();
  }

  async function refresh(): Promise<void> {
    if (polling) return;
    polling = true;
    const ticket = generation;
    try {
      const next = await call('sync.status', {});
      if (ticket === generation) accept(next, false);
    } catch (error) {
      if (ticket === generation) loadError.value = toApiError(error);
    } finally {
      polling = false;
    }
  }

  /** Starts a pass in the background; its progress arrives as events. */
  async function syncNow(): Promise<boolean> {
    const ticket = generation;
    requesting.value = true;
    actionError.value = null;
    const idleBefore = idleEvents;
    try {
      const next = await call('sync.now', {});
      if (ticket !== generation) return false;
      accept(next, false);
      // The pass may have ended (and said so) before this answer arrived.
      requestedAt = Date.now();
      requested.value = idleEvents === idleBefore;
      return true;
    } catch (error) {
      if (ticket === generation) actionError.value = toApiError(error);
      return false;
    } finally {
      if (ticket === generation) requesting.value = false;
    }
  }

  /** Supervisors and administrators only (the backend checks the role): parked changes go back in the queue. */
  async function retryFailed(): Promise<number | null> {
    const ticket = generation;
    retrying.value = true;
    actionError.value = null;
    lastRequeued.value = null;
    try {
      const { requeued } = await call('sync.retryFailed', {});
      if (ticket !== generation) return null;
      lastRequeued.value = requeued;
      void refresh();
      return requeued;
    } catch (error) {
      if (ticket === generation) actionError.value = toApiError(error);
      return null;
    } finally {
      if (ticket === generation) retrying.value = false;
    }
  }

  function reset(): void {
    generation++;
    stopEvents?.();
    stopEvents = null;
    clearInterval(pollTimer);
    pollTimer = undefined;
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, noteActivity, true);
    usedSinceLastPoll = false;
    polling = false;
    status.value = null;
    receivedAt.value = 0;
    loadError.value = null;
    requested.value = false;
    requesting.value = false;
    retrying.value = false;
    actionError.value = null;
    lastRequeued.value = null;
  }

  /**
   * Does not wait for the first answer: during a long pull the backend's queue is busy, and signing in must not wait
   * for it (the header says "Checking the sync state…" meanwhile). Never throws.
   */
  async function hydrate(): Promise<void> {
    reset();
    stopEvents = onEvent('sync.status', (payload) => accept(payload, true));
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, noteActivity, { capture: true, passive: true });
    pollTimer = setInterval(pollIfUsed, SYNC_POLL_MS);
    void refresh();
  }

  function dehydrate(): void {
    reset();
  }

  return {
    status, receivedAt, loadError, requested, requesting, retrying, actionError, lastRequeued, syncing,
    refresh, syncNow, retryFailed, hydrate, dehydrate,
  };
});
