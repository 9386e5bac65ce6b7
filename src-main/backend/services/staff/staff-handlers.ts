import { Staff } from '../../store/entities';
import type { HandlerMap } from '../handler-context';
import { createStaff } from './create-staff';
import { toStaffView } from './staff-view';

export const staffHandlers: HandlerMap<'staff.list' | 'staff.create'> = {
  'staff.list': async (_input, ctx) => (await ctx.em.getRepository(Staff).find({ order: { id: 'ASC' } })).map(toStaffView),
  'staff.create': (input, ctx) => createStaff(ctx, input),
};
