/**
 * The enrollment journey through the dispatcher against a real central service process: payment, settlement,
 * decline then success (charged once), the R22 lock seen by another agent, handoff, and illegal transitions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentDraftView, MqpSection } from '../../../src-main/contract';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { card, eligibleDemoPeople, toPaymentStep, TODAY } from '../../support/enrollment-flow';
import { call, callOk, testBackend, TEST_PASSWORD } from '../../support/test-backend';
import { filesHoldingCardNumbers } from '../../support/card-scan';

let central: CentralProcess;
let station: Awaited<ReturnType<typeof testBackend>>;
let agent: string;
let agent2: string;
const people = eligibleDemoPeople(300, 6);

beforeEach(async () => {
  central = await startCentralProcess({ seed: 300, today: TODAY, settleMs: 150 });
  station = await testBackend({ now: `${TODAY}T15:00:00Z`, central: { url: central.url, token: central.stationToken, autoStart: false } });
  await station.backend.sync!.syncOnce();
  await callOk(station.backend, 'setup.createAdmin', { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD });
  const admin = await callOk<{ token: string }>(station.backend, 'session.signIn', { username: 'admin', password: TEST_PASSWORD });
  for (const u of ['agent-a', 'agent-b']) await callOk(station.backend, 'staff.create', { username: u, displayName: u, password: TEST_PASSWORD, role: 'agent' }, admin.token);
  agent = (await callOk<{ token: string }>(station.backend, 'session.signIn', { username: 'agent-a', password: TEST_PASSWORD })).token;
  agent2 = (await callOk<{ token: string }>(station.backend, 'session.signIn', { username: 'agent-b', password: TEST_PASSWORD })).token;
});
afterEach(async () => {
  await station.close();
  // DESIGN §5: no card number at rest anywhere — station database (and WAL), central database, central log.
  expect(filesHoldingCardNumbers(station.dataDir, central.dataDir, central.logFile)).toEqual([]);
  await central.stop();
});

/** Refreshes (which pulls) until the enrollment leaves Payment Pending; the central service settles in 150 ms. */
async function settled(draftId: string, token = agent): Promise<EnrollmentDraftView> {
  for (let i = 0; i < 100; i++) {
    await station.backend.sync!.syncOnce();
    const draft = await callOk<EnrollmentDraftView>(station.backend, 'enrollment.refreshStatus', { draftId }, token);
    if (draft.enrollmentStatus !== 'payment_pending') return draft;
    await new Promise((r) => setTimeout(r, 30)); // the central service's settlement is real time
  }
  throw new Error('the enrollment never settled');
}

async function centralEnrollments(crd: string) {
  const page = (await (await central.v1('changes?limit=5000')).json()) as { changes: { kind: string; data?: { crd: string; status: string } }[] };
  return page.changes.filter((c) => c.kind === 'enrollment' && c.data?.crd === crd).map((c) => c.data!.status);
}

describe('enrollment journey (backend)', () => {
  it('(1) a full enrollment with a test card: Payment Pending with a confirmation number, then Enrolled', async () => {
    const { crd, category } = people[0];
    let draft = await toPaymentStep(station.backend, agent, crd, category);
    expect(draft).toMatchObject({ step: 'payment', feeUsd: 100, categories: [category], attempt: { status: 'started' } });
    draft = await callOk(station.backend, 'enrollment.submitPayment', { draftId: draft.id, attemptKey: draft.attempt!.key, method: 'card-token', card: card('4242424242424242') }, agent);
    expect(draft).toMatchObject({ step: 'confirmation', state: 'submitted', enrollmentStatus: 'payment_pending', attempt: { brand: expect.any(String), last4: '4242' } });
    expect(draft.confirmationNumber).toMatch(/^MQP-[A-Z2-9]{10}$/);
    expect((await settled(draft.id)).enrollmentStatus).toBe('enrolled');
    const section = await callOk<MqpSection>(station.backend, 'enrollment.section', { crd }, agent);
    expect(section.enrolledCategories).toEqual([category]);
    expect(section.draft).toBeNull();
  });

  it('(2) a decline, then success: charged exactly once', async () => {
    const { crd, category } = people[1];
    let draft = await toPaymentStep(station.backend, agent, crd, category);
    draft = await callOk(station.backend, 'enrollment.submitPayment', { draftId: draft.id, attemptKey: draft.attempt!.key, method: 'card-token', card: card('4000000000000002') }, agent);
    draft = await settled(draft.id);
    expect(draft).toMatchObject({ enrollmentStatus: 'payment_failed', statusReason: 'card_declined' });
    draft = await callOk(station.backend, 'enrollment.retryPayment', { draftId: draft.id }, agent);
    const firstKey = draft.attempt!.key;
    draft = await callOk(station.backend, 'enrollment.startPayment', { draftId: draft.id }, agent);
    expect(draft.attempt!.key).not.toBe(firstKey); // a new attempt, a new idempotency key
    const submit = { draftId: draft.id, attemptKey: draft.attempt!.key, method: 'card-token', card: card('4242424242424242') };
    draft = await callOk(station.backend, 'enrollment.submitPayment', submit, agent);
    await callOk(station.backend, 'enrollment.submitPayment', submit, agent); // a double click: same attempt, same answer
    expect((await settled(draft.id)).enrollmentStatus).toBe('enrolled');
    expect((await centralEnrollments(crd)).sort()).toEqual(['enrolled', 'payment_failed']);
  });

  it('(3) R22: leaving the payment page locks the caller for 60 minutes, for every agent; allowed again after', async () => {
    const { crd, category } = people[2];
    const draft = await toPaymentStep(station.backend, agent, crd, category);
    const lock = await callOk<{ lockedUntil: string; secondsLeft: number }>(station.backend, 'enrollment.abandonPayment', { draftId: draft.id, reason: 'navigated-away' }, agent);
    expect(lock.secondsLeft).toBe(3600);
    station.clock.advance(10 * 60_000);
    const section = await callOk<MqpSection>(station.backend, 'enrollment.section', { crd }, agent2);
    expect(section.lock).toMatchObject({ secondsLeft: 3000, abandonedBy: 'agent-a' });
    expect(await call(station.backend, 'enrollment.startPayment', { draftId: draft.id }, agent2)).toMatchObject({ ok: false, error: { code: 'PAYMENT_LOCKED', details: { secondsLeft: 3000 } } });
    expect(await call(station.backend, 'enrollment.submitPayment', { draftId: draft.id, attemptKey: draft.attempt!.key, method: 'payment-link' }, agent2)).toMatchObject({ ok: false, error: { code: 'PAYMENT_LOCKED' } });
    station.clock.advance(50 * 60_000); // exactly 60 minutes after the abandonment (C10)
    agent2 = (await callOk<{ token: string }>(station.backend, 'session.signIn', { username: 'agent-b', password: TEST_PASSWORD })).token; // idle sessions expire
    const again = await callOk<EnrollmentDraftView>(station.backend, 'enrollment.startPayment', { draftId: draft.id }, agent2);
    expect(again.attempt).toMatchObject({ status: 'started' });
    expect(again.attempt!.key).not.toBe(draft.attempt!.key);
  });

  it('(4) a draft is resumed by another agent after a handoff, at the same step', async () => {
    const { crd, category } = people[3];
    const first = await toPaymentStep(station.backend, agent, crd, category);
    await callOk(station.backend, 'enrollment.goTo', { draftId: first.id, step: 'qualifications', scriptVersion: 'x' }, agent); // Back (abandons: R22)
    const resumed = await callOk<EnrollmentDraftView>(station.backend, 'enrollment.open', { crd }, agent2);
    expect(resumed).toMatchObject({ id: first.id, step: 'qualifications', categories: [category], createdBy: 'agent-a', updatedBy: 'agent-a' });
  });

  it('(7) an ineligible caller cannot start, and gets the reasons', async () => {
    const { generateDemoIndividuals, evaluateEligibility } = await import('../../../src-main/backend/domain');
    const ineligible = [...generateDemoIndividuals(300, 1)].find((r) => evaluateEligibility(r, TODAY).qualifications.every((q) => !q.eligible))!;
    const result = await call(station.backend, 'enrollment.open', { crd: ineligible.crd }, agent);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    expect(result.ok === false && (result.error.details as { reasons: unknown[] }).reasons).toHaveLength(ineligible.registrations.length);
  });

  it('refuses every illegal transition with a typed error', async () => {
    const { crd, category } = people[4];
    const draft = await callOk<EnrollmentDraftView>(station.backend, 'enrollment.open', { crd }, agent);
    const refusals: [string, unknown][] = [
      ['enrollment.goTo', { draftId: draft.id, step: 'qualifications', scriptVersion: 'x' }],
      ['enrollment.goTo', { draftId: draft.id, step: 'payment', scriptVersion: 'x' }],
      ['enrollment.goTo', { draftId: draft.id, step: 'confirmation', scriptVersion: 'x' }],
      ['enrollment.startPayment', { draftId: draft.id }],
      ['enrollment.retryPayment', { draftId: draft.id }],
      ['enrollment.abandonPayment', { draftId: draft.id, reason: 'back' }],
      ['enrollment.chooseQualifications', { draftId: draft.id, categories: [category], termsVersion: '2024-01', paymentAgreementVersion: '2024-01', termsAccepted: true, paymentAgreementAccepted: true, scriptVersion: 'x' }],
    ];
    for (const [procedure, input] of refusals) {
      expect(await call(station.backend, procedure, input, agent), procedure).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    }
    expect(await call(station.backend, 'enrollment.chooseQualifications', { draftId: draft.id, categories: [category], termsVersion: '2024-01', paymentAgreementVersion: '2024-01', termsAccepted: false, paymentAgreementAccepted: true, scriptVersion: 'x' }, agent))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('termsAccepted') } });
    // After submission, the earlier steps are closed.
    const paid = await toPaymentStep(station.backend, agent, people[5].crd, people[5].category);
    await callOk(station.backend, 'enrollment.submitPayment', { draftId: paid.id, attemptKey: paid.attempt!.key, method: 'payment-link' }, agent);
    expect(await call(station.backend, 'enrollment.goTo', { draftId: paid.id, step: 'payment', scriptVersion: 'x' }, agent)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await call(station.backend, 'enrollment.open', { crd: people[5].crd, kind: 'new' }, agent2)).toMatchObject({ ok: true }); // resumes the submitted draft
  });
});
