/** Who is signed in at this console, and the station's set-up state. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ProcedureOutput, StaffView } from '../../../src-main/contract';
import { ApiError, call, onEvent, setSessionToken } from '../api';
import { dehydrateStores, hydrateStores } from './hydration';

export type SetupStatus = ProcedureOutput<'setup.status'>;
export type EndedReason = 'expired' | 'signed-out';

export const useSessionStore = defineStore('session', () => {
  const setup = ref<SetupStatus | null>(null);
  const staff = ref<StaffView | null>(null);
  const expiresAt = ref<string | null>(null);
  /** Why the last session ended without the user signing out here; shown on the sign-in screen. */
  const endedReason = ref<EndedReason | null>(null);
  const signedIn = computed(() => staff.value !== null);
  let stopEvents: (() => void) | null = null;

  async function loadSetupStatus(force = false): Promise<SetupStatus> {
    if (!setup.value || force) setup.value = await call('setup.status', {});
    return setup.value;
  }

  async function createAdmin(input: { username: string; displayName: string; password: string }): Promise<void> {
    await call('setup.createAdmin', input);
    if (setup.value) setup.value = { ...setup.value, needsAdmin: false };
  }

  async function signIn(username: string, password: string): Promise<void> {
    const result = await call('session.signIn', { username, password });
    setSessionToken(result.token);
    staff.value = result.staff;
    expiresAt.value = result.expiresAt;
    endedReason.value = null;
    await hydrateStores();
  }

  async function signOut(): Promise<void> {
    try {
      await call('session.signOut', {});
    } catch {
      // Signing out locally must work even when the backend cannot be reached; its session then just expires.
    } finally {
      end(null);
    }
  }

  /** The backend says the session is over (UNAUTHENTICATED on a call, or the session.ended event). */
  function sessionEnded(reason: EndedReason): void {
    if (signedIn.value) end(reason);
    else if (endedReason.value) endedReason.value = reason;
  }

  function end(reason: EndedReason | null): void {
    dehydrateStores(); // first, so that the event stream closes instead of reconnecting without a session
    setSessionToken(null);
    endedReason.value = reason;
  }

  async function hydrate(): Promise<void> {
    stopEvents?.();
    // The event may be broadcast to every console; only act on it when our own session is really gone.
    stopEvents = onEvent('session.ended', (payload) => {
      call('session.current', {}).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') sessionEnded(payload.reason);
      });
    });
  }

  function dehydrate(): void {
    stopEvents?.();
    stopEvents = null;
    staff.value = null;
    expiresAt.value = null;
  }

  return { setup, staff, expiresAt, endedReason, signedIn, loadSetupStatus, createAdmin, signIn, signOut, sessionEnded, hydrate, dehydrate };
});
