/**
 * Issue 5: keyset pages (never OFFSET) are exactly an OFFSET reference's pages — for every sort column in both
 * directions, across ties (reason, category, notes…) and missing values (enroll-by, termination date), through
 * every plan the page query can choose, to the last page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_SORT_COLUMNS, type WorkspaceFilter, type WorkspaceSort } from '../../../src-main/contract';
import { todayInNewYork } from '../../../src-main/backend/domain';
import { resolveFilter } from '../../../src-main/backend/services/workspace/workspace-filter';
import { pageRows, type PlanLimits } from '../../../src-main/backend/services/workspace/workspace-page';
import type { SortTuple } from '../../../src-main/backend/services/workspace/workspace-sorts';
import { placeUnranked, UNRANKED_BASE } from '../../../src-main/backend/store/name-order';
import { callOk } from '../../support/test-backend';
import { allPages, expectedRows, filterOf, matchesFilter, seedReviewData, workspaceStation, type Page, type WorkspaceStation } from './workspace-station';

let s: WorkspaceStation;
let today: string;
beforeAll(async () => {
  s = await workspaceStation({ individuals: 2000 });
  seedReviewData(s.db, s.clock.now());
  today = todayInNewYork(s.clock.now());
});
afterAll(() => s.close());

/** The ORDER BY of the documented order: (sort value, cell, enroll-by key, registration id). */
const ORDER_VALUE: Record<WorkspaceSort['column'], string> = {
  crd: 'w.crd_number',
  name: 'w.name_key',
  terminationDate: 'w.term_key',
  enrollBy: 'w.enroll_key',
  reregisterBy: 'w.rereg_key',
  category: 'c.category',
  reason: 'c.reason',
  window: 'c.enroll_window',
  enrollmentStatus: 'c.enrollment_status',
  flags: 'c.flags',
  notes: 'c.notes',
};

/** Page `index` of the rows with these ids, by LIMIT/OFFSET: the reference. */
function offsetPage(ids: number[], sort: WorkspaceSort, limit: number, index: number): number[] {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return s.db
    .prepare(
      `SELECT w.registration_id FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell
       WHERE w.registration_id IN (SELECT value FROM json_each(?))
       ORDER BY ${ORDER_VALUE[sort.column]} ${dir}, w.cell ${dir}, w.enroll_key ${dir}, w.registration_id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(JSON.stringify(ids), limit, index * limit) as number[];
}

const FILTERS: Record<string, Partial<WorkspaceFilter>> = {
  'no filter': {},
  'a large set of facet values': { reasons: ['STILL_REGISTERED', 'WINDOW_CLOSED'], levels: ['representative'] },
  'a small set of facet values': { reasons: ['TENURE_UNDER_ONE_YEAR'], states: ['NY', 'CA'] },
  'an enroll-by range': { enrollByFrom: '2024-06-01', enrollByTo: '2025-12-31' },
  'full text': { text: 'jo' },
  'flagged rows (sparse)': { flagged: true },
};

describe('keyset paging equals an OFFSET reference', () => {
  for (const [label, partial] of Object.entries(FILTERS)) {
    it(`${label}: every sort column, both directions, to the last page`, async () => {
      const matching = expectedRows(s.db, today).filter(matchesFilter(s.db, filterOf(partial), today, s.clock.now())).map((r) => r.registrationId);
      expect(matching.length).toBeGreaterThan(0);
      for (const column of WORKSPACE_SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column, direction };
          // An odd page size, so page boundaries fall inside runs of ties.
          const limit = 37;
          const pages = await allPages(s, partial, sort, limit);
          const where = `${label} / ${column} ${direction}`;
          expect(pages.flatMap((p) => p.rows).length, where).toBe(matching.length);
          pages.forEach((page, index) => expect(page.rows.map((r) => r.registrationId), `${where}, page ${index}`).toEqual(offsetPage(matching, sort, limit, index)));
          // The last page says so; every other page offers a cursor.
          expect(pages.at(-1)!.next, where).toBeNull();
          expect(pages.slice(0, -1).every((p) => p.next !== null && p.rows.length === limit), where).toBe(true);
        }
      }
    });
  }

  it('each plan (walk, filter first, cell by cell with or without counting first) gives the same pages', () => {
    const plans: PlanLimits[] = [
      { filterFirstMaxRows: 0, precountMaxRows: 0, nameBatch: 3 },
      { filterFirstMaxRows: 1e9, precountMaxRows: 1e9, nameBatch: 256 },
    ];
    const filters: Partial<WorkspaceFilter>[] = [
      { reasons: ['ELIGIBLE', 'TENURE_UNDER_ONE_YEAR'] },
      { deadlineWithinDays: 400, levels: ['principal', 'representative'] },
      { hasNotes: false, states: ['TX'] },
      { text: 'ma', reasons: ['STILL_REGISTERED', 'WINDOW_CLOSED', 'ELIGIBLE'] },
    ];
    for (const partial of filters) {
      const resolved = resolveFilter(filterOf(partial), today, s.clock.now());
      const matching = expectedRows(s.db, today).filter(matchesFilter(s.db, filterOf(partial), today, s.clock.now())).map((r) => r.registrationId);
      for (const column of WORKSPACE_SORT_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column, direction };
          for (const plan of plans) {
            const where = `${JSON.stringify(partial)} / ${column} ${direction} / ${JSON.stringify(plan)}`;
            let after: SortTuple | null = null;
            for (let index = 0; ; index++) {
              const found = pageRows(s.db, resolved, sort, after, 41, plan);
              const page = found.slice(0, 40);
              expect(page.map((r) => r.id), `${where}, page ${index}`).toEqual(offsetPage(matching, sort, 40, index));
              if (found.length <= 40) break;
              after = page[39].position;
            }
          }
        }
      }
    }
  });

  it('full text sorted by name: read in name order, across namesakes and people outside the order, equals the reference', () => {
    // Some people provisional (outside the name order, as after a gap ran out) and some sharing a name.
    const namesakes = s.db.prepare(`SELECT count(*) FROM (SELECT name_key FROM individual GROUP BY name_key HAVING count(*) > 1)`).pluck().get() as number;
    expect(namesakes).toBeGreaterThan(10);
    s.db.prepare(`UPDATE individual SET name_rank = ? + id WHERE id % 5 = 0`).run(UNRANKED_BASE);
    try {
      for (const partial of [{ text: 'a' }, { text: 'jo' }, { text: 'ma', states: ['NY', 'CA', 'TX'] }, { text: 'e', deadlineWithinDays: 900 }]) {
        const resolved = resolveFilter(filterOf(partial), today, s.clock.now());
        const matching = expectedRows(s.db, today).filter(matchesFilter(s.db, filterOf(partial), today, s.clock.now())).map((r) => r.registrationId);
        expect(matching.length, JSON.stringify(partial)).toBeGreaterThan(14); // three pages at least
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column: 'name' as const, direction };
          // Batches of 1, 2 and 4 people: pages end inside runs of namesakes and between batches.
          for (const nameBatch of [1, 2, 4]) {
            const plan = { filterFirstMaxRows: 0, precountMaxRows: 0, nameBatch };
            let after: SortTuple | null = null;
            for (let index = 0; ; index++) {
              const found = pageRows(s.db, resolved, sort, after, 8, plan);
              const page = found.slice(0, 7);
              expect(page.map((r) => r.id), `${JSON.stringify(partial)} ${direction} batch ${nameBatch}, page ${index}`).toEqual(offsetPage(matching, sort, 7, index));
              if (found.length <= 7) break;
              after = page[6].position;
            }
          }
        }
      }
    } finally {
      s.db.transaction(() => placeUnranked(s.db))();
    }
    expect(s.db.prepare(`SELECT count(*) FROM individual WHERE name_rank >= ?`).pluck().get(UNRANKED_BASE)).toBe(0);
  });

  it('a page that ends exactly at the last row has no next cursor', async () => {
    const count = expectedRows(s.db, today).filter(matchesFilter(s.db, filterOf({ flagged: true }), today, s.clock.now())).length;
    const limit = [...Array(200).keys()].map((i) => 200 - i).find((l) => count % l === 0 && l < count)!;
    const pages = await allPages(s, { flagged: true }, { column: 'name', direction: 'asc' }, limit);
    expect(pages).toHaveLength(count / limit);
    expect(pages.at(-1)!.rows).toHaveLength(limit);
    expect(pages.at(-1)!.next).toBeNull();
  });

  it('an empty result is one empty page', async () => {
    const pages = await allPages(s, { text: 'qzxqzx' }, { column: 'enrollBy', direction: 'asc' }, 50);
    expect(pages).toEqual([{ rows: [], next: null, asOf: today }]);
  });

  it('missing values sort last ascending and first descending', async () => {
    const asc = (await allPages(s, {}, { column: 'enrollBy', direction: 'asc' }, 200)).flatMap((p) => p.rows);
    const firstMissing = asc.findIndex((r) => r.enrollBy === null);
    expect(firstMissing).toBeGreaterThan(0);
    expect(asc.slice(firstMissing).every((r) => r.enrollBy === null)).toBe(true);
    const [desc] = await allPages(s, {}, { column: 'terminationDate', direction: 'desc' }, 50);
    expect(desc.rows.every((r) => r.terminationDate === null)).toBe(true);
  });

  it('a cursor stays valid when a row before it changes: the rows after it come next, none repeated or skipped', async () => {
    const sort: WorkspaceSort = { column: 'reason', direction: 'asc' };
    const page = (after: string | null) => callOk<Page>(s.backend, 'workspace.page', { filter: {}, sort, after, limit: 100 }, s.tokens.agent);
    const first = await page(null);
    const before = await page(first.next);
    // A note on someone shown on the first page moves their rows to another cell (behind the cursor).
    const shown = first.rows[3];
    s.db.prepare(`INSERT INTO review_note (id, crd, category, text, updated_by, station_id, updated_at) VALUES ('moved', ?, '', 'x', 't', 's', ?)`).run(shown.crd, s.clock.now().toISOString());
    const after = await page(first.next);
    s.db.prepare(`DELETE FROM review_note WHERE id = 'moved'`).run();
    const firstIds = new Set(first.rows.map((r) => r.registrationId));
    expect(after.rows.some((r) => firstIds.has(r.registrationId))).toBe(false);
    expect(after.rows.map((r) => r.registrationId)).toEqual(before.rows.map((r) => r.registrationId));
  });
});
