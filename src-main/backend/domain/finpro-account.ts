/** R19: FinPro credentials are deleted after 36 months without a login. */
import { addMonths, isAfter, parseDate } from './dates';
import { FINPRO_INACTIVE_MONTHS } from './mqp-conventions';

export interface FinproAccountStatus {
  /** 'likely-deleted': the caller needs a new account (with identity verification) before enrolling. */
  status: 'active' | 'likely-deleted' | 'unknown';
  lastLogin: string | null;
  /** The last day the credentials are still kept: last login + 36 months. */
  deletedAfter: string | null;
}

export function finproAccountStatus(lastLogin: string | null | undefined, asOf: string): FinproAccountStatus {
  parseDate(asOf);
  if (!lastLogin) return { status: 'unknown', lastLogin: null, deletedAfter: null };
  const deletedAfter = addMonths(lastLogin, FINPRO_INACTIVE_MONTHS);
  // "More than 36 months before D": exactly 36 months ago is still within the limit.
  return { status: isAfter(asOf, deletedAfter) ? 'likely-deleted' : 'active', lastLogin, deletedAfter };
}
