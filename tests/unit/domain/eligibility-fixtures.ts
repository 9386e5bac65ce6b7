/** Builders for eligibility test inputs: a GS (Series 7) row unless told otherwise. */
import { eligibilityInput, eligibilityResult, type EligibilityInput, type EligibilityResult } from '../../../src-main/contract/schemas';
import { evaluateEligibility } from '../../../src-main/backend/domain';

type Reg = EligibilityInput['registrations'][number];
type Disq = EligibilityInput['disqualifications'][number];

export function gs(overrides: Partial<Reg> = {}): Reg {
  return { category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: '2023-06-15', terminationType: 'full', ...overrides };
}

export const statutory = (date: string): Disq => ({ kind: 'statutory', date });
export const ceInactive = (date: string): Disq => ({ kind: 'ce-inactive-2y', date });

/** Evaluates through the real schemas on both sides, as the CLI and the backend do. */
export function evaluate(registrations: Reg[], asOf: string, disqualifications: Disq[] = []): EligibilityResult {
  const input = eligibilityInput.parse({ crd: '1234567', registrations, disqualifications });
  return eligibilityResult.parse(evaluateEligibility(input, asOf));
}

/** The one qualification of a single-row evaluation. */
export function evaluateOne(registration: Reg, asOf: string, disqualifications: Disq[] = []) {
  const result = evaluate([registration], asOf, disqualifications);
  return result.qualifications[0];
}
