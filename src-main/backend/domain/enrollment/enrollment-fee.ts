/**
 * The fee due when enrolling chosen categories (R15, R8): one fee per person per program year whatever the number
 * of categories; a second-window enrollment pays $200 (2022 + 2023). Adding a category with Enroll Now in a program
 * year already paid costs nothing more.
 */
import type { Qualification } from '../../../contract/schemas';

export interface FeeDecision {
  feeUsd: number;
  /** Why, in the words of the rules, for the agent's script and the audit trail. */
  basis: string;
}

export function enrollmentFee(chosen: Qualification[], programYearAlreadyPaid: boolean): FeeDecision {
  if (chosen.length === 0) return { feeUsd: 0, basis: 'no category chosen' };
  const notEligible = chosen.filter((q) => !q.eligible);
  if (notEligible.length > 0) throw new Error(`not eligible: ${notEligible.map((q) => q.category).join(', ')}`);
  if (programYearAlreadyPaid) return { feeUsd: 0, basis: 'R15: this program year is already paid; an added category costs nothing more' };
  const fee = Math.max(...chosen.map((q) => q.feeUsd ?? 0));
  const second = chosen.some((q) => q.window === 'second');
  return { feeUsd: fee, basis: second ? 'R8: second window — $100 for 2022 + $100 for 2023' : 'R15: $100 per person per program year' };
}

/**
 * R15 (decision): the program year is the calendar year of the as-of date; it is paid when an enrollment of the
 * person is Enrolled or Payment Pending with its status dated in that year. Shared by the station and the central
 * service so both charge the same.
 */
export function isProgramYearPaid(enrollments: readonly { status: string; statusAt: string }[], asOf: string): boolean {
  const year = asOf.slice(0, 4);
  return enrollments.some((e) => (e.status === 'enrolled' || e.status === 'payment_pending') && e.statusAt.slice(0, 4) === year);
}
