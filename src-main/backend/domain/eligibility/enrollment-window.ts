/**
 * Which enrollment window applies to a termination date T on the as-of date D, and where D stands in it
 * (MQP-RULES.md R6, R7, R8, R11 and §4 "the latest window that has opened by D decides").
 */
import type { EnrollmentWindow } from '../../../contract/schemas';
import { addYears, isAfter, isBefore, isWithin } from '../dates';
import {
  FIRST_WINDOW,
  LOOK_BACK_FIRST_TERMINATION,
  LOOK_BACK_LAST_TERMINATION,
  PROGRAM_START,
  SECOND_WINDOW,
  STANDARD_WINDOW_YEARS,
} from '../mqp-conventions';

export type WindowStatus = 'not-open' | 'open' | 'closed';

export interface ResolvedWindow {
  window: EnrollmentWindow;
  /** The rule that defines this window: R6 standard, R7 first, R8 second. */
  rule: 'R6' | 'R7' | 'R8';
  opens: string;
  closes: string;
  status: WindowStatus;
}

export type TerminationGroup = 'before-program' | 'look-back' | 'standard';

/** R11 / R7–R8 / R6: the group a termination date belongs to. */
export function terminationGroup(terminationDate: string): TerminationGroup {
  if (isBefore(terminationDate, LOOK_BACK_FIRST_TERMINATION)) return 'before-program';
  if (isWithin(terminationDate, LOOK_BACK_FIRST_TERMINATION, LOOK_BACK_LAST_TERMINATION)) return 'look-back';
  // Dates between LOOK_BACK_LAST_TERMINATION and PROGRAM_START cannot exist while they are consecutive days;
  // the check keeps the groups honest if either convention is ever moved.
  if (isBefore(terminationDate, PROGRAM_START)) return 'before-program';
  return 'standard';
}

function statusOn(asOf: string, opens: string, closes: string): WindowStatus {
  if (isBefore(asOf, opens)) return 'not-open';
  if (isAfter(asOf, closes)) return 'closed';
  return 'open';
}

/** The window for T on D, or null when T is outside every window (R11). */
export function resolveWindow(terminationDate: string, asOf: string): ResolvedWindow | null {
  const group = terminationGroup(terminationDate);
  if (group === 'before-program') return null;

  if (group === 'standard') {
    // R6: from T through T + 2 years, both ends included.
    const opens = terminationDate;
    const closes = addYears(terminationDate, STANDARD_WINDOW_YEARS);
    return { window: 'standard', rule: 'R6', opens, closes, status: statusOn(asOf, opens, closes) };
  }

  // R7/R8: before the first window closes, the first window decides; after it, the second one does
  // (so between the two windows the answer is "second window, not open yet").
  if (!isAfter(asOf, FIRST_WINDOW.closes)) {
    return { window: 'first', rule: 'R7', ...FIRST_WINDOW, status: statusOn(asOf, FIRST_WINDOW.opens, FIRST_WINDOW.closes) };
  }
  return { window: 'second', rule: 'R8', ...SECOND_WINDOW, status: statusOn(asOf, SECOND_WINDOW.opens, SECOND_WINDOW.closes) };
}
