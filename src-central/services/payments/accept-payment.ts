/**
 * POST /v1/payments: one payment attempt → an enrollment in Payment Pending with a confirmation number, settled
 * later by Settlement. Idempotent by the attempt's key: the same key returns the same payment and enrollment and
 * never charges twice; the same key with a different request is refused. MQP-RULES §3 steps 4–6, R15, DESIGN §5.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../../../src-main/backend/clock';
import type { z } from 'zod';
import type { paymentAccepted, paymentRequest } from '../../../src-main/contract/central-api';
import { CentralError } from '../../central-error';
import type { CentralDb } from '../../store/central-db';
import { EnrollmentRow, PaymentRow } from '../../store/entities';
import { recordChange } from '../change-log';
import { loadIndividual } from '../individuals';
import { enrollmentRecord } from '../record-mapping';
import type { CardOutcome, CardVault } from './card-vault';
import { enrollmentTerms } from './fee-check';
import { isProgramYearPaid } from '../../../src-main/backend/domain';
import type { Settlement } from './settlement';

export type PaymentRequest = z.infer<typeof paymentRequest>;
export type PaymentAccepted = z.infer<typeof paymentAccepted>;

export interface PaymentDeps {
  centralDb: CentralDb;
  vault: CardVault;
  settlement: Settlement;
  clock: Clock;
  /** The server's date for the rules (America/New_York, or `--today`). */
  today: () => string;
  settleMs: number;
}

export async function acceptPayment(deps: PaymentDeps, request: PaymentRequest): Promise<PaymentAccepted> {
  const requestHash = fingerprint(request);
  // Filled inside the transaction, read in the catch (an object, so TypeScript sees the closure's write).
  const taken: { token?: string; card?: NonNullable<ReturnType<CardVault['take']>> } = {};
  try {
    const result = await deps.centralDb.write(async (em) => {
      const earlier = await em.findOneBy(PaymentRow, { idempotencyKey: request.key });
      if (earlier) return replay(em, earlier, requestHash);

      const now = deps.clock.now();
      const today = deps.today();
      const individual = await loadIndividual(em, request.crd);
      if (!individual) throw new CentralError(422, 'UNKNOWN_INDIVIDUAL', `crd: no individual with CRD ${request.crd}`, { field: 'crd' });
      const terms = enrollmentTerms(individual.record, request.categories, today);
      // R15: a category added in a program year already paid costs nothing more.
      const earlierEnrollments = await em.findBy(EnrollmentRow, { crd: request.crd });
      if (isProgramYearPaid(earlierEnrollments, today)) terms.feeUsd = 0;
      if (Math.round(request.amountUsd * 100) !== terms.feeUsd * 100) {
        throw new CentralError(422, 'AMOUNT_MISMATCH',
          `amountUsd: expected ${terms.feeUsd} (R15: $100 per person per program year, $200 in the second window), got ${request.amountUsd}`,
          { field: 'amountUsd', expectedUsd: terms.feeUsd, window: terms.window });
      }
      const pending = await em.findOneBy(EnrollmentRow, { crd: request.crd, status: 'payment_pending' });
      if (pending) {
        throw new CentralError(409, 'PAYMENT_PENDING', `CRD ${request.crd} already has an enrollment in Payment Pending; wait for it to settle`, { enrollmentId: pending.id });
      }

      let outcome: CardOutcome = 'succeed'; // a payment link: the individual pays through it
      let card: { brand: string; last4: string } | null = null;
      if (terms.feeUsd === 0) {
        // Nothing to charge: the enrollment settles as paid (no card is taken, no link is needed).
      } else if (request.method === 'card-token') {
        if (!request.token) throw new CentralError(422, 'CARD_TOKEN_UNKNOWN', 'token: is required when method is card-token', { field: 'token' });
        const held = deps.vault.take(request.token, now);
        if (!held) throw new CentralError(422, 'CARD_TOKEN_UNKNOWN', 'token: unknown, already used or expired; tokenize the card again', { field: 'token' });
        Object.assign(taken, { token: request.token, card: held });
        outcome = held.outcome;
        card = { brand: held.brand, last4: held.last4 };
      } else if (!request.email) {
        throw new CentralError(422, 'INVALID_INPUT', 'email: is required when method is payment-link', { field: 'email' });
      }

      const enrollment = Object.assign(new EnrollmentRow(), {
        id: `enr_${randomUUID()}`,
        crd: request.crd,
        categories: JSON.stringify(request.categories),
        window: terms.window,
        status: 'payment_pending',
        statusReason: null,
        statusAt: now.toISOString(),
        confirmationNumber: confirmationNumber(),
        feeCents: terms.feeUsd * 100,
        stationId: request.stationId,
        staffId: request.staffId,
      });
      await em.insert(EnrollmentRow, enrollment);
      await recordChange(em, 'enrollment', enrollment.id, 'upsert', now);
      const payment = Object.assign(new PaymentRow(), {
        id: `pay_${randomUUID()}`,
        idempotencyKey: request.key,
        requestHash,
        crd: request.crd,
        enrollmentId: enrollment.id,
        amountCents: terms.feeUsd * 100,
        method: request.method,
        cardBrand: card?.brand ?? null,
        cardLast4: card?.last4 ?? null,
        outcome,
        status: 'pending',
        createdAt: now.toISOString(),
        settleDueAt: outcome === 'never' ? null : new Date(now.getTime() + deps.settleMs).toISOString(),
        settledAt: null,
      });
      await em.insert(PaymentRow, payment);
      return { accepted: { paymentId: payment.id, enrollment: enrollmentRecord(enrollment) }, settleDueAt: payment.settleDueAt };
    });
    deps.settlement.schedule(result.accepted.paymentId, result.settleDueAt);
    return result.accepted;
  } catch (error) {
    if (taken.token && taken.card) deps.vault.restore(taken.token, taken.card, deps.clock.now()); // nothing was charged
    throw error;
  }
}

async function replay(em: EntityManager, earlier: PaymentRow, requestHash: string) {
  if (earlier.requestHash !== requestHash) {
    throw new CentralError(422, 'IDEMPOTENCY_KEY_REUSED', 'key: was already used for a different payment request; use a new key for a new attempt', { field: 'key' });
  }
  const enrollment = await em.findOneByOrFail(EnrollmentRow, { id: earlier.enrollmentId });
  // The same payment and enrollment as the first answer, in the enrollment's current status.
  return { accepted: { paymentId: earlier.id, enrollment: enrollmentRecord(enrollment) }, settleDueAt: null };
}

function fingerprint(r: PaymentRequest): string {
  const fields = [r.crd, r.categories.join(','), r.amountUsd, r.method, r.token ?? '', r.email ?? '', r.stationId, r.staffId ?? ''];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Shown to the caller and read out by the agent: no 0/O or 1/I to mishear. */
function confirmationNumber(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return `MQP-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}
