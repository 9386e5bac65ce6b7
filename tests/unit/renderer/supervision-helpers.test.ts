/** Pure helpers of the supervisor screens (issue 6): New York days, chart points, form checks, exports, hashes, roles. */
import { describe, expect, it } from 'vitest';
import type { DashboardSummary, ExportFile } from '../../../src-main/contract';
import { perAgentPoints, perDayPoints, perStatusPoints, stepPoints } from '../../../src-renderer/src/supervision/chart-points';
import { addDays, daysOf, lastDays, newYorkDate } from '../../../src-renderer/src/supervision/dates';
import { base64ToBytes, exportBlob } from '../../../src-renderer/src/supervision/download';
import { checkRange, wholeNumberIn } from '../../../src-renderer/src/supervision/form-checks';
import { displayValue, progressPercent, shortHash } from '../../../src-renderer/src/supervision/format';
import { mayChangeRetention, maySupervise } from '../../../src-renderer/src/supervision/roles';

describe('New York calendar days', () => {
  it.each([
    ['evening in New York is still the same day there (UTC already the next day)', '2024-09-02T03:30:00Z', '2024-09-01'],
    ['just after midnight in New York (EDT, UTC-4)', '2024-09-02T04:00:00Z', '2024-09-02'],
    ['winter time (EST, UTC-5)', '2024-01-15T04:59:59Z', '2024-01-14'],
  ])('newYorkDate: %s', (_name, instant, day) => {
    expect(newYorkDate(new Date(instant))).toBe(day);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('the default dashboard range is the 14 days ending today, both included', () => {
    const range = lastDays('2024-09-14', 14);
    expect(range).toEqual({ from: '2024-09-01', to: '2024-09-14' });
    expect(daysOf(range)).toHaveLength(14);
  });

  it('a backwards range has no day', () => {
    expect(daysOf({ from: '2024-09-02', to: '2024-09-01' })).toEqual([]);
  });
});

const summary: DashboardSummary = {
  asOf: '2024-09-03T15:00:00Z',
  agents: [{ id: 3, name: 'Agent One' }],
  totals: { enrollments: 5, enrolledCalls: 3, declines: 1, abandoned: 1, pendingOverdue: 0 },
  perDay: [
    { date: '2024-09-03', count: 2 },
    { date: '2024-09-01', count: 3 },
  ],
  perAgent: [{ staffId: 3, name: 'Agent One', count: 5 }],
  perStatus: [{ status: 'enrolled', count: 4 }, { status: 'payment_pending', count: 1 }],
  stepDurations: [{ step: 'payment', averageSeconds: 93.6, samples: 4 }],
};

describe('dashboard chart points', () => {
  it('one bar per day of the range, a day without enrollments at 0, each opening its own day', () => {
    const points = perDayPoints(summary, { from: '2024-09-01', to: '2024-09-03' }, (d) => `day ${d}`);
    expect(points.map((p) => [p.label, p.value])).toEqual([
      ['day 2024-09-01', 3],
      ['day 2024-09-02', 0],
      ['day 2024-09-03', 2],
    ]);
    expect(points[1].slice).toEqual({ date: '2024-09-02' });
  });

  it('a range of more than a year keeps only the days that have enrollments, in order', () => {
    const points = perDayPoints(summary, { from: '2020-01-01', to: '2024-12-31' }, (d) => d);
    expect(points.map((p) => p.key)).toEqual(['2024-09-01', '2024-09-03']);
  });

  it('agent and status bars open their slice; step averages are whole seconds with no records of their own', () => {
    expect(perAgentPoints(summary)[0]).toMatchObject({ label: 'Agent One', value: 5, slice: { staffId: 3 } });
    expect(perStatusPoints(summary, (s) => s.toUpperCase())[1]).toMatchObject({ label: 'PAYMENT_PENDING', value: 1, slice: { status: 'payment_pending' } });
    expect(stepPoints(summary, (s) => s)[0]).toMatchObject({ value: 94, slice: null });
  });
});

describe('form checks mirror the contract', () => {
  it.each([
    ['a good range', { from: '2024-09-01', to: '2024-09-14' }, {}],
    ['the same day twice', { from: '2024-09-01', to: '2024-09-01' }, {}],
    ['an end before the start is named on `to`', { from: '2024-09-14', to: '2024-09-01' }, { to: 'range' }],
    ['an empty date field', { from: '', to: '2024-09-01' }, { from: 'date' }],
    ['a day not on the calendar', { from: '2024-02-30', to: '2024-03-01' }, { from: 'date' }],
  ])('checkRange: %s', (_name, range, problems) => {
    expect(checkRange(range)).toEqual(problems);
  });

  it.each([
    ['48', 48],
    [' 6 ', 6],
    ['0', null],
    ['2161', null],
    ['4.5', null],
    ['-3', null],
    ['', null],
    ['1e2', null],
  ])('wholeNumberIn(%j, 1, 2160) = %s', (text, expected) => {
    expect(wholeNumberIn(text, 1, 2160)).toBe(expected);
  });
});

describe('exports become files', () => {
  it('base64 content is decoded to its bytes (a PDF is binary)', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]);
    const file: ExportFile = { fileName: 'e.pdf', mediaType: 'application/pdf', encoding: 'base64', content: btoa(String.fromCharCode(...bytes)), events: 3 };
    const blob = exportBlob(file);
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(base64ToBytes('')).toHaveLength(0);
  });

  it('utf8 content is kept as text (JSON lines)', async () => {
    const content = '{"seq":1,"name":"Peña"}\n{"seq":2}\n';
    const blob = exportBlob({ fileName: 'a.jsonl', mediaType: 'application/x-ndjson', encoding: 'utf8', content, events: 2 });
    expect(await blob.text()).toBe(content);
  });
});

describe('display of audit values', () => {
  it('shortens a hash but keeps a short one whole', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(10)}…`);
    expect(shortHash('abc123')).toBe('abc123');
  });

  it.each([
    [null, ''],
    [undefined, ''],
    ['a@b.org', 'a@b.org'],
    [12, '12'],
    [false, 'false'],
    [['S7', 'S63'], 'S7, S63'],
    [{ zip: '10001' }, '{"zip":"10001"}'],
  ])('displayValue(%j) = %j', (value, text) => {
    expect(displayValue(value)).toBe(text);
  });

  it.each([
    [0, 200, 0],
    [50, 200, 25],
    [199, 200, 99],
    [250, 200, 100],
    [5, null, null],
    [0, 0, null],
  ])('progressPercent(%s, %s) = %s', (done, total, percent) => {
    expect(progressPercent(done, total)).toBe(percent);
  });
});

describe('roles mirror the contract', () => {
  it.each([
    ['agent', false, false],
    ['supervisor', true, false],
    ['admin', true, true],
    [undefined, false, false],
  ] as const)('%s: supervises %s, changes retention %s', (role, supervises, retention) => {
    expect(maySupervise(role)).toBe(supervises);
    expect(mayChangeRetention(role)).toBe(retention);
  });
});
