/** Hand-written individuals in the import shape, for tests that need known people. */
import type { IndividualRecord } from '../../src-main/contract';

export function person(crd: string, overrides: Partial<IndividualRecord> = {}): IndividualRecord {
  return {
    crd,
    firstName: 'Dana',
    lastName: `Tester${crd}`,
    dateOfBirth: null,
    email: `dana.${crd}@gmail.com`,
    phone: '212-555-0100',
    address: { street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207', country: 'US' },
    finproLastLogin: '2024-01-10',
    firmDomains: [],
    registrations: [
      { category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: '2023-06-15', terminationType: 'full' },
    ],
    disqualifications: [],
    ...overrides,
  };
}

export const jsonl = (records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
