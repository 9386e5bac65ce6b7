/**
 * The MQP eligibility evaluator (MQP-RULES.md §2 R1–R14 and §4): a pure function of (record, as-of date).
 *
 * Each registration row is its own category (R4 partial terminations, R14) and gets one qualification, in input
 * order. The trace lists every rule checked, in order, with the dates compared:
 *   R3 (SIE) → R4 (still registered) → R2 (state) → R11 (before the program)
 *     — a failure here ends the evaluation: there is no window to speak of (window/enrollBy/reregisterBy null);
 *   R5 (tenure) → R10 (statutory) → R9 (CE inactivity) → R6|R7|R8 (the deciding window) → R12 (five-year limit)
 *     — all checked, so the caller hears every obstacle; `reason` is the first failure in §4's precedence order;
 *   R15 (fee) — only when eligible.
 */
import type {
  DisqualificationInput,
  EligibilityInput,
  EligibilityReason,
  EligibilityResult,
  Qualification,
  RegistrationInput,
  TraceStep,
} from '../../../contract/schemas';
import { addDays, addYears, isAfter, isOnOrBefore, isWithin, parseDate } from '../dates';
import {
  FEE_USD,
  LOOK_BACK_FIRST_TERMINATION,
  REREGISTER_YEARS,
  SIE_CODES,
  SIE_REASON,
  STATUTORY_LOOK_BACK_YEARS,
  TENURE_YEARS,
} from '../mqp-conventions';
import { resolveWindow } from './enrollment-window';

export function evaluateEligibility(input: EligibilityInput, asOf: string): EligibilityResult {
  parseDate(asOf); // a programming error, not a caller's: callers validate the date at their boundary
  const disqualifications = input.disqualifications ?? [];
  return {
    crd: input.crd,
    asOf,
    qualifications: input.registrations.map((r) => evaluateCategory(r, disqualifications, asOf)),
  };
}

/** R3: the SIE is an exam, not a registration category. */
export function isSie(registration: Pick<RegistrationInput, 'category' | 'series'>): boolean {
  const codes = [registration.category, registration.series ?? ''].map((c) => c.trim().toUpperCase());
  return codes.some((c) => SIE_CODES.includes(c));
}

function evaluateCategory(reg: RegistrationInput, disqualifications: DisqualificationInput[], asOf: string): Qualification {
  const trace: TraceStep[] = [];
  const step = (rule: string, passed: boolean, detail: Record<string, unknown>) => {
    trace.push({ rule, passed, detail });
    return passed;
  };
  const outOfScope = (reason: EligibilityReason): Qualification => ({
    category: reg.category,
    eligible: false,
    reason,
    window: null,
    enrollBy: null,
    reregisterBy: null,
    feeUsd: null,
    trace,
  });

  const series = reg.series ?? null;
  const T = reg.terminationDate ?? null;

  // R3 first: "still registered" means nothing for an exam. See SIE_REASON for the reason chosen.
  if (!step('R3', !isSie(reg), { category: reg.category, series })) return outOfScope(SIE_REASON);

  // R4: no termination date, or one after D, means still registered. A partial termination is judged on its
  // own row like any other: only the dropped category carries a termination date.
  const terminated = T !== null && isOnOrBefore(T, asOf);
  step('R4', terminated, { terminationDate: T, terminationType: reg.terminationType ?? null, asOf });
  if (T === null || !terminated) return outOfScope('STILL_REGISTERED');

  // R1/R2: representative and principal categories are covered; state registrations go to NASAA's EVEP.
  if (!step('R2', reg.level !== 'state', { level: reg.level, series })) return outOfScope('STATE_REGISTRATION');

  const window = resolveWindow(T, asOf);
  step('R11', window !== null, { terminationDate: T, earliestCoveredTermination: LOOK_BACK_FIRST_TERMINATION });
  if (window === null) return outOfScope('TERMINATED_BEFORE_PROGRAM');

  const failures: EligibilityReason[] = [];

  // R5: startDate <= T − 1 year + 1 day (T = 2022-01-31 needs a start on or before 2021-02-01).
  const latestStartDate = addDays(addYears(T, -TENURE_YEARS), 1);
  if (!step('R5', isOnOrBefore(reg.startDate, latestStartDate), { startDate: reg.startDate, terminationDate: T, latestStartDate })) {
    failures.push('TENURE_UNDER_ONE_YEAR');
  }

  // R10: a statutory disqualification dated from T − 1 year through D excludes the category.
  const statutoryFrom = addYears(T, -STATUTORY_LOOK_BACK_YEARS);
  const statutoryDates = datesOf(disqualifications, 'statutory').filter((d) => isWithin(d, statutoryFrom, asOf));
  if (!step('R10', statutoryDates.length === 0, { from: statutoryFrom, through: asOf, statutoryDates })) {
    failures.push('STATUTORY_DISQUALIFICATION');
  }

  // R9: CE-inactive for two consecutive years (event on or before D) — the person cannot take part at all.
  const ceInactiveDates = datesOf(disqualifications, 'ce-inactive-2y').filter((d) => isOnOrBefore(d, asOf));
  if (!step('R9', ceInactiveDates.length === 0, { through: asOf, ceInactiveDates })) failures.push('CE_INACTIVE');

  // R6/R7/R8: the window that applies to T on D (inclusive ends).
  const windowDetail = { window: window.window, terminationDate: T, opens: window.opens, closes: window.closes, asOf, status: window.status };
  if (!step(window.rule, window.status === 'open', windowDetail)) {
    failures.push(window.status === 'not-open' ? 'WINDOW_NOT_OPEN' : 'WINDOW_CLOSED');
  }

  // R12: re-registration without exam through T + 5 years, always from T. Informative: it never decides the reason,
  // because every window closes before it.
  const reregisterBy = addYears(T, REREGISTER_YEARS);
  step('R12', !isAfter(asOf, reregisterBy), { terminationDate: T, reregisterBy, asOf });

  const eligible = failures.length === 0;
  const feeUsd = eligible ? FEE_USD[window.window] : null;
  // R15 (and R8 for the second window): the fee due at enrollment.
  if (eligible) step('R15', true, { window: window.window, feeUsd });

  return {
    category: reg.category,
    eligible,
    reason: failures[0] ?? 'ELIGIBLE',
    window: window.window,
    enrollBy: window.closes,
    reregisterBy,
    feeUsd,
    trace,
  };
}

function datesOf(events: DisqualificationInput[], kind: DisqualificationInput['kind']): string[] {
  return events.filter((e) => e.kind === kind).map((e) => e.date).sort();
}
