/**
 * Issue 5: flagging "everything a filter matches" flags exactly the rows `workspace.page` lists for that filter —
 * no more, no fewer — including R19 (judged on the day each row was evaluated, as the table shows it) and full
 * text; and a filter matching more than one bulk action may touch is refused with nothing written.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { WorkspaceFacets, WorkspaceFilter, WorkspaceRow } from '../../../src-main/contract';
import { openBackend, type Backend } from '../../../src-main/backend';
import { fixedClock } from '../../../src-main/backend/clock';
import { addDays, addMonths, finproAccountStatus, generateDemoIndividuals, todayInNewYork } from '../../../src-main/backend/domain';
import { importIndividuals } from '../../../src-main/backend/services/import/import-individuals';
import { MAX_FLAG_TARGETS } from '../../../src-main/backend/services/review-marks/flag-target';
import { DATABASE_FILE, openStore } from '../../../src-main/backend/store/open-store';
import { tempDir } from '../../support/temp-dir';
import { call, callOk, staffWithEveryRole } from '../../support/test-backend';
import { seedReviewData } from '../workspace/workspace-station';

type Flag = 'follow-up' | 'data-issue' | 'call-back' | 'escalate';

const now = new Date('2024-09-01T15:00:00Z');
const day0 = todayInNewYork(now);
const dir = tempDir();
let backend: Backend;
let db: Database.Database;
let token: string;

beforeAll(async () => {
  // About 10,700 registrations: more than one bulk action may touch, so "no filter" is refused.
  const store = await openStore(dir.path);
  const lines = [...generateDemoIndividuals(6000, 7)].map((r) => JSON.stringify(r));
  const report = await importIndividuals(store.db, lines, { asOf: day0, now, stationId: 'station-test', staffId: null, source: 'test' });
  expect(report.ok).toBe(true);
  // The station re-evaluates stored eligibility in the background when it opens; the last registration, marked as
  // evaluated on a later day, is re-evaluated last. Once it reads day 0 that pass is over and leaves rows alone.
  store.db.prepare(`UPDATE registration SET evaluated_on = '9999-12-31' WHERE id = (SELECT max(id) FROM registration)`).run();
  await store.close();

  backend = await openBackend({ dataDir: dir.path, clock: fixedClock(now), stationId: 'station-test', demo: false });
  token = (await staffWithEveryRole(backend)).agent;
  db = new Database(join(dir.path, DATABASE_FILE));
  db.pragma('busy_timeout = 10000');
  seedReviewData(db, now);
  await vi.waitFor(() => expect(db.prepare(`SELECT max(evaluated_on) FROM registration`).pluck().get()).toBe(day0), { timeout: 30_000, interval: 20 });
});
afterAll(async () => {
  db.close();
  await backend.close();
  dir.cleanup();
});

/** Every row `workspace.page` lists for the filter, following its cursors to the end. */
async function listed(filter: Partial<WorkspaceFilter>): Promise<WorkspaceRow[]> {
  const rows: WorkspaceRow[] = [];
  let after: string | null = null;
  do {
    const page: { rows: WorkspaceRow[]; next: string | null } = await callOk(backend, 'workspace.page', { filter, sort: { column: 'name', direction: 'asc' }, after, limit: 200 }, token);
    rows.push(...page.rows);
    after = page.next;
  } while (after !== null);
  return rows;
}

/** Flag subjects (crd/category) that carry `flag`, sorted. */
const marked = (flag: Flag): string[] => (db.prepare(`SELECT crd || '/' || category FROM review_mark WHERE flag = ?`).pluck().all(flag) as string[]).sort();

/** The registrations the last bulk flag targeted, as its audit event records them. */
function auditedTargets(): number[] {
  const details = db.prepare(`SELECT details FROM audit_event WHERE action IN ('flag.set', 'flag.cleared') ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
  return (JSON.parse(details) as { registrationIds: number[] }).registrationIds;
}

/**
 * Lists the filter's rows through `workspace.page`, flags the filter in bulk, and checks the flag landed on exactly
 * those rows' subjects (one flag per crd × category) and nowhere else. Returns the rows listed.
 */
async function expectBulkFlagHitsListedRows(filter: Partial<WorkspaceFilter>, flag: Flag, on: boolean): Promise<WorkspaceRow[]> {
  const rows = await listed(filter);
  expect(rows.length, 'a filter that matches nothing proves little').toBeGreaterThan(0);
  const subjects = new Set(rows.map((r) => `${r.crd}/${r.category}`));
  const before = marked(flag);

  const { changed } = await callOk<{ changed: number }>(backend, 'flag.set', { target: { kind: 'filter', filter }, flag, on }, token);

  const after = on ? [...new Set([...before, ...subjects])].sort() : before.filter((subject) => !subjects.has(subject));
  expect(marked(flag)).toEqual(after);
  expect(changed).toBe(Math.abs(after.length - before.length));
  // Every listed subject was targeted (also where the flag already was as asked), and nothing else.
  const listedIds = new Set(rows.map((r) => r.registrationId));
  const targets = auditedTargets();
  expect(targets.filter((id) => !listedIds.has(id))).toEqual([]);
  expect(targets).toHaveLength(subjects.size);
  return rows;
}

it('R19 as the table shows it: on the day each row was evaluated, not on today, when the two differ', async () => {
  // Three people whose rows were last evaluated yesterday (the background re-evaluation has not reached them yet),
  // with their last FinPro login exactly 36 months before that: still kept on that day, likely deleted today.
  const yesterday = addDays(day0, -1);
  const lastLogin = addMonths(yesterday, -36);
  expect(finproAccountStatus(lastLogin, yesterday).status).toBe('active');
  expect(finproAccountStatus(lastLogin, day0).status).toBe('likely-deleted');
  const chosen = db.prepare(`SELECT id, crd, state FROM individual ORDER BY id LIMIT 3 OFFSET 100`).all() as { id: number; crd: string; state: string }[];
  const ids = JSON.stringify(chosen.map((p) => p.id));
  db.transaction(() => {
    db.prepare(`UPDATE individual SET finpro_last_login = ? WHERE id IN (SELECT value FROM json_each(?))`).run(lastLogin, ids);
    db.prepare(`UPDATE registration SET evaluated_on = ? WHERE individual_id IN (SELECT value FROM json_each(?))`).run(yesterday, ids);
  })();
  const theirRegistrations = db.prepare(`SELECT count(*) FROM registration WHERE individual_id IN (SELECT value FROM json_each(?))`).pluck().get(ids) as number;
  const ofThem = (rows: WorkspaceRow[]) => rows.filter((r) => chosen.some((p) => p.crd === r.crd));

  const stillKept = await expectBulkFlagHitsListedRows({ finproLikelyDeleted: false, states: chosen.map((p) => p.state) }, 'call-back', true);
  expect(ofThem(stillKept), 'all their rows are in the set, as the table shows them').toHaveLength(theirRegistrations);
  const deleted = await expectBulkFlagHitsListedRows({ finproLikelyDeleted: true }, 'escalate', true);
  expect(ofThem(deleted)).toEqual([]);
});

it.each<[string, () => Partial<WorkspaceFilter>, Flag, boolean]>([
  ['R19: FinPro account likely deleted', () => ({ finproLikelyDeleted: true }), 'follow-up', true],
  ['R19 and a reason together', () => ({ finproLikelyDeleted: false, reasons: ['ELIGIBLE'] }), 'data-issue', true],
  ['full text: a surname prefix (few people)', () => ({ text: surnameOfFirstPerson().slice(0, 3) }), 'call-back', true],
  ['full text matching most people, with a facet (the walked plan)', () => ({ text: 'com', levels: ['principal'] }), 'escalate', true],
  ['full text and R19', () => ({ text: 'gmail', finproLikelyDeleted: true }), 'data-issue', true],
  ['deadline within 60 days and never enrolled (a built-in worklist)', () => ({ deadlineWithinDays: 60, enrollmentStatuses: ['none'] }), 'follow-up', true],
  ['Payment Pending over 48 hours', () => ({ pendingOverHours: 48 }), 'escalate', true],
  ['not flagged, with notes', () => ({ flagged: false, hasNotes: true }), 'call-back', true],
  ['clearing a flag on a state', () => ({ states: ['NY'], flagged: true }), 'follow-up', false],
])('%s', async (_name, filter, flag, on) => {
  await expectBulkFlagHitsListedRows(filter(), flag, on);
});

it(`refuses a filter that matches more than ${MAX_FLAG_TARGETS.toLocaleString('en-US')} registrations, and writes nothing`, async () => {
  const { total } = await callOk<WorkspaceFacets>(backend, 'workspace.facets', { filter: {} }, token);
  expect(total).toBeGreaterThan(MAX_FLAG_TARGETS);
  const before = marked('follow-up');
  const result = await call(backend, 'flag.set', { target: { kind: 'filter', filter: {} }, flag: 'follow-up', on: true }, token);
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: 'target.filter: more than 10,000 registrations match; narrow the filter and flag them in parts.' },
  });
  expect(marked('follow-up')).toEqual(before);
});

function surnameOfFirstPerson(): string {
  return db.prepare(`SELECT last_name FROM individual ORDER BY id LIMIT 1`).pluck().get() as string;
}
