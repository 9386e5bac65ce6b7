/**
 * `individual.updateContact`: email, phone and/or address changed at a station (MQP-RULES §3 step 2). With
 * `baseUpdatedAt`, the update applies only if the server's record has not moved since the station saw it;
 * otherwise `conflict` with the current record, for the station's conflict policy.
 */
import { z } from 'zod';
import { address, crd, individualRecord } from '../../../src-main/contract/schemas';
import { IndividualRow } from '../../store/entities';
import { recordChange } from '../change-log';
import { loadIndividual, nextUpdatedAt } from '../individuals';
import { commandHandler } from './command-handler';

const payload = z
  .object({
    crd,
    baseUpdatedAt: z.string().min(1).optional(),
    email: individualRecord.shape.email.optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    address: address.optional(),
  })
  .refine((p) => p.email !== undefined || p.phone !== undefined || p.address !== undefined, {
    message: 'must change at least one of email, phone or address',
  });

export const updateContact = commandHandler({
  payload,
  async apply(em, _command, change: z.infer<typeof payload>, now) {
    const current = await loadIndividual(em, change.crd);
    if (!current) return { status: 'rejected', reason: `payload.crd: no individual with CRD ${change.crd}` };
    if (change.baseUpdatedAt !== undefined && change.baseUpdatedAt !== current.updatedAt) {
      return {
        status: 'conflict',
        reason: `individual ${change.crd} changed on the server (updatedAt ${current.updatedAt}, the station's base was ${change.baseUpdatedAt})`,
        current: { ...current.record, updatedAt: current.updatedAt },
      };
    }
    const fields: Partial<IndividualRow> = { updatedAt: nextUpdatedAt(current.updatedAt, now) };
    if (change.email !== undefined) fields.email = change.email;
    if (change.phone !== undefined) fields.phone = change.phone;
    if (change.address) Object.assign(fields, change.address);
    await em.update(IndividualRow, { crd: change.crd }, fields);
    await recordChange(em, 'individual', change.crd, 'upsert', now);
    return { status: 'applied' };
  },
});
