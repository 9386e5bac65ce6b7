/** Walks an enrollment draft through the journey's procedures, as the console does. */
import type { Backend } from '../../src-main/backend';
import type { EnrollmentDraftView } from '../../src-main/contract';
import { evaluateEligibility, generateDemoIndividuals } from '../../src-main/backend/domain';
import { callOk } from './test-backend';

export const TODAY = '2024-09-01';

/** Demo individuals (as seeded with seed 1) with exactly one eligible standard-window category on TODAY. */
export function eligibleDemoPeople(count: number, take: number) {
  const out: { crd: string; category: string; email: string }[] = [];
  for (const record of generateDemoIndividuals(count, 1)) {
    const eligible = evaluateEligibility(record, TODAY).qualifications.filter((q) => q.eligible);
    if (eligible.length === 1 && eligible[0].window === 'standard') out.push({ crd: record.crd, category: eligible[0].category, email: record.email });
    if (out.length === take) break;
  }
  return out;
}

export const CONTACT = { email: 'caller.personal@gmail.com', phone: '212-555-0100', address: { street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207', country: 'US' } };

/** open → contact → qualifications (consent) → payment page; returns the draft with its attempt key. */
export async function toPaymentStep(backend: Backend, token: string, crd: string, category: string): Promise<EnrollmentDraftView> {
  const texts = await callOk<{ scripts: Record<string, { version: string }>; agreements: { terms: { version: string }; payment: { version: string } } }>(backend, 'enrollment.texts', { language: 'en' }, token);
  let draft = await callOk<EnrollmentDraftView>(backend, 'enrollment.open', { crd }, token);
  draft = await callOk(backend, 'enrollment.goTo', { draftId: draft.id, step: 'contact', scriptVersion: texts.scripts.program.version }, token);
  draft = await callOk(backend, 'enrollment.saveContact', { draftId: draft.id, contact: CONTACT }, token);
  draft = await callOk(backend, 'enrollment.chooseQualifications', {
    draftId: draft.id, categories: [category], termsVersion: texts.agreements.terms.version, paymentAgreementVersion: texts.agreements.payment.version,
    termsAccepted: true, paymentAgreementAccepted: true, scriptVersion: texts.scripts.qualifications.version,
  }, token);
  return callOk(backend, 'enrollment.startPayment', { draftId: draft.id }, token);
}

export const card = (number: string) => ({ number, expMonth: 12, expYear: 2031, cvc: '123' });
