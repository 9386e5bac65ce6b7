import { describe, expect, it } from 'vitest';
import {
  ENROLLMENT_STATUSES,
  enrollmentFee,
  firmEmailWarning,
  isProgramYearPaid,
  lockSecondsLeft,
  nextStatus,
  paymentLockedUntil,
  stepRefusal,
  type EnrollmentEvent,
} from '../../../src-main/backend/domain';
import type { Qualification } from '../../../src-main/contract';

describe('enrollment status model (MQP-RULES §3)', () => {
  const events: EnrollmentEvent[] = [
    { type: 'submitPayment' }, { type: 'paymentSettled' }, { type: 'paymentFailed' }, { type: 'retryPayment' },
    { type: 'remove', reason: 'ce_not_completed' }, { type: 'end', reason: 'reregistered' },
  ];
  const legal: Record<string, string> = {
    'draft/submitPayment': 'payment_pending',
    'payment_pending/paymentSettled': 'enrolled',
    'payment_pending/paymentFailed': 'payment_failed',
    'payment_failed/retryPayment': 'draft',
    'enrolled/remove': 'removed',
    'enrolled/end': 'ended',
  };
  const cases = ENROLLMENT_STATUSES.flatMap((from) => events.map((event) => ({ from, event, to: legal[`${from}/${event.type}`] ?? null })));
  it.each(cases)('$from + $event.type → $to', ({ from, event, to }) => {
    const result = nextStatus(from, event);
    if (to) expect(result).toEqual({ ok: true, status: to });
    else expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(from) });
  });
});

describe('R22 payment lock', () => {
  it('C10: abandoned at 10:02 → a new attempt is allowed from 11:02', () => {
    const until = paymentLockedUntil(new Date('2024-09-01T10:02:00-04:00'));
    expect(until.toISOString()).toBe(new Date('2024-09-01T11:02:00-04:00').toISOString());
    expect(lockSecondsLeft(until, new Date('2024-09-01T11:01:59-04:00'))).toBe(1);
    expect(lockSecondsLeft(until, new Date('2024-09-01T11:02:00-04:00'))).toBe(0);
  });
});

const q = (category: string, window: 'standard' | 'first' | 'second', feeUsd: number): Qualification => ({
  category, eligible: true, reason: 'ELIGIBLE', window, enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd, trace: [],
});

describe('R15 / R8 fees', () => {
  it.each([
    ['R15: one category', [q('GS', 'standard', 100)], false, 100],
    ['R15: several categories chosen together pay once', [q('GS', 'standard', 100), q('GP', 'standard', 100)], false, 100],
    ['R8: a second-window category makes it $200', [q('GS', 'second', 200), q('GP', 'standard', 100)], false, 200],
    ['R15: Enroll Now in a year already paid costs nothing more', [q('GP', 'standard', 100)], true, 0],
  ])('%s', (_name, chosen, paid, fee) => {
    expect(enrollmentFee(chosen as Qualification[], paid as boolean).feeUsd).toBe(fee);
  });

  it('refuses to price an ineligible category', () => {
    expect(() => enrollmentFee([{ ...q('GS', 'standard', 100), eligible: false }], false)).toThrow(/not eligible: GS/);
  });

  it.each([
    [[{ status: 'enrolled', statusAt: '2024-03-01T10:00:00Z' }], '2024-09-01', true],
    [[{ status: 'payment_pending', statusAt: '2024-08-31T10:00:00Z' }], '2024-09-01', true],
    [[{ status: 'enrolled', statusAt: '2023-12-31T10:00:00Z' }], '2024-09-01', false],
    [[{ status: 'payment_failed', statusAt: '2024-08-31T10:00:00Z' }], '2024-09-01', false],
    [[], '2024-09-01', false],
  ])('R15 program year paid: %j on %s → %s', (enrollments, asOf, paid) => {
    expect(isProgramYearPaid(enrollments, asOf)).toBe(paid);
  });
});

describe('R21 personal mailbox', () => {
  it.each([
    ['dana@gmail.com', ['acme-securities.com'], null],
    ['dana@acme-securities.com', ['acme-securities.com'], /acme-securities\.com looks like a firm/],
    ['dana@mail.ACME-securities.com', ['acme-securities.com'], /looks like a firm/],
    ['dana@notacme-securities.com', ['acme-securities.com'], null],
  ])('%s with firm domains %j', (email, firms, expected) => {
    const warning = firmEmailWarning(email, firms);
    if (expected) expect(warning).toMatch(expected);
    else expect(warning).toBeNull();
  });
});

describe('journey steps (Back / Continue)', () => {
  const open = { contactConfirmed: false, categoriesChosen: false, agreementsAccepted: false, submitted: false };
  it.each([
    ['program', open, null],
    ['qualifications', open, /contact details first/],
    ['qualifications', { ...open, contactConfirmed: true }, null],
    ['payment', { ...open, contactConfirmed: true, categoriesChosen: true }, /accept both agreements/],
    ['payment', { ...open, contactConfirmed: true, categoriesChosen: true, agreementsAccepted: true }, null],
    ['status', open, /not been submitted/],
    ['payment', { contactConfirmed: true, categoriesChosen: true, agreementsAccepted: true, submitted: true }, /only the confirmation and the status/],
    ['status', { contactConfirmed: true, categoriesChosen: true, agreementsAccepted: true, submitted: true }, null],
  ] as const)('%s with %j', (step, facts, expected) => {
    const refusal = stepRefusal(step, facts);
    if (expected) expect(refusal).toMatch(expected);
    else expect(refusal).toBeNull();
  });
});
