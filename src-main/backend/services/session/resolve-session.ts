/** Finds the staff member behind a session token, and keeps an active session alive (sliding idle expiry). */
import type { StaffView } from '../../../contract';
import { Staff, StaffSession } from '../../store/entities';
import type { Store } from '../../store/open-store';
import { toStaffView } from '../staff/staff-view';
import { sessionExpiry, SESSION_TOUCH_INTERVAL_MS } from './session-policy';
import { hashSessionToken } from './session-token';

export type SessionLookup =
  | { ok: true; staff: StaffView; tokenHash: string }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'ended' | 'disabled' };

/**
 * `touch: false` while a console import holds the write lock: pushing the expiry forward is a write, which would
 * block every call for the busy timeout and then fail. The next call after the import pushes it (30 idle minutes
 * leave room for any import).
 */
export async function resolveSession(store: Store, token: string | null | undefined, now: Date, touch = true): Promise<SessionLookup> {
  if (!token) return { ok: false, reason: 'missing' };
  const tokenHash = hashSessionToken(token);
  const sessions = store.dataSource.getRepository(StaffSession);
  const session = await sessions.findOneBy({ tokenHash });
  if (!session) return { ok: false, reason: 'unknown' };
  if (session.endedAt) return { ok: false, reason: 'ended' };
  if (new Date(session.expiresAt) <= now) return { ok: false, reason: 'expired' };
  const staff = await store.dataSource.getRepository(Staff).findOneBy({ id: session.staffId });
  if (!staff || staff.disabled) return { ok: false, reason: 'disabled' };

  if (touch && now.getTime() - new Date(session.lastSeenAt).getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    const expiresAt = sessionExpiry(new Date(session.createdAt), now).toISOString();
    await sessions.update({ tokenHash }, { lastSeenAt: now.toISOString(), expiresAt });
  }
  return { ok: true, staff: toStaffView(staff), tokenHash };
}
