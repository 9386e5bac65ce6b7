/** Calendar-date helpers (MQP-RULES.md "Date conventions"). */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, compareDates, daysBetween, isValidDate, isWithin, parseDate, startOfDayInNewYork, todayInNewYork } from '../../../src-main/backend/domain';

describe('parseDate', () => {
  it('reads a real date', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '24-01-01', '2024-1-01', '2024-01-01T00:00', ''])('refuses %j', (text) => {
    expect(() => parseDate(text)).toThrow(RangeError);
    expect(isValidDate(text)).toBe(false);
  });
});

describe('compareDates / isWithin', () => {
  it.each([
    ['2024-01-01', '2024-01-02', -1],
    ['2024-01-02', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
    ['2023-12-31', '2024-01-01', -1],
  ] as const)('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
  });
  it('windows are inclusive of both ends', () => {
    expect(isWithin('2023-03-15', '2023-03-15', '2023-12-31')).toBe(true);
    expect(isWithin('2023-12-31', '2023-03-15', '2023-12-31')).toBe(true);
    expect(isWithin('2024-01-01', '2023-03-15', '2023-12-31')).toBe(false);
    expect(isWithin('2023-03-14', '2023-03-15', '2023-12-31')).toBe(false);
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-03-10', 1, '2024-03-11'], // US daylight-saving day: no hour drift on calendar dates
  ] as const)('%s + %i days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });
  it('counts a leap year', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('addYears / addMonths with the Feb 29 → Feb 28 clamp', () => {
  it.each([
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 5, '2029-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2023-06-15', 2, '2025-06-15'],
  ] as const)('%s + %i years = %s', (from, n, to) => {
    expect(addYears(from, n)).toBe(to);
  });
  it.each([
    ['2021-05-01', 36, '2024-05-01'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-15', 2, '2025-01-15'],
  ] as const)('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('todayInNewYork', () => {
  it.each([
    ['2024-03-10T04:59:00Z', '2024-03-09'], // 23:59 EST the evening before
    ['2024-03-10T05:00:00Z', '2024-03-10'], // midnight EST
    ['2024-07-01T03:59:00Z', '2024-06-30'], // 23:59 EDT
    ['2024-07-01T04:00:00Z', '2024-07-01'], // midnight EDT
    ['2024-12-31T23:30:00Z', '2024-12-31'],
  ])('%s is %s in New York', (instant, date) => {
    expect(todayInNewYork(new Date(instant))).toBe(date);
  });
  it('refuses an invalid instant', () => {
    expect(() => todayInNewYork(new Date('nope'))).toThrow(RangeError);
  });
});

describe('startOfDayInNewYork', () => {
  it.each([
    ['2026-01-15', '2026-01-15T05:00:00.000Z'], // EST
    ['2026-07-04', '2026-07-04T04:00:00.000Z'], // EDT
    ['2026-03-08', '2026-03-08T05:00:00.000Z'], // clocks go forward at 02:00: midnight is still EST
    ['2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01', '2026-11-01T04:00:00.000Z'], // clocks go back at 02:00: midnight is still EDT
    ['2026-11-02', '2026-11-02T05:00:00.000Z'],
  ])('%s begins at %s', (date, instant) => {
    expect(startOfDayInNewYork(date).toISOString()).toBe(instant);
    expect(todayInNewYork(new Date(Date.parse(instant) - 1))).not.toBe(date);
  });
});
