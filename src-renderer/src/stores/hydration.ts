/**
 * Sign-in hydrates every domain store, sign-out (or expiry) dehydrates them, so no caller's data outlives the
 * session that loaded it (DESIGN §8; the pattern of directus/directus app/src/hydrate.ts).
 */
import { useAuditStore } from './audit';
import { useCallerStore } from './caller';
import { useCallNotesStore } from './call-notes';
import { useDashboardStore } from './dashboard';
import { useEnrollmentStore } from './enrollment';
import { useIntegrityStore } from './integrity';
import { useReviewStore } from './review';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

function stores() {
  return [
    useSessionStore(),
    useCallerStore(),
    useEnrollmentStore(),
    useCallNotesStore(),
    useSyncStore(),
    useDashboardStore(),
    useReviewStore(),
    useAuditStore(),
    useIntegrityStore(),
  ];
}

export async function hydrateStores(): Promise<void> {
  await Promise.all(stores().map((s) => s.hydrate()));
}

export function dehydrateStores(): void {
  for (const s of stores()) s.dehydrate();
}
