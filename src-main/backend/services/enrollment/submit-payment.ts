/**
 * Payment submission (MQP-RULES §3 step 4, DESIGN §5). The only step that needs the central service. Card data
 * lives in this function's arguments only: it goes to the central tokenizer, and the station keeps the token,
 * brand and last four digits. Each phase commits before the next network call, so a crash at any moment leaves
 * an attempt that can be submitted again with the same idempotency key — never charged twice.
 */
import { AppError, type EnrollmentDraftView } from '../../../contract';
import { saveEnrollmentRecord } from '../../store/enrollment-records';
import { CentralError, centralClient } from '../../sync/central-client';
import { readCentralConfig } from '../../sync/sync-state';
import type { HandlerContext } from '../handler-context';
import { findAttempt, type AttemptRow } from './draft-repository';
import { requireDraft, staffId, viewOf } from './enrollment-context';

type SubmitInput =
  | { draftId: string; attemptKey: string; method: 'card-token'; card?: { number: string; expMonth: number; expYear: number; cvc: string } }
  | { draftId: string; attemptKey: string; method: 'payment-link' };

const PAYMENT_TIMEOUT_MS = 15_000;

export async function submitPayment(ctx: HandlerContext, input: SubmitInput): Promise<EnrollmentDraftView> {
  const config = readCentralConfig(ctx.db);
  if (!config) throw new AppError('CENTRAL_UNAVAILABLE', 'Payment needs the central service, and this station has none configured. Ask an admin to set it up.');
  const client = centralClient({ ...config, timeoutMs: PAYMENT_TIMEOUT_MS });
  const draft = requireDraft(ctx, input.draftId);
  let attempt = findAttempt(ctx.db, input.attemptKey);
  if (!attempt || attempt.draftId !== draft.id) throw new AppError('NOT_FOUND', 'This payment attempt does not belong to the enrollment on screen. Reload the payment step.');
  if (attempt.status === 'submitted') return viewOf(ctx, draft.id); // answered already: the same result again
  if (attempt.status === 'abandoned') throw new AppError('PAYMENT_LOCKED', 'This payment attempt was abandoned (R22); a new one is possible once the 60-minute lock ends.');
  if (attempt.status === 'failed') throw new AppError('ILLEGAL_TRANSITION', 'This payment attempt failed; start a new one.');

  if (input.method === 'card-token' && !attempt.token) {
    const entered = input.card;
    if (!entered) throw new AppError('INVALID_INPUT', 'card: is required for a card payment', { issues: [{ path: ['card'], message: 'is required' }] });
    const token = await central(() =>
      client.tokenize({ cardNumber: entered.number, expMonth: entered.expMonth, expYear: entered.expYear, cvc: entered.cvc }),
    );
    attempt = await ctx.transaction((tx) => {
      tx.db.prepare(`UPDATE payment_attempt SET token = ?, brand = ?, last4 = ?, method = 'card-token', status = 'tokenized' WHERE key = ?`).run(token.token, token.brand, token.last4, attempt!.key);
      tx.audit({ action: 'payment.cardTokenized', entity: 'individual', entityId: draft.crd, details: { draftId: draft.id, attemptKey: attempt!.key, brand: token.brand, last4: token.last4 } });
      return findAttempt(tx.db, attempt!.key)!;
    });
  }
  const method = attempt.method ?? input.method;
  const email = (ctx.db.prepare(`SELECT email FROM individual WHERE crd = ?`).pluck().get(draft.crd) as string | undefined) ?? undefined;

  let accepted;
  try {
    accepted = await central(() =>
      client.pay({
        key: attempt!.key,
        crd: draft.crd,
        categories: JSON.parse(draft.categories) as string[],
        amountUsd: draft.feeUsd ?? 0,
        method,
        token: attempt!.token ?? undefined,
        email: method === 'payment-link' ? email : undefined,
        stationId: ctx.stationId,
        // The attempt's own agent, so a resubmission by whoever resumes the draft is the same request.
        staffId: attempt!.staffId,
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') await markFailed(ctx, draft.crd, draft.id, attempt, error.message);
    throw error;
  }

  await ctx.transaction((tx) => {
    const now = ctx.now.toISOString();
    tx.db.prepare(`UPDATE payment_attempt SET status = 'submitted', submitted_at = ?, method = ?, enrollment_id = ? WHERE key = ?`).run(now, method, accepted.enrollment.id, attempt!.key);
    tx.db
      .prepare(`UPDATE enrollment_draft SET state = 'submitted', step = 'confirmation', enrollment_id = ?, confirmation_number = ?, updated_by = ?, updated_at = ? WHERE id = ?`)
      .run(accepted.enrollment.id, accepted.enrollment.confirmationNumber, staffId(ctx), now, draft.id);
    saveEnrollmentRecord(tx.db, accepted.enrollment);
    tx.audit({
      action: 'payment.submitted', entity: 'individual', entityId: draft.crd,
      details: {
        draftId: draft.id, attemptKey: attempt!.key, method, brand: attempt!.brand, last4: attempt!.last4, amountUsd: draft.feeUsd,
        enrollmentId: accepted.enrollment.id, confirmationNumber: accepted.enrollment.confirmationNumber, status: accepted.enrollment.status,
      },
    });
  });
  ctx.sync?.nudge();
  return viewOf(ctx, draft.id);
}

/** Payment Pending → Enrolled or failed arrives through the pull; ask for one now and answer what is known. */
export function refreshStatus(ctx: HandlerContext, draftId: string): EnrollmentDraftView {
  requireDraft(ctx, draftId);
  // Not awaited: the pass needs the queue this handler holds. The next refresh shows its result.
  void ctx.sync?.syncOnce().catch(() => undefined);
  return viewOf(ctx, draftId);
}

async function markFailed(ctx: HandlerContext, crd: string, draftId: string, attempt: AttemptRow, reason: string) {
  await ctx.transaction((tx) => {
    tx.db.prepare(`UPDATE payment_attempt SET status = 'failed', failure_reason = ? WHERE key = ?`).run(reason, attempt.key);
    tx.audit({ action: 'payment.refused', entity: 'individual', entityId: crd, details: { draftId, attemptKey: attempt.key, reason } });
  });
}

/** Central failures as the agent should read them. Never includes the request (it may hold card data). */
async function central<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CentralError)) throw error;
    if (error.kind === 'refused' || error.kind === 'unauthorized') throw new AppError('CONFLICT', error.message);
    throw new AppError(
      'CENTRAL_UNAVAILABLE',
      `${error.message} Payment needs the central service; everything else works offline. Press Submit Payment again when it is back: the same attempt can never be charged twice.`,
    );
  }
}
