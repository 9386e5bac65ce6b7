/**
 * Issue 5: built-in worklists (enroll-by within 14/30/60 days and not enrolled; Payment Pending over 48 hours;
 * FinPro likely deleted, R19) select what they say; reviewers save their own, see only their own, and every save
 * and delete is audited. Bad input is refused with INVALID_INPUT naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worklist, WorkspaceFilter } from '../../../src-main/contract';
import { addDays, todayInNewYork } from '../../../src-main/backend/domain';
import { call, callOk } from '../../support/test-backend';
import { allPages, expectedRows, filterOf, matchesFilter, seedReviewData, workspaceStation, type ExpectedRow, type WorkspaceStation } from './workspace-station';

let s: WorkspaceStation;
let today: string;
let oracle: ExpectedRow[];
beforeAll(async () => {
  s = await workspaceStation({ individuals: 1500 });
  seedReviewData(s.db, s.clock.now(), 2);
  today = todayInNewYork(s.clock.now());
  oracle = expectedRows(s.db, today);
});
afterAll(() => s.close());

const list = (token: string) => callOk<Worklist[]>(s.backend, 'worklist.list', {}, token);
const rowsOf = async (w: Worklist) => (await allPages(s, w.filter, w.sort, 200)).flatMap((p) => p.rows.map((r) => r.registrationId)).sort((a, b) => a - b);

describe('built-in worklists', () => {
  it('every reviewer has the five, which cannot be deleted', async () => {
    const ids = (await list(s.tokens.agent)).filter((w) => w.builtIn).map((w) => w.id);
    expect(ids).toEqual(['builtin:enroll-by-14', 'builtin:enroll-by-30', 'builtin:enroll-by-60', 'builtin:pending-48h', 'builtin:finpro-deleted']);
    const refused = await call(s.backend, 'worklist.delete', { id: 'builtin:enroll-by-14' }, s.tokens.agent);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['id'] }] } } });
  });

  it.each([14, 30, 60])('enroll-by within %i days and not enrolled', async (days) => {
    const worklist = (await list(s.tokens.agent)).find((w) => w.id === `builtin:enroll-by-${days}`)!;
    const expected = oracle.filter((r) => r.enrollBy !== null && r.enrollBy >= today && r.enrollBy <= addDays(today, days) && r.enrollmentStatus !== 'enrolled');
    expect(expected.length).toBeGreaterThan(0);
    expect(await rowsOf(worklist)).toEqual(expected.map((r) => r.registrationId).sort((a, b) => a - b));
    // Soonest deadline first, with days left counted from today.
    const [first] = await allPages(s, worklist.filter, worklist.sort, 10);
    expect(first.rows[0].daysLeft).toBe(Math.min(...expected.map((r) => r.daysLeft!)));
  });

  it('Payment Pending for more than 48 hours', async () => {
    const worklist = (await list(s.tokens.agent)).find((w) => w.id === 'builtin:pending-48h')!;
    const cutoff = new Date(s.clock.now().getTime() - 48 * 3_600_000).toISOString();
    const expected = oracle.filter((r) => r.enrollmentStatus === 'payment_pending' && r.pendingSince! < cutoff);
    expect(expected.length).toBeGreaterThan(0);
    expect(oracle.some((r) => r.enrollmentStatus === 'payment_pending' && r.pendingSince! >= cutoff), 'some pending ones are recent').toBe(true);
    expect(await rowsOf(worklist)).toEqual(expected.map((r) => r.registrationId).sort((a, b) => a - b));
  });

  it('FinPro account likely deleted (R19)', async () => {
    const worklist = (await list(s.tokens.agent)).find((w) => w.id === 'builtin:finpro-deleted')!;
    const expected = oracle.filter((r) => r.finproLikelyDeleted);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rowsOf(worklist)).toEqual(expected.map((r) => r.registrationId).sort((a, b) => a - b));
  });
});

describe('saved worklists', () => {
  const mine = { name: 'My NY follow-ups', filter: { states: ['NY'], flagged: true }, sort: { column: 'name', direction: 'desc' } };

  it('are saved per staff member and listed after the built-in ones', async () => {
    const saved = await callOk<Worklist>(s.backend, 'worklist.save', mine, s.tokens.agent);
    expect(saved).toMatchObject({ name: mine.name, builtIn: false, filter: filterOf(mine.filter as Partial<WorkspaceFilter>), sort: mine.sort });
    expect((await list(s.tokens.agent)).filter((w) => !w.builtIn)).toEqual([saved]);
    expect((await list(s.tokens.supervisor)).filter((w) => !w.builtIn)).toEqual([]);
    // The saved filter selects what it said.
    const expected = oracle.filter(matchesFilter(s.db, filterOf(mine.filter as Partial<WorkspaceFilter>), today, s.clock.now()));
    expect(await rowsOf(saved)).toEqual(expected.map((r) => r.registrationId).sort((a, b) => a - b));
  });

  it('saving under the same name replaces the worklist', async () => {
    const before = (await list(s.tokens.agent)).find((w) => w.name === mine.name)!;
    const again = await callOk<Worklist>(s.backend, 'worklist.save', { ...mine, filter: { states: ['CA'] } }, s.tokens.agent);
    expect(again.id).toBe(before.id);
    const saved = (await list(s.tokens.agent)).filter((w) => !w.builtIn);
    expect(saved).toHaveLength(1);
    expect(saved[0].filter.states).toEqual(['CA']);
  });

  it('only their owner can delete them', async () => {
    const other = await callOk<Worklist>(s.backend, 'worklist.save', { name: 'Supervisor list', filter: {} }, s.tokens.supervisor);
    const refused = await call(s.backend, 'worklist.delete', { id: other.id }, s.tokens.agent);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callOk(s.backend, 'worklist.delete', { id: other.id }, s.tokens.supervisor)).toBeNull();
    expect((await list(s.tokens.supervisor)).filter((w) => !w.builtIn)).toEqual([]);
  });

  it('every save and delete is an audit event', async () => {
    const events = s.db.prepare(`SELECT action, entity, json_extract(details, '$.name') AS name FROM audit_event WHERE entity = 'worklist' ORDER BY seq`).all();
    expect(events).toEqual([
      { action: 'worklist.saved', entity: 'worklist', name: 'My NY follow-ups' },
      { action: 'worklist.saved', entity: 'worklist', name: 'My NY follow-ups' },
      { action: 'worklist.saved', entity: 'worklist', name: 'Supervisor list' },
      { action: 'worklist.deleted', entity: 'worklist', name: 'Supervisor list' },
    ]);
  });
});

describe('bad input is refused with INVALID_INPUT naming the field', () => {
  const sortedByName = { column: 'name', direction: 'asc' };
  const cases: [string, string, unknown, string[]][] = [
    ['a state that is not a two-letter code', 'workspace.page', { filter: { states: ['ny'] } }, ['filter', 'states', '0']],
    ['an unknown reason', 'workspace.page', { filter: { reasons: ['MAYBE'] } }, ['filter', 'reasons', '0']],
    ['a negative deadline', 'workspace.page', { filter: { deadlineWithinDays: -1 } }, ['filter', 'deadlineWithinDays']],
    ['an impossible date', 'workspace.facets', { filter: { enrollByFrom: '2025-02-30' } }, ['filter', 'enrollByFrom']],
    ['an unknown filter field', 'workspace.facets', { filter: { colour: 'red' } }, ['filter']],
    ['an unknown sort column', 'workspace.page', { filter: {}, sort: { column: 'age', direction: 'asc' } }, ['sort', 'column']],
    ['a page size of 0', 'workspace.page', { filter: {}, limit: 0 }, ['limit']],
    ['a cursor that is not one', 'workspace.page', { filter: {}, sort: sortedByName, after: 'not-a-cursor' }, ['after']],
    ['a worklist without a name', 'worklist.save', { name: '  ', filter: {} }, ['name']],
  ];
  it.each(cases)('%s', async (_label, procedure, input, path) => {
    const result = await call(s.backend, procedure, input, s.tokens.agent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path }] } } });
  });

  it('a cursor from another sort order', async () => {
    const first = await callOk<{ next: string }>(s.backend, 'workspace.page', { filter: {}, sort: sortedByName, limit: 5 }, s.tokens.agent);
    const result = await call(s.backend, 'workspace.page', { filter: {}, sort: { column: 'name', direction: 'desc' }, after: first.next }, s.tokens.agent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^after: .*another sort order/), details: { issues: [{ path: ['after'] }] } } });
  });
});
