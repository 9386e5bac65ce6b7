/** Issue 6's automatic review flags, at and around each threshold. */
import { describe, expect, it } from 'vitest';
import { reviewFlags, type ReviewFacts } from '../../../src-main/backend/domain/review/review-flags';

const NOW = new Date('2026-11-27T15:00:00Z');
const clean: ReviewFacts = { emailWarning: null, submittedOn: '2026-11-20', enrollBy: { GS: '2027-03-01' }, abandonedAttempts: 0, pendingSince: null, contactEditsAfterConsent: 0, now: NOW };
const kinds = (f: Partial<ReviewFacts>) => reviewFlags({ ...clean, ...f }).map((x) => x.kind);

describe('review flags', () => {
  it('raises none for an ordinary enrollment', () => {
    expect(kinds({})).toEqual([]);
  });

  it.each([
    ['2026-11-20', true], // enrolled on the enroll-by date
    ['2026-11-21', true],
    ['2026-11-22', true], // two days before: still the last three days of the window
    ['2026-11-23', false], // three days before
    ['2026-11-19', false], // after the date (the window had closed: not this flag's concern)
  ])('late in window: enroll-by %s, submitted 2026-11-20 → %s', (enrollBy, flagged) => {
    expect(kinds({ enrollBy: { GS: enrollBy } }).includes('late-in-window')).toBe(flagged);
  });

  it('names each late category', () => {
    const flags = reviewFlags({ ...clean, enrollBy: { GS: '2026-11-21', SIE: null, IR: '2026-11-20' } });
    expect(flags.map((f) => f.message)).toEqual([
      'GS was enrolled on 2026-11-20, 1 day(s) before its enroll-by date 2026-11-21.',
      'IR was enrolled on 2026-11-20, 0 day(s) before its enroll-by date 2026-11-20.',
    ]);
  });

  it.each([
    [1, false],
    [2, true],
    [3, true],
  ])('repeated abandonment: %i abandoned attempt(s) → %s', (n, flagged) => {
    expect(kinds({ abandonedAttempts: n }).includes('repeated-abandonment')).toBe(flagged);
  });

  it.each([
    ['2026-11-25T15:00:01Z', false], // 47 h 59 min 59 s
    ['2026-11-25T15:00:00Z', true], // exactly 48 h
    ['2026-11-20T09:00:00Z', true],
  ])('pending since %s → overdue %s', (since, flagged) => {
    expect(kinds({ pendingSince: since }).includes('pending-overdue')).toBe(flagged);
  });

  it('flags a firm e-mail with R21’s warning, and contact edits after consent', () => {
    const flags = reviewFlags({ ...clean, emailWarning: 'acme.com looks like a firm’s e-mail domain.', contactEditsAfterConsent: 2 });
    expect(flags).toEqual([
      { kind: 'firm-email', message: 'acme.com looks like a firm’s e-mail domain.' },
      { kind: 'contact-after-consent', message: 'Contact details were edited 2 time(s) after the caller gave consent.' },
    ]);
  });
});
