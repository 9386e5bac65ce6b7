/**
 * `flag.set`: a reviewer sets or clears one flag on a selection of registrations or on everything a workspace
 * filter matches (bulk). Written offline in one transaction: the flags, the audit event, and `flag.set` commands
 * in the outbox carrying every targeted registration (the intent, even where the flag already was as asked, so a
 * change made meanwhile at another station cannot win silently). The central service merges flags.
 */
import { AppError } from '../../../contract';
import { requireStaff, type HandlerMap } from '../handler-context';
import { enqueueFlagSet } from './mark-outbox';
import { flagTargets, MAX_FLAG_TARGETS } from './flag-target';

export const flagHandlers: HandlerMap<'flag.set'> = {
  'flag.set': (input, ctx) => {
    const staff = requireStaff(ctx);
    const { target } = input;
    const targets = flagTargets(ctx.db, target, ctx.now);
    if (targets === 'too-many') {
      throw new AppError(
        'INVALID_INPUT',
        `target.filter: more than ${MAX_FLAG_TARGETS.toLocaleString('en-US')} registrations match; narrow the filter and flag them in parts.`,
        { issues: [{ path: ['target', 'filter'], message: 'matches too many registrations for one bulk action' }] },
      );
    }
    if (targets.length === 0) {
      if (target.kind === 'filter') return { changed: 0 };
      throw new AppError('NOT_FOUND', 'None of the selected registrations is on this station any more. Reload the list and select again.');
    }

    const at = ctx.now.toISOString();
    const write = input.on
      ? ctx.db.prepare(`INSERT OR IGNORE INTO review_mark (crd, category, flag, set_by, station_id, set_at) VALUES (?, ?, ?, ?, ?, ?)`)
      : ctx.db.prepare(`DELETE FROM review_mark WHERE crd = ? AND category = ? AND flag = ?`);
    let changed = 0;
    for (const { crd, category } of targets) {
      changed += (input.on ? write.run(crd, category, input.flag, staff.id, ctx.stationId, at) : write.run(crd, category, input.flag)).changes;
    }
    const commands = enqueueFlagSet(ctx.db, { flag: input.flag, on: input.on, setBy: staff.displayName }, targets.map(({ crd, category }) => ({ crd, category })), ctx.now);
    ctx.audit({
      action: input.on ? 'flag.set' : 'flag.cleared',
      entity: 'registration',
      details: {
        flag: input.flag,
        target: target.kind,
        ...(target.kind === 'filter' ? { filter: target.filter } : {}),
        registrationIds: targets.map((t) => t.registrationId),
        changed,
        commands: commands.length,
      },
    });
    return { changed };
  },
};
