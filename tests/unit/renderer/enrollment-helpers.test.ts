/** Pure helpers of the console's enrollment journey: R22 countdown, status polling backoff, idle timing, steps. */
import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsRemaining } from '../../../src-renderer/src/enrollment/countdown';
import { nextStep, previousStep, stepPosition, stepsFor } from '../../../src-renderer/src/enrollment/journey-steps';
import { mergeLockViews, toLockView } from '../../../src-renderer/src/enrollment/payment-lock-view';
import { isSettled, statusPollDelay } from '../../../src-renderer/src/enrollment/status-backoff';
import { checkCard } from '../../../src-renderer/src/enrollment/submit-payment';
import { fieldErrorsUnder } from '../../../src-renderer/src/errors/field-errors';
import { DEFAULT_IDLE_SECONDS, IDLE_WARNING_SECONDS, idleSecondsFrom, idleTimings } from '../../../src-renderer/src/idle/idle-settings';

describe('R22 lock countdown', () => {
  it.each([
    [3600, '60:00'],
    [3599, '59:59'],
    [61, '01:01'],
    [59.2, '01:00'],
    [0, '00:00'],
    [-5, '00:00'],
  ])('formatCountdown(%s) = %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });

  it.each([
    ['counts down on the local clock from the moment the view arrived', 3000, 1_000, 11_000, 2990],
    ['rounds a partial second up (never shows 0 early)', 10, 0, 9_500, 1],
    ['never goes below zero', 5, 0, 60_000, 0],
    ['ignores a local clock that went backwards', 100, 10_000, 5_000, 100],
  ])('R22 secondsRemaining: %s', (_name, left, receivedAt, now, expected) => {
    expect(secondsRemaining(left, receivedAt, now)).toBe(expected);
  });

  it('R22 reads a lock from the section, from abandonPayment and from PAYMENT_LOCKED details', () => {
    const section = { crd: '1', abandonedAt: '2024-09-01T15:02:00Z', lockedUntil: '2024-09-01T16:02:00Z', secondsLeft: 3000, abandonedBy: 'agent-a', reason: 'back' };
    expect(toLockView(section, 5)).toEqual({ lockedUntil: section.lockedUntil, secondsLeft: 3000, abandonedBy: 'agent-a', abandonedAt: section.abandonedAt, reason: 'back', receivedAt: 5 });
    const details = toLockView({ lockedUntil: section.lockedUntil, secondsLeft: 2990 }, 9)!;
    expect(details).toMatchObject({ secondsLeft: 2990, abandonedBy: null });
    expect(mergeLockViews(details, toLockView(section, 5))).toMatchObject({ secondsLeft: 2990, receivedAt: 9, abandonedBy: 'agent-a', reason: 'back' });
    expect(toLockView({ lock: section }, 1)).toMatchObject({ abandonedBy: 'agent-a' });
  });

  it('R22 falls back to lockedUntil when secondsLeft is missing, and refuses a value with neither', () => {
    const receivedAt = Date.parse('2024-09-01T16:00:00Z');
    expect(toLockView({ lockedUntil: '2024-09-01T16:02:00Z' }, receivedAt)?.secondsLeft).toBe(120);
    expect(toLockView({ reason: 'back' }, receivedAt)).toBeNull();
    expect(toLockView(null, receivedAt)).toBeNull();
  });
});

describe('status polling backoff (Payment Pending → Enrolled)', () => {
  it('waits 2 s, 4 s, 8 s, 16 s, then at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50, 5000].map(statusPollDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it.each([
    ['payment_pending', false],
    ['enrolled', true],
    ['payment_failed', true],
    [null, false],
  ])('status %s settled: %s', (status, settled) => {
    expect(isSettled(status)).toBe(settled);
  });
});

describe('idle lock timing (DESIGN §7, WCAG 2.2.1)', () => {
  it.each([
    ['default 5 minutes', '', '#/lookup', DEFAULT_IDLE_SECONDS],
    ['?idleSeconds before the route', '?idleSeconds=20', '#/lookup', 20],
    ['?idleSeconds inside the hash route', '', '#/individuals/1?idleSeconds=45', 45],
    ['not a number: the default', '?idleSeconds=soon', '', DEFAULT_IDLE_SECONDS],
    ['too small: clamped', '?idleSeconds=1', '', 5],
  ])('%s', (_name, search, hash, seconds) => {
    expect(idleSecondsFrom(search, hash)).toBe(seconds);
  });

  it('warns at least 20 seconds before locking', () => {
    const { warnAfterMs, lockAfterMs } = idleTimings(20);
    expect(warnAfterMs).toBe(20_000);
    expect(lockAfterMs - warnAfterMs).toBeGreaterThanOrEqual(IDLE_WARNING_SECONDS * 1000);
    expect(IDLE_WARNING_SECONDS).toBeGreaterThanOrEqual(20);
  });
});

describe('journey steps (MQP-RULES §3)', () => {
  it('the full flow has six steps; Enroll Now skips the program description', () => {
    expect(stepsFor('new')).toEqual(['program', 'contact', 'qualifications', 'payment', 'confirmation', 'status']);
    expect(stepsFor('add')).toEqual(['contact', 'qualifications', 'payment', 'confirmation', 'status']);
    expect(stepPosition('add', 'payment')).toEqual({ index: 3, count: 5 });
    // An 'add' draft of someone not yet enrolled starts at the program description: then it is a step.
    expect(stepPosition('add', 'program')).toEqual({ index: 1, count: 6 });
  });

  it.each([
    ['new', 'program', null],
    ['new', 'contact', 'program'],
    ['add', 'contact', null],
    ['new', 'payment', 'qualifications'],
    ['new', 'confirmation', null],
    ['new', 'status', null],
  ] as const)('Back from %s/%s goes to %s (null: back to the individual)', (kind, step, expected) => {
    expect(previousStep(kind, step)).toBe(expected);
  });

  it('Continue points to the next step, none after the status', () => {
    expect(nextStep('new', 'program')).toBe('contact');
    expect(nextStep('new', 'status')).toBeNull();
  });
});

describe('field errors under a path (contact form)', () => {
  it('maps contact.address.zip to zip and ignores other inputs', () => {
    const details = { issues: [
      { path: ['contact', 'address', 'zip'], message: 'must be a US ZIP code' },
      { path: ['contact', 'email'], message: 'must be an email address' },
      { path: ['draftId'], message: 'x' },
      { path: ['contact', 'address', 'zip'], message: 'second' },
    ] };
    expect(fieldErrorsUnder(details, ['contact'])).toEqual({ zip: 'must be a US ZIP code', email: 'must be an email address' });
  });
});

describe('card check before submitting (DESIGN §5)', () => {
  // Test-processor numbers only; the check never returns the value it was given.
  it('accepts a well-formed card, with spaces and a two-digit year', () => {
    const checked = checkCard({ number: '4242 4242 4242 4242', expMonth: '12', expYear: '31', cvc: '123' });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.card).toMatchObject({ expMonth: 12, expYear: 2031, cvc: '123' });
  });

  it('names each field that is wrong, and nothing else', () => {
    const checked = checkCard({ number: '4242', expMonth: '13', expYear: '2031', cvc: '12' });
    expect(checked).toEqual({ ok: false, invalid: ['number', 'expMonth', 'cvc'] });
    expect(JSON.stringify(checked)).not.toContain('4242');
  });
});
