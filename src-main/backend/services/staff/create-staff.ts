import { AppError, type Role, type StaffView } from '../../../contract';
import { Staff } from '../../store/entities';
import type { HandlerContext } from '../handler-context';
import { hashPassword } from '../session/password-hash';
import { toStaffView } from './staff-view';

/** Creates a staff member inside the caller's transaction, with its audit event. */
export async function createStaff(
  ctx: HandlerContext,
  input: { username: string; displayName: string; password: string; role: Role },
): Promise<StaffView> {
  const repo = ctx.em.getRepository(Staff);
  if (await repo.findOneBy({ username: input.username })) {
    throw new AppError('CONFLICT', `The username "${input.username}" is already taken; choose another.`, {
      issues: [{ path: ['username'], message: 'is already taken' }],
    });
  }
  const inserted = await repo.insert({
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: ctx.now.toISOString(),
    disabled: 0,
  });
  const id = Number(inserted.identifiers[0].id);
  const staff = await repo.findOneByOrFail({ id });
  ctx.audit({ action: 'staff.created', entity: 'staff', entityId: String(id), details: { username: staff.username, role: staff.role } });
  return toStaffView(staff);
}
