/**
 * Reads values out of an evaluator trace (src-main/backend/domain/eligibility/evaluate-eligibility.ts). Each lookup
 * names the rules to look in and the keys to try, so a renamed key degrades to a generic sentence, never a crash.
 */
import type { TraceStep } from '../../../src-main/contract';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asDate(value: unknown): string | undefined {
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  // Lists of dates (e.g. R10's statutoryDates) are sorted by the evaluator; the first one is cited.
  if (Array.isArray(value)) return value.map(asDate).find((d) => d !== undefined);
  return undefined;
}

/** The first ISO date found under one of `keys` in the steps of `rules` (all steps when `rules` is empty). */
export function traceDate(trace: readonly TraceStep[], rules: readonly string[], keys: readonly string[]): string | undefined {
  const steps = rules.length === 0 ? trace : trace.filter((s) => rules.includes(s.rule));
  for (const key of keys) {
    for (const step of steps) {
      const date = asDate(step.detail?.[key]);
      if (date) return date;
    }
  }
  return undefined;
}

/** The rules whose step failed, in trace order. */
export function failedRules(trace: readonly TraceStep[]): string[] {
  return trace.filter((s) => !s.passed).map((s) => s.rule);
}

/** A string detail value (e.g. a window step's `status`). */
export function traceText(trace: readonly TraceStep[], rule: string, key: string): string | undefined {
  const value = trace.find((s) => s.rule === rule)?.detail?.[key];
  return typeof value === 'string' ? value : undefined;
}
