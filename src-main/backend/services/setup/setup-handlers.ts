import { AppError } from '../../../contract';
import { Staff } from '../../store/entities';
import type { HandlerMap } from '../handler-context';
import { createStaff } from '../staff/create-staff';
import { isDemoStation } from './demo-flag';

export const setupHandlers: HandlerMap<'setup.status' | 'setup.createAdmin'> = {
  'setup.status': async (_input, ctx) => ({
    needsAdmin: (await ctx.em.getRepository(Staff).count()) === 0,
    demo: isDemoStation(ctx.db),
    stationId: ctx.stationId,
  }),
  // First-run set-up: only while no staff exists, so it cannot be used to add an admin later.
  'setup.createAdmin': async (input, ctx) => {
    if ((await ctx.em.getRepository(Staff).count()) > 0) {
      throw new AppError('SETUP_DONE', 'This station is already set up. Sign in, or ask an admin to create your account.');
    }
    return createStaff(ctx, { ...input, role: 'admin' });
  },
};
