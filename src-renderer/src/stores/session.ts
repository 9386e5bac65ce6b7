/** Who is signed in at this console, and the station's set-up state. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ProcedureOutput, StaffView } from '../../../src-main/contract';
import { ApiError, call, onEvent, setSessionToken } from '../api';
import { dehydrateStores, hydrateStores } from './hydration';
import { runBeforeSignOut } from './sign-out-hooks';

export type SetupStatus = ProcedureOutput<'setup.status'>;
export type EndedReason = 'expired' | 'signed-out';

export const useSessionStore = defineStore('session', () => {
  const setup = ref<SetupStatus | null>(null);
  const staff = ref<StaffView | null>(null);
  const expiresAt = ref<string | null>(null);
  /** Why the last session ended without the user signing out here; shown on the sign-in screen. */
  const endedReason = ref<EndedReason | null>(null);
  const signedIn = computed(() => staff.value !== null);
  /**
   * Idle lock (DESIGN §7, WCAG 2.2.1): the console shows only the lock screen; the route it was on is kept so that
   * signing in again (the same staff or another) resumes there. The drafts themselves live on the server.
   */
  const locked = ref(false);
  const resumePath = ref<string | null>(null);
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
    await runBeforeSignOut('signed-out');
    try {
      await call('session.signOut', {});
    } catch {
      // Signing out locally must work even when the backend cannot be reached; its session then just expires.
    } finally {
      end(null);
    }
  }

  /**
   * Locks the console after inactivity: the content is replaced at once (no personal data stays on screen), the
   * open work is told first (an open payment page is abandoned, R22), then the session ends on the server.
   */
  async function lock(path: string): Promise<void> {
    if (!signedIn.value || locked.value) return;
    resumePath.value = path;
    locked.value = true;
    await runBeforeSignOut('idle-lock');
    try {
      await call('session.signOut', {});
    } catch {
      // The session then just expires on the server; locally it is over either way.
    } finally {
      end(null);
    }
  }

  /** Signs in from the lock screen; answers the path to resume (null: start afresh). */
  async function unlock(username: string, password: string): Promise<string | null> {
    await signIn(username, password);
    const path = resumePath.value;
    locked.value = false;
    resumePath.value = null;
    return path;
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

  return {
    setup, staff, expiresAt, endedReason, signedIn, locked, resumePath,
    loadSetupStatus, createAdmin, signIn, signOut, lock, unlock, sessionEnded, hydrate, dehydrate,
  };
});
