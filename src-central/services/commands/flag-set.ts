/**
 * `flag.set`: a reviewer set or cleared one flag on some registrations or individuals (issue 5). Flags merge: one
 * row per crd × category × flag, whoever set it. Setting a set flag or clearing a clear one changes nothing (a
 * retry or another station's same intent), so the command is idempotent even apart from its key. Each real change
 * goes to the change feed (clearing as a tombstone), so every station converges on the same flags.
 */
import { z } from 'zod';
import { reviewMarkId } from '../../../src-main/contract/central-api';
import { flagKind } from '../../../src-main/contract/review-workspace';
import { crd } from '../../../src-main/contract/schemas';
import { ReviewMarkRow } from '../../store/entities';
import { recordChange } from '../change-log';
import { commandHandler } from './command-handler';

export const FLAG_SET_MAX_MARKS = 1000;

const payload = z.object({
  flag: flagKind,
  on: z.boolean(),
  /** `category` '' flags the individual as a whole. */
  marks: z.array(z.object({ crd, category: z.string().max(12) })).min(1).max(FLAG_SET_MAX_MARKS),
  setBy: z.string().max(100).optional(),
});

export const flagSet = commandHandler({
  payload,
  async apply(em, command, change: z.infer<typeof payload>, now) {
    for (const { crd: markCrd, category } of change.marks) {
      const key = { crd: markCrd, category, flag: change.flag };
      if (change.on) {
        if (await em.existsBy(ReviewMarkRow, key)) continue;
        await em.insert(ReviewMarkRow, { ...key, stationId: command.stationId, setBy: change.setBy ?? null, setAt: now.toISOString() });
        await recordChange(em, 'mark', reviewMarkId(key), 'upsert', now);
      } else {
        const { affected } = await em.delete(ReviewMarkRow, key);
        if (affected) await recordChange(em, 'mark', reviewMarkId(key), 'delete', now);
      }
    }
    return { status: 'applied' };
  },
});
