/**
 * The workspace stores hold reviewers' data (names, notes): when the session ends (sign-out, expiry, idle lock) or
 * another staff member signs in, they forget it, so no one's records outlive the session that loaded them
 * (DESIGN §8). Called inside a Pinia setup store, whose effect scope keeps the watcher alive with the store.
 */
import { watch } from 'vue';
import { useSessionStore } from '../stores/session';

export function resetOnStaffChange(reset: () => void): void {
  const session = useSessionStore();
  watch(
    () => session.staff?.id ?? null,
    (now, before) => {
      if (now !== before) reset();
    },
  );
}
