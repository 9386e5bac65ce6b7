/** R19: FinPro credentials are deleted after 36 months without a login. */
import { describe, expect, it } from 'vitest';
import { finproAccountStatus } from '../../../src-main/backend/domain';

describe('R19 FinPro account status', () => {
  it.each([
    { name: 'R19 C9: 2021-05-01, D = 2024-06-01 → likely deleted', last: '2021-05-01', asOf: '2024-06-01', status: 'likely-deleted', deletedAfter: '2024-05-01' },
    { name: 'R19 exactly 36 months → still active', last: '2021-05-01', asOf: '2024-05-01', status: 'active', deletedAfter: '2024-05-01' },
    { name: 'R19 36 months and a day → likely deleted', last: '2021-05-01', asOf: '2024-05-02', status: 'likely-deleted', deletedAfter: '2024-05-01' },
    { name: 'R19 Feb 29 login clamps to Feb 28', last: '2024-02-29', asOf: '2027-03-01', status: 'likely-deleted', deletedAfter: '2027-02-28' },
    { name: 'R19 recent login → active', last: '2024-01-10', asOf: '2024-06-01', status: 'active', deletedAfter: '2027-01-10' },
  ])('$name', ({ last, asOf, status, deletedAfter }) => {
    expect(finproAccountStatus(last, asOf)).toEqual({ status, lastLogin: last, deletedAfter });
  });

  it('R19 no known login → unknown', () => {
    expect(finproAccountStatus(null, '2024-06-01')).toEqual({ status: 'unknown', lastLogin: null, deletedAfter: null });
  });
});
