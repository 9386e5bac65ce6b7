/** R2–R5, R9, R10, R14, reason precedence (§4), SIE, and the shape of the trace. */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, SIE_REASON } from '../../../src-main/backend/domain';
import { eligibilityInput } from '../../../src-main/contract/schemas';
import { ceInactive, evaluate, evaluateOne, gs, statutory } from './eligibility-fixtures';

describe('R4 still registered', () => {
  it.each([
    { name: 'R4 no termination date → STILL_REGISTERED', reg: gs({ terminationDate: null, terminationType: null }), reason: 'STILL_REGISTERED' },
    { name: 'R4 termination date the day after D → STILL_REGISTERED', reg: gs({ terminationDate: '2024-09-02' }), reason: 'STILL_REGISTERED' },
    { name: 'R4 termination date on D → terminated (eligible)', reg: gs({ terminationDate: '2024-09-01' }), reason: 'ELIGIBLE' },
  ])('$name', ({ reg, reason }) => {
    expect(evaluateOne(reg, '2024-09-01').reason).toBe(reason);
  });

  it('R4 partial termination: only the dropped category is eligible', () => {
    const result = evaluate(
      [gs({ terminationType: 'partial' }), { category: 'GP', series: '24', level: 'principal', startDate: '2019-05-01', terminationDate: null, terminationType: null }],
      '2024-09-01',
    );
    expect(result.qualifications.map((q) => [q.category, q.reason])).toEqual([['GS', 'ELIGIBLE'], ['GP', 'STILL_REGISTERED']]);
  });
});

describe('R5 tenure, to the day', () => {
  it.each([
    { name: 'R5 T = 2022-01-31, start 2021-02-01 (the latest allowed) → eligible', start: '2021-02-01', reason: 'ELIGIBLE' },
    { name: 'R5 T = 2022-01-31, start 2021-02-02 (one day short) → TENURE_UNDER_ONE_YEAR', start: '2021-02-02', reason: 'TENURE_UNDER_ONE_YEAR' },
    { name: 'R5 start after T (bad data) → TENURE_UNDER_ONE_YEAR', start: '2022-02-01', reason: 'TENURE_UNDER_ONE_YEAR' },
  ])('$name', ({ start, reason }) => {
    const q = evaluateOne(gs({ startDate: start, terminationDate: '2022-01-31' }), '2022-02-15');
    expect(q.reason).toBe(reason);
    expect(q.trace.find((s) => s.rule === 'R5')?.detail).toEqual({ startDate: start, terminationDate: '2022-01-31', latestStartDate: '2021-02-01' });
  });
});

describe('R9 / R10 disqualifiers (T = 2023-06-15, D = 2024-09-01)', () => {
  it.each([
    { name: 'R10 statutory on T − 1 year (2022-06-15) excludes', disq: [statutory('2022-06-15')], reason: 'STATUTORY_DISQUALIFICATION' },
    { name: 'R10 statutory one day earlier (2022-06-14) does not', disq: [statutory('2022-06-14')], reason: 'ELIGIBLE' },
    { name: 'R10 statutory on D excludes', disq: [statutory('2024-09-01')], reason: 'STATUTORY_DISQUALIFICATION' },
    { name: 'R10 statutory after D is not yet known → does not', disq: [statutory('2024-09-02')], reason: 'ELIGIBLE' },
    { name: 'R9 CE-inactive event on D excludes', disq: [ceInactive('2024-09-01')], reason: 'CE_INACTIVE' },
    { name: 'R9 CE-inactive event after D does not', disq: [ceInactive('2024-09-02')], reason: 'ELIGIBLE' },
    { name: 'R9 CE-inactive event long before T still excludes (on or before D)', disq: [ceInactive('2019-01-01')], reason: 'CE_INACTIVE' },
  ])('$name', ({ disq, reason }) => {
    expect(evaluateOne(gs(), '2024-09-01', disq).reason).toBe(reason);
  });
});

describe('§4 precedence when several reasons apply', () => {
  const state = { category: 'AG', series: '63', level: 'state' as const, startDate: '2015-01-01' };
  it.each([
    { name: 'R4 before R2: a state registration still registered → STILL_REGISTERED',
      reg: { ...state, terminationDate: null }, disq: [], asOf: '2024-09-01', reason: 'STILL_REGISTERED' },
    { name: 'R2 before R11: state terminated before the program → STATE_REGISTRATION',
      reg: { ...state, terminationDate: '2019-01-01' }, disq: [], asOf: '2024-09-01', reason: 'STATE_REGISTRATION' },
    { name: 'R11 before R5: before the program and short tenure → TERMINATED_BEFORE_PROGRAM',
      reg: gs({ startDate: '2019-12-01', terminationDate: '2020-01-15' }), disq: [statutory('2020-01-01')], asOf: '2024-09-01', reason: 'TERMINATED_BEFORE_PROGRAM' },
    { name: 'R5 before R10, R9 and the window: all four fail → TENURE_UNDER_ONE_YEAR',
      reg: gs({ startDate: '2023-01-01' }), disq: [statutory('2023-01-01'), ceInactive('2024-01-01')], asOf: '2026-01-01', reason: 'TENURE_UNDER_ONE_YEAR' },
    { name: 'R10 before R9: statutory and CE-inactive → STATUTORY_DISQUALIFICATION',
      reg: gs(), disq: [ceInactive('2024-01-01'), statutory('2023-01-01')], asOf: '2026-01-01', reason: 'STATUTORY_DISQUALIFICATION' },
    { name: 'R9 before the window: CE-inactive and window closed → CE_INACTIVE',
      reg: gs(), disq: [ceInactive('2024-01-01')], asOf: '2026-01-01', reason: 'CE_INACTIVE' },
  ])('$name', ({ reg, disq, asOf, reason }) => {
    expect(evaluateOne(reg, asOf, disq).reason).toBe(reason);
  });

  it('§4 every obstacle after R11 is in the trace, failed, in rule order', () => {
    const q = evaluateOne(gs({ startDate: '2023-01-01' }), '2026-01-01', [statutory('2023-01-01'), ceInactive('2024-01-01')]);
    expect(q.trace.filter((s) => !s.passed).map((s) => s.rule)).toEqual(['R5', 'R10', 'R9', 'R6']);
    expect(q.window).toBe('standard');
  });
});

describe('R3 SIE is an exam, not a registration', () => {
  it.each([
    { name: 'R3 category SIE, terminated', reg: { category: 'SIE', series: 'SIE', level: 'representative' as const, startDate: '2018-01-10', terminationDate: '2023-06-15' } },
    { name: 'R3 series SIE under another code, never terminated', reg: { category: 'EX', series: 'SIE', level: 'representative' as const, startDate: '2018-01-10', terminationDate: null } },
  ])('$name → not eligible, no window, R3 the only step', ({ reg }) => {
    const q = evaluateOne(reg, '2024-09-01');
    expect(q).toMatchObject({ eligible: false, reason: SIE_REASON, window: null, enrollBy: null, reregisterBy: null, feeUsd: null });
    expect(q.trace).toEqual([{ rule: 'R3', passed: false, detail: { category: reg.category, series: 'SIE' } }]);
  });

  it('R3 the reason chosen for SIE never refers the caller to NASAA (STATE_REGISTRATION)', () => {
    expect(SIE_REASON).not.toBe('STATE_REGISTRATION');
  });
});

describe('R14 each category on its own dates', () => {
  it('R14 GS closed, GP eligible with its own deadlines, same order as the input', () => {
    const result = evaluate(
      [gs(), { category: 'GP', series: '24', level: 'principal', startDate: '2019-05-01', terminationDate: '2024-01-10', terminationType: 'partial' }],
      '2025-07-01',
    );
    expect(result.qualifications.map(({ category, reason, enrollBy, reregisterBy }) => ({ category, reason, enrollBy, reregisterBy }))).toEqual([
      { category: 'GS', reason: 'WINDOW_CLOSED', enrollBy: '2025-06-15', reregisterBy: '2028-06-15' },
      { category: 'GP', reason: 'ELIGIBLE', enrollBy: '2026-01-10', reregisterBy: '2029-01-10' },
    ]);
  });
});

describe('§4 result shape', () => {
  it('§4 an eligible trace lists every rule checked, in order, with the dates compared', () => {
    const q = evaluateOne(gs(), '2024-09-01');
    expect(q.trace.map((s) => s.rule)).toEqual(['R3', 'R4', 'R2', 'R11', 'R5', 'R10', 'R9', 'R6', 'R12', 'R15']);
    expect(q.trace.every((s) => s.passed)).toBe(true);
    expect(q.trace.find((s) => s.rule === 'R6')?.detail).toMatchObject({ opens: '2023-06-15', closes: '2025-06-15', asOf: '2024-09-01', status: 'open' });
  });

  it('§4 crd (leading zeros dropped by the input schema) and asOf are echoed', () => {
    const input = eligibilityInput.parse({ crd: '01234567', registrations: [gs()] });
    expect(evaluateEligibility(input, '2024-09-01')).toMatchObject({ crd: '1234567', asOf: '2024-09-01' });
  });

  it('§4 no registrations → no qualifications', () => {
    expect(evaluate([], '2024-09-01').qualifications).toEqual([]);
  });
});
