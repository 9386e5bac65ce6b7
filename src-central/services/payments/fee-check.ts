/**
 * What an enrollment for the chosen categories costs on the server's date, from the server's record:
 * every category must be eligible (R5–R11, via the shared evaluator) and the fee is R15's — $100 per person per
 * program year whatever the number of categories, $200 for the second window (R8). Categories chosen together pay
 * once: the highest fee among them.
 */
import { evaluateEligibility } from '../../../src-main/backend/domain';
import type { EnrollmentRecord } from '../../../src-main/contract/central-api';
import type { IndividualRecord } from '../../../src-main/contract/schemas';
import { CentralError } from '../../central-error';

export interface EnrollmentTerms {
  feeUsd: number;
  window: EnrollmentRecord['window'];
}

export function enrollmentTerms(record: IndividualRecord, categories: string[], today: string): EnrollmentTerms {
  const { qualifications } = evaluateEligibility(record, today);
  let terms: EnrollmentTerms | null = null;
  for (const [i, category] of categories.entries()) {
    const field = `categories[${i}]`;
    if (categories.indexOf(category) !== i) throw new CentralError(422, 'NOT_ELIGIBLE', `${field}: ${category} is chosen twice`, { field });
    const q = qualifications.find((x) => x.category === category);
    if (!q) throw new CentralError(422, 'NOT_ELIGIBLE', `${field}: CRD ${record.crd} has no ${category} registration`, { field });
    if (!q.eligible || q.feeUsd === null || q.window === null) {
      throw new CentralError(422, 'NOT_ELIGIBLE', `${field}: ${category} is not eligible on ${today} (${q.reason})`, { field, reason: q.reason, asOf: today });
    }
    if (!terms || q.feeUsd > terms.feeUsd) terms = { feeUsd: q.feeUsd, window: q.window };
  }
  if (!terms) throw new CentralError(422, 'NOT_ELIGIBLE', 'categories: choose at least one category', { field: 'categories' });
  return terms;
}
