/**
 * The review queue's automatic flags (issue 6): what makes a supervisor look twice at an enrollment. Pure, so the
 * thresholds are tested as a table; the facts are gathered by services/supervision/review-facts.ts.
 */
import type { ReviewFlagKind } from '../../../contract';
import { daysBetween } from '../dates';

/** "Enrolled in the last 3 days of its window": submitted on the enroll-by date or one of the two days before. */
export const LATE_IN_WINDOW_DAYS = 3;
/** Abandoning the payment page this many times on one enrollment (each one an R22 lock). */
export const REPEATED_ABANDONMENTS = 2;
export const PENDING_OVERDUE_HOURS = 48;

export interface ReviewFacts {
  /** R21's warning for the enrollment e-mail, or null when it looks personal. */
  emailWarning: string | null;
  /** New York date the payment was submitted. */
  submittedOn: string;
  /** Each enrolled category's enroll-by date, as the consent recorded it. */
  enrollBy: Record<string, string | null>;
  abandonedAttempts: number;
  /** When the enrollment became Payment Pending, if it still is. */
  pendingSince: string | null;
  /** Contact edits recorded after the caller accepted the agreements. */
  contactEditsAfterConsent: number;
  now: Date;
}

export function reviewFlags(f: ReviewFacts): { kind: ReviewFlagKind; message: string }[] {
  const flags: { kind: ReviewFlagKind; message: string }[] = [];
  if (f.emailWarning) flags.push({ kind: 'firm-email', message: f.emailWarning });
  for (const [category, enrollBy] of Object.entries(f.enrollBy)) {
    if (!enrollBy) continue;
    const daysLeft = daysBetween(f.submittedOn, enrollBy);
    if (daysLeft >= 0 && daysLeft < LATE_IN_WINDOW_DAYS) {
      flags.push({ kind: 'late-in-window', message: `${category} was enrolled on ${f.submittedOn}, ${daysLeft} day(s) before its enroll-by date ${enrollBy}.` });
    }
  }
  if (f.abandonedAttempts >= REPEATED_ABANDONMENTS) {
    flags.push({ kind: 'repeated-abandonment', message: `The payment page was abandoned ${f.abandonedAttempts} times before this enrollment (R22 locks).` });
  }
  if (f.pendingSince) {
    const hours = Math.floor((f.now.getTime() - Date.parse(f.pendingSince)) / 3_600_000);
    if (hours >= PENDING_OVERDUE_HOURS) flags.push({ kind: 'pending-overdue', message: `Payment Pending for ${hours} hours (since ${f.pendingSince}).` });
  }
  if (f.contactEditsAfterConsent > 0) {
    flags.push({ kind: 'contact-after-consent', message: `Contact details were edited ${f.contactEditsAfterConsent} time(s) after the caller gave consent.` });
  }
  return flags;
}
