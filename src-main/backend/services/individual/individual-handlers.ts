import { AppError, type IndividualView } from '../../../contract';
import { evaluateEligibility, finproAccountStatus, todayInNewYork } from '../../domain';
import type { HandlerMap } from '../handler-context';
import { loadIndividual } from './load-individual';
import { searchIndividuals } from './search-individuals';

export const individualHandlers: HandlerMap<'individual.search' | 'individual.get' | 'eligibility.evaluate'> = {
  'individual.search': (input, ctx) => ({ hits: searchIndividuals(ctx.db, input.query, input.limit, todayInNewYork(ctx.now)) }),

  // An audited read (DESIGN §6): who opened whose full record, and when.
  'individual.get': async (input, ctx): Promise<IndividualView> => {
    const loaded = await loadIndividual(ctx.em, input.crd);
    if (!loaded) throw new AppError('NOT_FOUND', `No individual with CRD ${input.crd} is on this station. Check the number, or search by name.`);
    const asOf = todayInNewYork(ctx.now);
    const eligibility = evaluateEligibility({ crd: loaded.row.crd, registrations: loaded.registrations, disqualifications: loaded.disqualifications }, asOf);
    ctx.audit({ action: 'individual.viewed', entity: 'individual', entityId: loaded.row.crd });
    const anyEligible = eligibility.qualifications.some((q) => q.eligible);
    return {
      crd: loaded.row.crd,
      firstName: loaded.row.firstName,
      lastName: loaded.row.lastName,
      dateOfBirth: loaded.row.dateOfBirth,
      email: loaded.row.email,
      phone: loaded.row.phone,
      address: loaded.address,
      finproAccount: finproAccountStatus(loaded.row.finproLastLogin, asOf),
      registrations: loaded.registrations,
      disqualifications: loaded.disqualifications,
      eligibility,
      startBlockedReason: anyEligible ? null : `None of this caller's qualifications is eligible for the MQP on ${asOf}; each row says why.`,
    };
  },

  'eligibility.evaluate': (input, ctx) => evaluateEligibility(input.record, input.asOf ?? todayInNewYork(ctx.now)),
};
