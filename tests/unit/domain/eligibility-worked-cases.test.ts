/** MQP-RULES.md §5 worked cases C1–C9, exactly as published. */
import { describe, expect, it } from 'vitest';
import { finproAccountStatus } from '../../../src-main/backend/domain';
import { evaluate, evaluateOne, gs, statutory } from './eligibility-fixtures';

describe('§5 worked cases (single category)', () => {
  it.each([
    { name: 'C1 R6: GS terminated 2023-06-15, D = 2024-09-01 → eligible, standard', reg: gs(), asOf: '2024-09-01', disq: [],
      expected: { eligible: true, reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: 100 } },
    { name: 'C2 R6: D = 2025-06-15, the anniversary counts', reg: gs(), asOf: '2025-06-15', disq: [],
      expected: { eligible: true, reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: 100 } },
    { name: 'C3 R6: D = 2025-06-16 → window closed', reg: gs(), asOf: '2025-06-16', disq: [],
      expected: { eligible: false, reason: 'WINDOW_CLOSED', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: null } },
    { name: 'C5 R8: GS terminated 2021-07-01, D = 2024-01-05 → second window closed 2023-12-31',
      reg: gs({ startDate: '2015-04-01', terminationDate: '2021-07-01' }), asOf: '2024-01-05', disq: [],
      expected: { eligible: false, reason: 'WINDOW_CLOSED', window: 'second', enrollBy: '2023-12-31', reregisterBy: '2026-07-01', feeUsd: null } },
    { name: 'C6 R11: GS terminated 2020-03-10 → terminated before the program',
      reg: gs({ startDate: '2015-04-01', terminationDate: '2020-03-10' }), asOf: '2024-09-01', disq: [],
      expected: { eligible: false, reason: 'TERMINATED_BEFORE_PROGRAM', window: null, enrollBy: null, reregisterBy: null, feeUsd: null } },
    { name: 'C7 R10: statutory disqualification 2023-02-10, T = 2023-06-15', reg: gs(), asOf: '2024-09-01', disq: [statutory('2023-02-10')],
      expected: { eligible: false, reason: 'STATUTORY_DISQUALIFICATION', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: null } },
    { name: 'C8 R2: only AG (Series 63, state) terminated 2023-05-01 → state registration (NASAA EVEP)',
      reg: { category: 'AG', series: '63', level: 'state' as const, startDate: '2018-01-10', terminationDate: '2023-05-01', terminationType: 'full' as const },
      asOf: '2024-09-01', disq: [],
      expected: { eligible: false, reason: 'STATE_REGISTRATION', window: null, enrollBy: null, reregisterBy: null, feeUsd: null } },
  ])('$name', ({ reg, asOf, disq, expected }) => {
    expect(evaluateOne(reg, asOf, disq)).toMatchObject({ category: reg.category, ...expected });
  });
});

describe('C4 R4/R5: partial termination with a principal category held under a year', () => {
  const result = evaluate(
    [
      { category: 'GP', series: '24', level: 'principal', startDate: '2022-09-01', terminationDate: '2023-06-15', terminationType: 'partial' },
      gs({ startDate: '2019-02-01', terminationDate: null, terminationType: null }),
    ],
    '2023-10-01',
  );

  it('C4: GP is TENURE_UNDER_ONE_YEAR, in its standard window', () => {
    expect(result.qualifications[0]).toMatchObject({ category: 'GP', eligible: false, reason: 'TENURE_UNDER_ONE_YEAR', window: 'standard', feeUsd: null });
  });

  it('C4: GS, still registered, is STILL_REGISTERED with no window', () => {
    expect(result.qualifications[1]).toMatchObject({ category: 'GS', eligible: false, reason: 'STILL_REGISTERED', window: null, enrollBy: null, reregisterBy: null });
  });
});

describe('C9 R19: FinPro account', () => {
  it('C9: last login 2021-05-01, D = 2024-06-01 → likely deleted, a new account is needed', () => {
    expect(finproAccountStatus('2021-05-01', '2024-06-01')).toEqual({ status: 'likely-deleted', lastLogin: '2021-05-01', deletedAfter: '2024-05-01' });
  });
});
