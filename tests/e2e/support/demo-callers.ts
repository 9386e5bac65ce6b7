/**
 * The callers the journeys use, chosen from the same generator and seed as the demo station (`mqp serve` seeds
 * `generateDemoIndividuals(count, 1)`), and the evaluator's verdict for each — so the tests know what the console
 * must show without reading it from the console itself.
 */
import type { EligibilityResult, IndividualRecord } from '../../../src-main/contract';
import { evaluateEligibility, finproAccountStatus, generateDemoIndividuals } from '../../../src-main/backend/domain';

/** `--now 2024-09-01T15:00:00Z`: 11:00 in New York, so the console's "today" is this date. */
export const NOW = '2024-09-01T15:00:00Z';
export const AS_OF = '2024-09-01';
export const DEMO_COUNT = 300;
export const DEMO_SEED = 1;
export const DEMO_PASSWORD = 'demo-password-1';

export interface DemoCaller {
  record: IndividualRecord;
  expected: EligibilityResult;
  name: string;
  /** What an agent would type: the first name and the start of the last name. */
  searchText: string;
}

function caller(record: IndividualRecord): DemoCaller {
  return {
    record,
    expected: evaluateEligibility(record, AS_OF),
    name: `${record.firstName} ${record.lastName}`,
    searchText: `${record.firstName} ${record.lastName.slice(0, 3)}`,
  };
}

const all = [...generateDemoIndividuals(DEMO_COUNT, DEMO_SEED)].map(caller);
const eligibleCount = (c: DemoCaller) => c.expected.qualifications.filter((q) => q.eligible).length;
const distinctReasons = (c: DemoCaller) => new Set(c.expected.qualifications.map((q) => q.reason)).size;

/** The first caller with the most distinct reasons among those `accept` keeps: the richest table to check. */
function richest(accept: (c: DemoCaller) => boolean, what: string): DemoCaller {
  let best: DemoCaller | null = null;
  for (const c of all) if (accept(c) && (!best || distinctReasons(c) > distinctReasons(best))) best = c;
  if (!best) throw new Error(`No demo caller among the first ${DEMO_COUNT} (seed ${DEMO_SEED}) is ${what} on ${AS_OF}.`);
  return best;
}

/** At least one eligible and one ineligible category. */
export const mixedCaller = richest((c) => eligibleCount(c) > 0 && eligibleCount(c) < c.expected.qualifications.length, 'partly eligible');

/** No eligible category at all. */
export const ineligibleCaller = richest((c) => c.expected.qualifications.length > 0 && eligibleCount(c) === 0, 'wholly ineligible');

/** R19: last FinPro sign-in more than 36 months before the as-of date (null when the first 300 hold none). */
export const likelyDeletedCaller: DemoCaller | null =
  all.find((c) => finproAccountStatus(c.record.finproLastLogin, AS_OF).status === 'likely-deleted') ?? null;

/** Days from `from` to `to` (calendar dates), as the "Days left" column counts them. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
