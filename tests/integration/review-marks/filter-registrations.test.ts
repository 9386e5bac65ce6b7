/**
 * The bulk-flag filter resolver against expectations computed independently in JavaScript from the stored rows
 * (and, for R19, from the domain's own finproAccountStatus), on demo individuals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, finproAccountStatus, generateDemoIndividuals, todayInNewYork } from '../../../src-main/backend/domain';
import { registrationsMatching } from '../../../src-main/backend/services/review-marks/filter-registrations';
import { importIndividuals } from '../../../src-main/backend/services/import/import-individuals';
import { openStore, type Store } from '../../../src-main/backend/store/open-store';
import { workspaceFilter } from '../../../src-main/contract/review-workspace';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir();
const now = new Date('2024-09-01T15:00:00Z');
const today = todayInNewYork(now);
let store: Store;

interface Row {
  id: number;
  crd: string;
  category: string;
  level: string;
  state: string;
  reason: string;
  window: string | null;
  enrollBy: string | null;
  finproLastLogin: string | null;
}
let rows: Row[];

beforeAll(async () => {
  store = await openStore(dir.path);
  const lines = [...generateDemoIndividuals(300, 7)].map((r) => JSON.stringify(r));
  const report = await importIndividuals(store.db, lines, { asOf: today, now, stationId: 's', staffId: null, source: 'test' });
  expect(report.ok).toBe(true);
  rows = store.db
    .prepare(
      `SELECT r.id, i.crd, r.category, r.level, i.state, r.reason, r.enroll_window AS window, r.enroll_by AS enrollBy, i.finpro_last_login AS finproLastLogin
       FROM registration r JOIN individual i ON i.id = r.individual_id ORDER BY r.id`,
    )
    .all() as Row[];
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

const match = (filter: Record<string, unknown>) => registrationsMatching(store.db, workspaceFilter.parse(filter), now, 1_000_000);
const ids = (keep: (r: Row) => boolean) => rows.filter(keep).map((r) => r.id);

it.each<[string, () => Record<string, unknown>, (r: Row) => boolean]>([
  ['no filter: every registration', () => ({}), () => true],
  ['a reason', () => ({ reasons: [rows[0].reason] }), (r) => r.reason === rows[0].reason],
  ['windows', () => ({ windows: ['first', 'second'] }), (r) => r.window === 'first' || r.window === 'second'],
  ['a level and a state together', () => ({ levels: ['principal'], states: [rows[0].state] }), (r) => r.level === 'principal' && r.state === rows[0].state],
  ['an enroll-by range', () => ({ enrollByFrom: today, enrollByTo: addDays(today, 90) }), (r) => r.enrollBy !== null && r.enrollBy >= today && r.enrollBy <= addDays(today, 90)],
  ['deadline within 365 days (New York today)', () => ({ deadlineWithinDays: 365 }), (r) => r.enrollBy !== null && r.enrollBy >= today && r.enrollBy <= addDays(today, 365)],
  ['R19: FinPro account likely deleted', () => ({ finproLikelyDeleted: true }), (r) => finproAccountStatus(r.finproLastLogin, today).status === 'likely-deleted'],
  ['R19: FinPro account not likely deleted', () => ({ finproLikelyDeleted: false }), (r) => finproAccountStatus(r.finproLastLogin, today).status !== 'likely-deleted'],
  ['a CRD typed in the search box', () => ({ text: rows[5].crd }), (r) => r.crd === rows[5].crd],
  ['never enrolled (no enrollments on this station)', () => ({ enrollmentStatuses: ['none'] }), () => true],
  ['enrolled (none here)', () => ({ enrollmentStatuses: ['enrolled'] }), () => false],
])('%s', (name, filter, keep) => {
  const expected = ids(keep);
  if (!name.includes('(none here)')) expect(expected.length).toBeGreaterThan(0); // a case that matches nothing proves little
  expect(match(filter())).toEqual(expected);
});

it('flagged and has-notes count flags and notes on the registration and on the individual as a whole', () => {
  const [first, second] = [rows[0], rows.find((r) => r.crd !== rows[0].crd)!];
  store.db.prepare(`INSERT INTO review_mark (crd, category, flag, station_id, set_at) VALUES (?, ?, 'follow-up', 's', 'now')`).run(first.crd, first.category);
  store.db.prepare(`INSERT INTO review_note (id, crd, category, text, updated_by, station_id, updated_at) VALUES ('n', ?, '', 'x', 'D', 's', 'now')`).run(second.crd);
  expect(match({ flagged: true })).toEqual(ids((r) => r.crd === first.crd && r.category === first.category));
  expect(match({ hasNotes: true })).toEqual(ids((r) => r.crd === second.crd));
  expect(match({ hasNotes: false })).toEqual(ids((r) => r.crd !== second.crd));
});
