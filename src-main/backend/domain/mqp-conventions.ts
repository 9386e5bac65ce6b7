/**
 * Every date, span and fee the MQP rules depend on, in one place (MQP-RULES.md: "keep each convention in one
 * place in code so it can be changed later"). Dates are inclusive 'YYYY-MM-DD' calendar dates.
 */
import type { EligibilityReason } from '../../contract/schemas';

/** FINRA Rule 1240(c) in force; terminations on or after this date use the standard window (R6). */
export const PROGRAM_START = '2022-03-15';

/** R7/R8: the look-back group — terminations from this date through LOOK_BACK_LAST_TERMINATION. */
export const LOOK_BACK_FIRST_TERMINATION = '2020-03-15';
export const LOOK_BACK_LAST_TERMINATION = '2022-03-14';

/** R7: the first (launch) enrollment window for the look-back group. */
export const FIRST_WINDOW = { opens: '2022-01-31', closes: '2022-03-15' } as const;

/** R8: the second enrollment window for the look-back group. */
export const SECOND_WINDOW = { opens: '2023-03-15', closes: '2023-12-31' } as const;

/** R6: the standard window runs from T through T + this many years (the anniversary counts). */
export const STANDARD_WINDOW_YEARS = 2;

/** R5: at least this many years registered immediately before T. */
export const TENURE_YEARS = 1;

/** R10: a statutory disqualification from T − this many years through D excludes the category. */
export const STATUTORY_LOOK_BACK_YEARS = 1;

/** R12: re-registration without exam through T + this many years, counted from T. */
export const REREGISTER_YEARS = 5;

/** R15 / R8: fee due at enrollment, in US dollars, by window. */
export const FEE_USD = { standard: 100, first: 100, second: 200 } as const;

/** R19: FinPro credentials are deleted after this many months without a login. */
export const FINPRO_INACTIVE_MONTHS = 36;

/** R3: the SIE is an exam, not a registration category. Matched on the category code or the exam series. */
export const SIE_CODES: readonly string[] = ['SIE'];

/**
 * R3: the reason reported for an SIE row. §4's reason list has no "not a registration" code, so we use the
 * closest one by meaning: the row is permanently outside every MQP window (window, enrollBy and reregisterBy are
 * null), exactly like R11. STATE_REGISTRATION would wrongly refer the caller to NASAA's EVEP. The trace step
 * `R3` (failed) says what really happened, and the explanation is built from the trace. If the contract gains a
 * dedicated reason, change it here only.
 */
export const SIE_REASON: EligibilityReason = 'TERMINATED_BEFORE_PROGRAM';
