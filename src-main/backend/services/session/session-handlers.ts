import type BetterSqlite3 from 'better-sqlite3';
import { Staff, StaffSession } from '../../store/entities';
import { findDraft } from '../enrollment/draft-repository';
import { abandonOpenAttempt } from '../enrollment/enrollment-handlers';
import { AuditedFailure } from '../audited-failure';
import type { HandlerMap } from '../handler-context';
import { requireStaff } from '../handler-context';
import { toStaffView } from '../staff/staff-view';
import { DUMMY_HASH, verifyPassword } from './password-hash';
import { sessionExpiry } from './session-policy';
import { hashSessionToken, newSessionToken } from './session-token';

export const sessionHandlers: HandlerMap<'session.signIn' | 'session.signOut' | 'session.current'> = {
  'session.signIn': async (input, ctx) => {
    const staff = await ctx.em.getRepository(Staff).findOneBy({ username: input.username });
    const passwordOk = await verifyPassword(input.password, staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !passwordOk || staff.disabled) {
      ctx.audit({ action: 'session.signInFailed', entity: 'staff', entityId: staff ? String(staff.id) : null, details: { username: input.username } });
      throw new AuditedFailure('BAD_CREDENTIALS', 'The username or password is not right. Check both and try again; an admin can reset a forgotten password.');
    }
    const token = newSessionToken();
    const expiresAt = sessionExpiry(ctx.now, ctx.now).toISOString();
    await ctx.em.getRepository(StaffSession).insert({
      tokenHash: hashSessionToken(token),
      staffId: staff.id,
      createdAt: ctx.now.toISOString(),
      lastSeenAt: ctx.now.toISOString(),
      expiresAt,
      endedAt: null,
    });
    ctx.audit({ action: 'session.signedIn', entity: 'staff', entityId: String(staff.id), staffId: staff.id });
    return { token, staff: toStaffView(staff), expiresAt };
  },
  'session.signOut': async (_input, ctx) => {
    const staff = requireStaff(ctx);
    await ctx.em.getRepository(StaffSession).update({ tokenHash: ctx.sessionTokenHash! }, { endedAt: ctx.now.toISOString() });
    // R22: signing out with a payment page open abandons it, as leaving the page would.
    for (const draftId of openPaymentDrafts(ctx.db, staff.id)) {
      const draft = findDraft(ctx.db, draftId);
      if (draft) abandonOpenAttempt(ctx, draft, 'signed-out');
    }
    ctx.audit({ action: 'session.signedOut', entity: 'staff', entityId: String(staff.id) });
    return null;
  },
  'session.current': async (_input, ctx) => {
    const staff = requireStaff(ctx);
    const session = await ctx.em.getRepository(StaffSession).findOneByOrFail({ tokenHash: ctx.sessionTokenHash! });
    return { staff, expiresAt: session.expiresAt };
  },
};

function openPaymentDrafts(db: BetterSqlite3.Database, staffId: number): string[] {
  return db.prepare(`SELECT DISTINCT draft_id FROM payment_attempt WHERE staff_id = ? AND status IN ('started', 'tokenized')`).pluck().all(staffId) as string[];
}
