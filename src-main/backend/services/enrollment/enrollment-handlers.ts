/**
 * The assisted enrollment journey (MQP-RULES §3). Every step is audited with the individual's CRD as the entity,
 * so the enrollment's timeline can be read from the audit chain; consent evidence records the text versions,
 * the time, the agent and the script shown.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type EnrollmentDraftView } from '../../../contract';
import { enrollmentFee, firmEmailWarning, isProgramYearPaid, nextStatus, paymentLockedUntil, stepRefusal } from '../../domain';
import { enqueueCommand } from '../../sync/outbox';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { activeDraftFor, activeLock, insertDraft, latestAttempt, updateDraft, type DraftRow } from './draft-repository';
import { eligibilityToday, enrollmentsOf, requireDraft, staffId, viewOf } from './enrollment-context';
import { enrollmentSection } from './enrollment-section';
import { refreshStatus, submitPayment } from './submit-payment';
import { agreementTexts, journeyTexts } from './texts';

type Names =
  | 'enrollment.texts' | 'enrollment.section' | 'enrollment.open' | 'enrollment.get' | 'enrollment.goTo' | 'enrollment.saveContact'
  | 'enrollment.chooseQualifications' | 'enrollment.startPayment' | 'enrollment.abandonPayment' | 'enrollment.submitPayment'
  | 'enrollment.refreshStatus' | 'enrollment.retryPayment' | 'enrollment.timeline';

export const enrollmentHandlers: HandlerMap<Names> = {
  'enrollment.texts': (input, ctx) => journeyTexts(ctx.resourcesDir, input.language),
  'enrollment.section': (input, ctx) => enrollmentSection(ctx, input.crd),
  'enrollment.get': (input, ctx) => viewOf(ctx, input.draftId),

  'enrollment.open': async (input, ctx) => {
    const existing = activeDraftFor(ctx.db, input.crd);
    if (existing) {
      // Save and resume, also across agents: the draft is the station's, not the agent's.
      ctx.audit({ action: 'enrollment.resumed', entity: 'individual', entityId: input.crd, details: { draftId: existing.id, step: existing.step, lastBy: existing.updatedBy } });
      return viewOf(ctx, existing.id);
    }
    const lock = activeLock(ctx.db, input.crd, ctx.now);
    if (lock) throw new AppError('PAYMENT_LOCKED', `A payment was abandoned at ${lock.abandonedAt}; a new enrollment attempt is possible from ${lock.lockedUntil} (R22).`, lock);
    const enrollments = enrollmentsOf(ctx, input.crd);
    const pending = enrollments.find((e) => e.status === 'payment_pending');
    if (pending) throw new AppError('ENROLLMENT_PENDING', `Enrollment ${pending.confirmationNumber ?? pending.id} is still Payment Pending; wait until it settles before starting another.`);
    const { qualifications } = await eligibilityToday(ctx, input.crd);
    const enrolled = new Set(enrollments.filter((e) => e.status === 'enrolled').flatMap((e) => e.categories));
    const open = qualifications.filter((q) => q.eligible && !enrolled.has(q.category));
    if (open.length === 0) {
      throw new AppError('NOT_ELIGIBLE', 'No category of this caller can be enrolled today; the individual view says why for each.', {
        reasons: qualifications.map((q) => ({ category: q.category, reason: q.reason })),
      });
    }
    const id = randomUUID();
    const now = ctx.now.toISOString();
    const row: DraftRow = {
      id, crd: input.crd, kind: input.kind,
      // Enroll Now (an added category) skips the program description and the contact step already done.
      step: input.kind === 'add' && enrolled.size > 0 ? 'qualifications' : 'program',
      state: 'open', language: input.language, contactConfirmed: input.kind === 'add' && enrolled.size > 0 ? 1 : 0,
      emailWarning: null, categories: '[]', feeUsd: null, feeBasis: null, termsAcceptance: null, paymentAcceptance: null,
      enrollmentId: null, confirmationNumber: null, createdBy: staffId(ctx), updatedBy: staffId(ctx), createdAt: now, updatedAt: now,
    };
    insertDraft(ctx.db, row);
    ctx.audit({ action: 'enrollment.started', entity: 'individual', entityId: input.crd, details: { draftId: id, kind: input.kind, language: input.language, step: row.step } });
    return viewOf(ctx, id);
  },

  'enrollment.goTo': (input, ctx) => {
    const draft = requireDraft(ctx, input.draftId);
    const refusal = stepRefusal(input.step, facts(draft));
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal, { from: draft.step, to: input.step });
    if (draft.step === 'payment' && input.step !== 'payment') abandonOpenAttempt(ctx, draft, 'back');
    updateDraft(ctx.db, draft.id, staffId(ctx), ctx.now, { step: input.step });
    ctx.audit({ action: 'enrollment.stepShown', entity: 'individual', entityId: draft.crd, details: { draftId: draft.id, step: input.step, scriptVersion: input.scriptVersion, language: draft.language } });
    return viewOf(ctx, draft.id);
  },

  'enrollment.saveContact': async (input, ctx) => {
    const draft = requireOpen(ctx, input.draftId);
    const { person } = await eligibilityToday(ctx, draft.crd);
    const before = { email: person.row.email, phone: person.row.phone, address: person.address };
    const after = { email: input.contact.email, phone: input.contact.phone, address: input.contact.address };
    const warning = firmEmailWarning(after.email, JSON.parse(person.row.firmDomains) as string[]);
    ctx.db
      .prepare(`UPDATE individual SET email = ?, phone = ?, street = ?, city = ?, state = ?, zip = ?, country = ?, updated_at = ? WHERE crd = ?`)
      .run(after.email, after.phone, after.address.street, after.address.city, after.address.state, after.address.zip, after.address.country, ctx.now.toISOString(), draft.crd);
    enqueueCommand(ctx.db, { type: 'individual.updateContact', payload: { crd: draft.crd, ...after } }, ctx.now);
    updateDraft(ctx.db, draft.id, staffId(ctx), ctx.now, { contactConfirmed: 1, emailWarning: warning, step: 'qualifications' });
    ctx.audit({
      action: 'individual.contactUpdated', entity: 'individual', entityId: draft.crd,
      // Issue 6 flags contact edits made after consent; the audit keeps before and after.
      details: { draftId: draft.id, before, after, emailWarning: warning, afterConsent: Boolean(draft.termsAcceptance) },
    });
    return viewOf(ctx, draft.id);
  },

  'enrollment.chooseQualifications': async (input, ctx) => {
    const draft = requireOpen(ctx, input.draftId);
    if (!draft.contactConfirmed) throw new AppError('ILLEGAL_TRANSITION', 'Confirm the contact details first (Save and Continue).');
    const texts = agreementTexts(ctx.resourcesDir, draft.language);
    if (input.termsVersion !== texts.terms.version || input.paymentAgreementVersion !== texts.payment.version) {
      throw new AppError('INVALID_INPUT', 'The agreement texts shown are not the current versions; reload the step and read them again.', {
        issues: [{ path: ['termsVersion'], message: `current version is ${texts.terms.version}` }],
      });
    }
    const { qualifications, asOf } = await eligibilityToday(ctx, draft.crd);
    const enrollments = enrollmentsOf(ctx, draft.crd);
    const enrolled = new Set(enrollments.filter((e) => e.status === 'enrolled').flatMap((e) => e.categories));
    const chosen = input.categories.map((category, i) => {
      const q = qualifications.find((x) => x.category === category);
      if (!q || !q.eligible || enrolled.has(category)) {
        throw new AppError('NOT_ELIGIBLE', `${category} cannot be enrolled on ${asOf}${q ? ` (${enrolled.has(category) ? 'already enrolled' : q.reason})` : ' (no such registration)'}.`, {
          issues: [{ path: ['categories', String(i)], message: 'is not eligible' }],
        });
      }
      return q;
    });
    const fee = enrollmentFee(chosen, isProgramYearPaid(enrollments, asOf));
    const acceptance = (version: string) => JSON.stringify({ version, language: draft.language, acceptedAt: ctx.now.toISOString(), staffId: staffId(ctx), scriptVersion: input.scriptVersion });
    updateDraft(ctx.db, draft.id, staffId(ctx), ctx.now, {
      categories: JSON.stringify(input.categories), feeUsd: fee.feeUsd, feeBasis: fee.basis,
      termsAcceptance: acceptance(texts.terms.version), paymentAcceptance: acceptance(texts.payment.version), step: 'payment',
    });
    ctx.audit({
      action: 'enrollment.consentRecorded', entity: 'individual', entityId: draft.crd,
      details: {
        draftId: draft.id, categories: input.categories, feeUsd: fee.feeUsd, feeBasis: fee.basis, language: draft.language,
        termsVersion: texts.terms.version, paymentAgreementVersion: texts.payment.version, scriptVersion: input.scriptVersion,
        enrollBy: Object.fromEntries(chosen.map((q) => [q.category, q.enrollBy])),
      },
    });
    return viewOf(ctx, draft.id);
  },

  'enrollment.startPayment': (input, ctx) => {
    const draft = requireOpen(ctx, input.draftId);
    const refusal = stepRefusal('payment', facts(draft));
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    const lock = activeLock(ctx.db, draft.crd, ctx.now);
    if (lock) throw new AppError('PAYMENT_LOCKED', `The payment page was left unpaid at ${lock.abandonedAt}; a new attempt is possible from ${lock.lockedUntil} (R22).`, lock);
    const current = latestAttempt(ctx.db, draft.id);
    if (current && (current.status === 'started' || current.status === 'tokenized')) return viewOf(ctx, draft.id);
    const key = `pay-${randomUUID()}`; // one idempotency key per attempt: a retry of it can never charge twice
    ctx.db
      .prepare(`INSERT INTO payment_attempt (key, draft_id, crd, amount_usd, status, staff_id, started_at) VALUES (?, ?, ?, ?, 'started', ?, ?)`)
      .run(key, draft.id, draft.crd, draft.feeUsd ?? 0, staffId(ctx), ctx.now.toISOString());
    updateDraft(ctx.db, draft.id, staffId(ctx), ctx.now, { step: 'payment' });
    ctx.audit({ action: 'payment.started', entity: 'individual', entityId: draft.crd, details: { draftId: draft.id, attemptKey: key, amountUsd: draft.feeUsd } });
    return viewOf(ctx, draft.id);
  },

  'enrollment.abandonPayment': (input, ctx) => {
    const draft = requireDraft(ctx, input.draftId);
    const lock = abandonOpenAttempt(ctx, draft, input.reason) ?? activeLock(ctx.db, draft.crd, ctx.now);
    if (!lock) throw new AppError('ILLEGAL_TRANSITION', 'No payment attempt is open for this draft, so there is nothing to abandon.');
    return lock;
  },

  'enrollment.submitPayment': (input, ctx) => submitPayment(ctx, input),
  'enrollment.refreshStatus': (input, ctx) => refreshStatus(ctx, input.draftId),

  'enrollment.retryPayment': (input, ctx) => {
    const draft = requireDraft(ctx, input.draftId);
    const view = viewOf(ctx, draft.id);
    const move = nextStatus((view.enrollmentStatus ?? 'draft') as 'draft', { type: 'retryPayment' });
    if (!move.ok) throw new AppError('ILLEGAL_TRANSITION', move.reason);
    updateDraft(ctx.db, draft.id, staffId(ctx), ctx.now, { state: 'open', step: 'payment', enrollmentId: null, confirmationNumber: null });
    ctx.audit({ action: 'payment.retried', entity: 'individual', entityId: draft.crd, details: { draftId: draft.id, failedEnrollmentId: draft.enrollmentId, reason: view.statusReason } });
    return viewOf(ctx, draft.id);
  },

  // An audited read: who looked at whose enrollment history.
  'enrollment.timeline': (input, ctx) => {
    const rows = ctx.db
      .prepare(
        `SELECT a.seq, a.at, s.display_name AS staff, a.action, a.details FROM audit_event a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE a.entity = 'individual' AND a.entity_id = ? ORDER BY a.seq`,
      )
      .all(input.crd) as { seq: number; at: string; staff: string | null; action: string; details: string }[];
    ctx.audit({ action: 'enrollment.timelineViewed', entity: 'individual', entityId: input.crd });
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));
  },
};

function facts(d: DraftRow) {
  return {
    contactConfirmed: d.contactConfirmed === 1,
    categoriesChosen: JSON.parse(d.categories).length > 0,
    agreementsAccepted: Boolean(d.termsAcceptance && d.paymentAcceptance),
    submitted: d.state !== 'open',
  };
}

function requireOpen(ctx: HandlerContext, draftId: string): DraftRow {
  const draft = requireDraft(ctx, draftId);
  if (draft.state !== 'open') throw new AppError('ILLEGAL_TRANSITION', 'The payment for this enrollment was already submitted; its details can no longer change.');
  return draft;
}

/** R22: an open attempt left unsubmitted becomes abandoned and locks the individual for 60 minutes. */
export function abandonOpenAttempt(ctx: HandlerContext, draft: DraftRow, reason: string) {
  const attempt = latestAttempt(ctx.db, draft.id);
  if (!attempt || (attempt.status !== 'started' && attempt.status !== 'tokenized')) return null;
  const lockedUntil = paymentLockedUntil(ctx.now).toISOString();
  ctx.db.prepare(`UPDATE payment_attempt SET status = 'abandoned', abandoned_at = ? WHERE key = ?`).run(ctx.now.toISOString(), attempt.key);
  ctx.db
    .prepare(
      `INSERT INTO payment_lock (crd, abandoned_at, locked_until, staff_id, reason, attempt_key) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(crd) DO UPDATE SET abandoned_at = excluded.abandoned_at, locked_until = excluded.locked_until,
         staff_id = excluded.staff_id, reason = excluded.reason, attempt_key = excluded.attempt_key`,
    )
    .run(draft.crd, ctx.now.toISOString(), lockedUntil, staffId(ctx), reason, attempt.key);
  ctx.audit({ action: 'payment.abandoned', entity: 'individual', entityId: draft.crd, details: { draftId: draft.id, attemptKey: attempt.key, reason, lockedUntil } });
  return activeLock(ctx.db, draft.crd, ctx.now);
}

export type { EnrollmentDraftView };
