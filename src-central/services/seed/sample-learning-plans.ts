/**
 * Learning-plan items (R16) for a deterministic sample of seeded individuals: for every tenth person, each
 * terminated representative or principal category gets a Regulatory and a Practical Element for the program year
 * after its termination, due at that year's end. Demo values: the real due dates are FinPro's.
 */
import type { LearningPlanItem } from '../../../src-main/contract/central-api';
import type { IndividualRecord } from '../../../src-main/contract/schemas';

export const LEARNING_PLAN_SAMPLE_EVERY = 10;
/** Items due before this year are shown as completed, so the sample has both states. */
const COMPLETED_BEFORE_YEAR = 2025;

export function sampleLearningPlan(record: IndividualRecord, index: number): LearningPlanItem[] {
  if (index % LEARNING_PLAN_SAMPLE_EVERY !== 0) return [];
  const items: LearningPlanItem[] = [];
  for (const r of record.registrations) {
    if (r.level === 'state' || !r.terminationDate) continue;
    const year = Number(r.terminationDate.slice(0, 4)) + 1;
    for (const element of ['regulatory', 'practical'] as const) {
      items.push({
        id: `lp-${record.crd}-${r.category}-${year}-${element}`,
        crd: record.crd,
        category: r.category,
        element,
        title: `${year} ${element === 'regulatory' ? 'Regulatory' : 'Practical'} Element — ${r.category}`,
        dueDate: `${year}-12-31`,
        completedDate: year < COMPLETED_BEFORE_YEAR ? `${year}-11-15` : null,
      });
    }
  }
  return items;
}
