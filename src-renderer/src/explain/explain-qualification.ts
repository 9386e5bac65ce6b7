/**
 * Builds the plain-words reason for one qualification from the evaluator's output and trace (MQP-RULES §4: the
 * console explains exactly what was decided). Returns i18n keys and parameters; the view translates them.
 * Every reason has a `generic` sentence, used when the trace lacks a date that the `full` sentence needs.
 * Besides the deciding reason, other failed checks are listed too, so the caller hears every obstacle.
 */
import type { EligibilityReason, EnrollmentWindow, Qualification } from '../../../src-main/contract';
import { failedRules, traceDate, traceText } from './trace-detail';

export interface RegistrationFacts {
  category: string;
  series?: string | null;
  startDate: string;
  terminationDate?: string | null;
}

export interface Explanation {
  key: string;
  params: Record<string, string>;
  /** Which window name the view translates into `params.window` (the view owns the words). */
  window: EnrollmentWindow | null;
}

export interface QualificationExplanation {
  main: Explanation;
  /** Other checks that failed, after the deciding one (e.g. tenure too short and the window closed). */
  also: Explanation[];
}

/** The rule that defines each window (R6 standard, R7 first, R8 second). */
const WINDOW_RULE: Record<EnrollmentWindow, string> = { standard: 'R6', first: 'R7', second: 'R8' };
const WINDOW_RULES = Object.values(WINDOW_RULE);

const OPENS_KEYS = ['opens', 'opensOn', 'windowOpens', 'windowStart', 'from'];
const CLOSES_KEYS = ['closes', 'closesOn', 'windowCloses', 'windowEnd', 'enrollBy'];
const START_KEYS = ['startDate', 'start'];
const TERMINATION_KEYS = ['terminationDate', 'termination'];
const NEEDED_START_KEYS = ['latestStartDate', 'latestStart', 'requiredStart', 'neededStart'];
const STATUTORY_KEYS = ['statutoryDates', 'disqualificationDates', 'dates', 'date'];
const CE_INACTIVE_KEYS = ['ceInactiveDates', 'dates', 'date'];
const PROGRAM_START_KEYS = ['earliestCoveredTermination', 'programStart', 'earliest'];

/** Which reason a failed check stands for (the deciding reason is the first of these, in §4's order). */
const REASON_OF_RULE: Record<string, EligibilityReason> = {
  R5: 'TENURE_UNDER_ONE_YEAR',
  R10: 'STATUTORY_DISQUALIFICATION',
  R9: 'CE_INACTIVE',
};

function windowRules(q: Qualification): string[] {
  return q.window ? [WINDOW_RULE[q.window]] : WINDOW_RULES;
}

/** The `full` sentence when every one of its dates is known, else the `generic` one. */
function sentence(
  reason: string,
  needed: Record<string, string | null | undefined>,
  base: Record<string, string>,
  window: EnrollmentWindow | null = null,
): Explanation {
  const values = Object.values(needed);
  if (values.every((v) => typeof v === 'string' && v.length > 0)) {
    return { key: `reasons.${reason}.full`, params: { ...base, ...(needed as Record<string, string>) }, window };
  }
  return { key: `reasons.${reason}.generic`, params: base, window };
}

function explainReason(reason: EligibilityReason, q: Qualification, registration: RegistrationFacts | undefined): Explanation {
  const base = { category: q.category };
  const termination = traceDate(q.trace, [], TERMINATION_KEYS) ?? registration?.terminationDate ?? undefined;

  switch (reason) {
    case 'ELIGIBLE':
      return sentence(
        'ELIGIBLE',
        { opens: traceDate(q.trace, windowRules(q), OPENS_KEYS) },
        { ...base, enrollBy: q.enrollBy ?? '', reregisterBy: q.reregisterBy ?? '' },
        q.window,
      );
    case 'STILL_REGISTERED':
      return sentence('STILL_REGISTERED', { termination: registration?.terminationDate }, base);
    case 'STATE_REGISTRATION':
      return { key: 'reasons.STATE_REGISTRATION.generic', params: base, window: null };
    case 'TERMINATED_BEFORE_PROGRAM':
      // R3: the SIE is reported with this reason (an exam has no window); its failed R3 step tells it apart.
      if (failedRules(q.trace).includes('R3')) return { key: 'reasons.SIE.generic', params: base, window: null };
      return sentence('TERMINATED_BEFORE_PROGRAM', { termination, programStart: traceDate(q.trace, ['R11'], PROGRAM_START_KEYS) }, base);
    case 'TENURE_UNDER_ONE_YEAR': {
      const start = traceDate(q.trace, ['R5'], START_KEYS) ?? registration?.startDate;
      if (!start || !termination) return { key: 'reasons.TENURE_UNDER_ONE_YEAR.short', params: base, window: null };
      const known = { start, termination };
      return sentence('TENURE_UNDER_ONE_YEAR', { neededStart: traceDate(q.trace, ['R5'], NEEDED_START_KEYS), ...known }, { ...base, ...known });
    }
    case 'STATUTORY_DISQUALIFICATION':
      return sentence('STATUTORY_DISQUALIFICATION', { date: traceDate(q.trace, ['R10'], STATUTORY_KEYS) }, base);
    case 'CE_INACTIVE':
      return sentence('CE_INACTIVE', { date: traceDate(q.trace, ['R9'], CE_INACTIVE_KEYS) }, base);
    case 'WINDOW_NOT_OPEN':
      return sentence('WINDOW_NOT_OPEN', { opens: traceDate(q.trace, windowRules(q), OPENS_KEYS) }, base, q.window);
    case 'WINDOW_CLOSED':
      return sentence('WINDOW_CLOSED', { enrollBy: q.enrollBy ?? traceDate(q.trace, windowRules(q), CLOSES_KEYS) }, base, q.window);
  }
}

/** The reasons of the failed checks other than the deciding one, in trace order. */
function otherFailures(q: Qualification): EligibilityReason[] {
  const out: EligibilityReason[] = [];
  for (const rule of failedRules(q.trace)) {
    let reason: EligibilityReason | undefined = REASON_OF_RULE[rule];
    if (!reason && WINDOW_RULES.includes(rule)) {
      const status = traceText(q.trace, rule, 'status');
      reason = status === 'not-open' ? 'WINDOW_NOT_OPEN' : status === 'closed' ? 'WINDOW_CLOSED' : undefined;
    }
    if (reason && reason !== q.reason && !out.includes(reason)) out.push(reason);
  }
  return out;
}

export function explainQualification(q: Qualification, registration: RegistrationFacts | undefined): QualificationExplanation {
  return {
    main: explainReason(q.reason, q, registration),
    also: q.eligible ? [] : otherFailures(q).map((reason) => explainReason(reason, q, registration)),
  };
}
