/** Shared look-ups of the enrollment handlers: the draft (or a clear error), the person's eligibility today. */
import { AppError, type EnrollmentDraftView } from '../../../contract';
import { evaluateEligibility, todayInNewYork } from '../../domain';
import { readLastSyncAt } from '../../sync/sync-state';
import type { HandlerContext } from '../handler-context';
import { loadIndividual } from '../individual/load-individual';
import { draftView, findDraft, type DraftRow } from './draft-repository';

export function requireDraft(ctx: HandlerContext, draftId: string): DraftRow {
  const draft = findDraft(ctx.db, draftId);
  if (!draft) throw new AppError('NOT_FOUND', `There is no enrollment draft ${draftId} on this station. Open the caller again to start or resume one.`);
  return draft;
}

export function viewOf(ctx: HandlerContext, draftId: string): EnrollmentDraftView {
  return draftView(ctx.db, requireDraft(ctx, draftId), readLastSyncAt(ctx.db));
}

export async function eligibilityToday(ctx: HandlerContext, crd: string) {
  const person = await loadIndividual(ctx.em, crd);
  if (!person) throw new AppError('NOT_FOUND', `No individual with CRD ${crd} is on this station. Check the number, or search by name.`);
  const asOf = todayInNewYork(ctx.now);
  const result = evaluateEligibility({ crd, registrations: person.registrations, disqualifications: person.disqualifications }, asOf);
  return { person, asOf, qualifications: result.qualifications };
}

/** Enrollments of a person as the station knows them from the central service. */
export function enrollmentsOf(ctx: HandlerContext, crd: string) {
  return (
    ctx.db
      .prepare(
        `SELECT id, categories, status, status_reason AS statusReason, status_at AS statusAt, confirmation_number AS confirmationNumber, fee_usd AS feeUsd
         FROM enrollment WHERE crd = ? ORDER BY status_at`,
      )
      .all(crd) as { id: string; categories: string; status: string; statusReason: string | null; statusAt: string; confirmationNumber: string | null; feeUsd: number }[]
  ).map((e) => ({ ...e, categories: JSON.parse(e.categories) as string[] }));
}

export function staffId(ctx: HandlerContext): number {
  if (!ctx.staff) throw new Error('an enrollment handler needs a signed-in staff member');
  return ctx.staff.id;
}
