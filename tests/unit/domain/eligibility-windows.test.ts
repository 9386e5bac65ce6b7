/** R6, R7, R8, R11, R12: window edges (inclusive at both ends), look-back group edges, Feb 29. */
import { describe, expect, it } from 'vitest';
import { evaluateOne, gs } from './eligibility-fixtures';

const lookBack = gs({ startDate: '2015-04-01', terminationDate: '2021-07-01' }); // T in the look-back group

describe('window edges', () => {
  it.each([
    // R6 standard: T through T + 2 years.
    { name: 'R6 first day (D = T) is open', reg: gs(), asOf: '2023-06-15', reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', fee: 100 },
    { name: 'R6 last day (T + 2 years) is open', reg: gs(), asOf: '2025-06-15', reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', fee: 100 },
    { name: 'R6 the day after the last day is closed', reg: gs(), asOf: '2025-06-16', reason: 'WINDOW_CLOSED', window: 'standard', enrollBy: '2025-06-15', fee: null },
    // R7 first window 2022-01-31 … 2022-03-15.
    { name: 'R7 the day before the first window → not open, first', reg: lookBack, asOf: '2022-01-30', reason: 'WINDOW_NOT_OPEN', window: 'first', enrollBy: '2022-03-15', fee: null },
    { name: 'R7 first day of the first window is open ($100)', reg: lookBack, asOf: '2022-01-31', reason: 'ELIGIBLE', window: 'first', enrollBy: '2022-03-15', fee: 100 },
    { name: 'R7 last day of the first window is open ($100)', reg: lookBack, asOf: '2022-03-15', reason: 'ELIGIBLE', window: 'first', enrollBy: '2022-03-15', fee: 100 },
    // Between the windows the second one decides (§4).
    { name: 'R8 the day after the first window → not open, second', reg: lookBack, asOf: '2022-03-16', reason: 'WINDOW_NOT_OPEN', window: 'second', enrollBy: '2023-12-31', fee: null },
    { name: 'R8 the day before the second window → not open, second', reg: lookBack, asOf: '2023-03-14', reason: 'WINDOW_NOT_OPEN', window: 'second', enrollBy: '2023-12-31', fee: null },
    // R8 second window 2023-03-15 … 2023-12-31, $200.
    { name: 'R8 first day of the second window is open ($200)', reg: lookBack, asOf: '2023-03-15', reason: 'ELIGIBLE', window: 'second', enrollBy: '2023-12-31', fee: 200 },
    { name: 'R8 last day of the second window is open ($200)', reg: lookBack, asOf: '2023-12-31', reason: 'ELIGIBLE', window: 'second', enrollBy: '2023-12-31', fee: 200 },
    { name: 'R8 the day after the second window → closed', reg: lookBack, asOf: '2024-01-01', reason: 'WINDOW_CLOSED', window: 'second', enrollBy: '2023-12-31', fee: null },
  ])('$name', ({ reg, asOf, reason, window, enrollBy, fee }) => {
    expect(evaluateOne(reg, asOf)).toMatchObject({ reason, window, enrollBy, feeUsd: fee, eligible: reason === 'ELIGIBLE' });
  });
});

describe('which window applies to T', () => {
  it.each([
    { name: 'R11 T = 2020-03-14 (the day before the look-back group) → terminated before the program', T: '2020-03-14', asOf: '2022-02-01', reason: 'TERMINATED_BEFORE_PROGRAM', window: null },
    { name: 'R7 T = 2020-03-15 (first day of the look-back group) → first window', T: '2020-03-15', asOf: '2022-02-01', reason: 'ELIGIBLE', window: 'first' },
    { name: 'R7 T = 2022-03-14 (last day of the look-back group) → first window', T: '2022-03-14', asOf: '2022-03-14', reason: 'ELIGIBLE', window: 'first' },
    { name: 'R8 T = 2022-03-14 later on → second window', T: '2022-03-14', asOf: '2023-06-01', reason: 'ELIGIBLE', window: 'second' },
    { name: 'R6 T = 2022-03-15 (program start) → standard window', T: '2022-03-15', asOf: '2022-03-15', reason: 'ELIGIBLE', window: 'standard' },
    { name: 'R6 T = 2022-03-15 → standard even during the second window', T: '2022-03-15', asOf: '2023-06-01', reason: 'ELIGIBLE', window: 'standard' },
  ])('$name', ({ T, asOf, reason, window }) => {
    expect(evaluateOne(gs({ startDate: '2015-04-01', terminationDate: T }), asOf)).toMatchObject({ reason, window });
  });
});

describe('R12 and the Feb 29 convention', () => {
  it('R6/R12 T = 2024-02-29 → enroll by 2026-02-28, re-register by 2029-02-28', () => {
    const q = evaluateOne(gs({ terminationDate: '2024-02-29' }), '2026-02-28');
    expect(q).toMatchObject({ reason: 'ELIGIBLE', enrollBy: '2026-02-28', reregisterBy: '2029-02-28' });
  });

  it('R6 T = 2024-02-29, D = 2026-03-01 → closed', () => {
    expect(evaluateOne(gs({ terminationDate: '2024-02-29' }), '2026-03-01')).toMatchObject({ reason: 'WINDOW_CLOSED', enrollBy: '2026-02-28' });
  });

  it('R12 re-register by counts from T, not from the enrollment: first-window enrollee keeps T + 5 years', () => {
    expect(evaluateOne(gs({ startDate: '2015-04-01', terminationDate: '2020-08-20' }), '2022-02-10')).toMatchObject({ reason: 'ELIGIBLE', reregisterBy: '2025-08-20' });
  });

  it('R12 past T + 5 years: the trace says so, the reason stays the window one', () => {
    const q = evaluateOne(gs({ startDate: '2015-04-01', terminationDate: '2020-08-20' }), '2025-08-21');
    expect(q.reason).toBe('WINDOW_CLOSED');
    expect(q.trace.find((s) => s.rule === 'R12')).toEqual({ rule: 'R12', passed: false, detail: { terminationDate: '2020-08-20', reregisterBy: '2025-08-20', asOf: '2025-08-21' } });
  });
});
