/**
 * The FinPro steps as the console walks them (MQP-RULES §3). Which step the draft is on is the backend's: these
 * helpers only say where Back and Continue point, and how to number the steps for the indicator.
 */
import { ENROLLMENT_STEPS, type EnrollmentStep } from '../../../src-main/contract';

export type DraftKind = 'new' | 'add';

/**
 * Enroll Now for an additional category is the shorter flow: it skips the program description. (For someone not
 * yet enrolled the backend starts an 'add' draft at the program description: then it is shown.)
 */
export function stepsFor(kind: DraftKind, current?: EnrollmentStep): EnrollmentStep[] {
  return kind === 'add' && current !== 'program' ? ENROLLMENT_STEPS.filter((s) => s !== 'program') : [...ENROLLMENT_STEPS];
}

/** The step Back returns to, or null when Back leaves the journey (back to the individual). */
export function previousStep(kind: DraftKind, step: EnrollmentStep): EnrollmentStep | null {
  // After the payment is submitted there is no way back into the form steps.
  if (step === 'confirmation' || step === 'status') return null;
  const steps = stepsFor(kind, step);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : null;
}

export function nextStep(kind: DraftKind, step: EnrollmentStep): EnrollmentStep | null {
  const steps = stepsFor(kind, step);
  const i = steps.indexOf(step);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1] : null;
}

/** 1-based position and count, for "Step 2 of 6". */
export function stepPosition(kind: DraftKind, step: EnrollmentStep): { index: number; count: number } {
  const steps = stepsFor(kind, step);
  return { index: steps.indexOf(step) + 1, count: steps.length };
}
