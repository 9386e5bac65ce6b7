/**
 * Name ranks (store/name-order.ts) on a real store: after a bulk import, a second import, sync pages that add and
 * rename people, and gaps that run out, every ranked person's rank grows with (name_key, rank), and the name-ordered
 * search index agrees with its content and with the id-keyed one.
 */
import { describe, expect, it } from 'vitest';
import type { IndividualRecord } from '../../src-main/contract';
import { importIndividuals } from '../../src-main/backend/services/import/import-individuals';
import { applyChangesPage } from '../../src-main/backend/sync/apply-changes';
import { placeUnranked, UNRANKED_BASE } from '../../src-main/backend/store/name-order';
import { SeededRandom } from '../../src-main/backend/domain/demo/seeded-random';
import { person } from '../support/records';
import { storePerTest } from '../support/store-per-test';

const store = storePerTest();

const OPTIONS = { asOf: '2025-10-01', now: new Date('2025-10-01T15:00:00Z'), stationId: 'station-test', staffId: null, source: 'test' };
const LAST = ['Smith', 'smith', 'Álvarez', 'Alvarez', "O'Brien", 'Ng', 'Nguyen', 'Zeta', 'van der Berg', 'Éclair', '李', '𝓩ed'];
const FIRST = ['Ann', 'Anna', 'Bob', 'Zoë', 'José', 'Li'];

/** People with many namesakes and names that differ only by case, accents or characters beyond U+FFFF. */
function people(from: number, count: number, seed: string): IndividualRecord[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => person(String(10_000 + from + i), { firstName: rng.pick(FIRST), lastName: rng.pick(LAST) }));
}

async function load(records: IndividualRecord[]) {
  const report = await importIndividuals(store().db, records.map((r) => JSON.stringify(r)), OPTIONS);
  expect(report.ok).toBe(true);
}

function syncPage(records: IndividualRecord[]) {
  applyChangesPage(
    store().db,
    { changes: records.map((data) => ({ kind: 'individual', op: 'upsert', id: data.crd, data })), nextCursor: 'c', hasMore: false, remaining: 0 },
    OPTIONS.asOf,
    OPTIONS.now,
    OPTIONS.stationId,
  );
}

/** The invariant: ranked people's ranks increase along (name_key, name_rank); returns how many are provisional. */
function expectNameOrder(): number {
  const rows = store().db.prepare(`SELECT name_key, name_rank FROM individual ORDER BY name_key, name_rank`).raw().all() as [string, number][];
  const ranked = rows.filter(([, rank]) => rank < UNRANKED_BASE).map(([, rank]) => rank);
  for (let i = 1; i < ranked.length; i++) expect(ranked[i], `rank ${i}`).toBeGreaterThan(ranked[i - 1]);
  expect(ranked.every((rank) => rank >= 1)).toBe(true);
  // The id-keyed index holds everyone as they are now (checked against its content); the name-ordered one finds
  // the same people among the ranked, each at their current rank.
  store().db.prepare(`INSERT INTO individual_fts(individual_fts, rank) VALUES ('integrity-check', 1)`).run();
  store().db.prepare(`INSERT INTO individual_name_fts(individual_name_fts) VALUES ('integrity-check')`).run();
  for (const query of ['"smith"', '"a"*', '"zo"*', '"li"', '"o"* "brien"*', '"dana"']) {
    const byRank = store().db.prepare(`SELECT i.id FROM individual_name_fts f JOIN individual i ON i.name_rank = f.rowid WHERE individual_name_fts MATCH ? ORDER BY i.id`).pluck().all(query);
    const byId = store().db
      .prepare(`SELECT rowid FROM individual_fts WHERE individual_fts MATCH ? AND rowid IN (SELECT id FROM individual WHERE name_rank < ?) ORDER BY rowid`)
      .pluck()
      .all(query, UNRANKED_BASE);
    expect(byRank, query).toEqual(byId);
  }
  expect(store().db.prepare(`SELECT count(*) FROM individual_name_fts WHERE individual_name_fts MATCH '"dana"'`).pluck().get()).toBe(ranked.length);
  return rows.length - ranked.length;
}

describe('name ranks', () => {
  it('a bulk import into an empty store ranks everyone in name order', async () => {
    await load(people(0, 600, 'a'));
    expect(expectNameOrder()).toBe(0);
    // The name-ordered index hands out matches in name order.
    const names = store().db
      .prepare(`SELECT i.name_key FROM individual_name_fts f JOIN individual i ON i.name_rank = f.rowid WHERE individual_name_fts MATCH '"a"*' ORDER BY f.rowid`)
      .pluck()
      .all() as string[];
    expect(names.length).toBeGreaterThan(100);
    expect(names).toEqual([...names].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)))));
  });

  it('a second import places its people between the ones already there, and re-imported renames move', async () => {
    await load(people(0, 300, 'a'));
    const renamed = people(0, 40, 'renamed'); // the same CRDs, other names
    await load([...people(300, 300, 'b'), ...renamed]);
    expect(expectNameOrder()).toBe(0);
    const crd = renamed[0].crd;
    const key = store().db.prepare(`SELECT name_key FROM individual WHERE crd = ?`).pluck().get(crd);
    expect(key).toBe(`${renamed[0].lastName} ${renamed[0].firstName}`.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  });

  it('sync pages rank new and renamed people at the end of each page', async () => {
    await load(people(0, 200, 'a'));
    syncPage(people(200, 30, 'c'));
    syncPage(people(100, 30, 'renamed-by-sync'));
    expect(expectNameOrder()).toBe(0);
    expect(store().db.prepare(`SELECT count(*) FROM individual`).pluck().get()).toBe(230);
  });

  it('someone whose gap has run out stays provisional — still found — and is placed once there is room', async () => {
    await load([person('20001', { lastName: 'Adams', firstName: 'Ann' }), person('20002', { lastName: 'Adams', firstName: 'Bob' })]);
    // Squeeze Bob right behind Ann: no rank is left between them.
    const annRank = store().db.prepare(`SELECT name_rank FROM individual WHERE crd = '20001'`).pluck().get() as number;
    store().db.prepare(`UPDATE individual SET name_rank = ? WHERE crd = '20002'`).run(annRank + 1);
    syncPage([person('20003', { lastName: 'Adams', firstName: 'Anna' })]);
    expect(store().db.prepare(`SELECT name_rank >= ? FROM individual WHERE crd = '20003'`).pluck().get(UNRANKED_BASE)).toBe(1);
    expect(expectNameOrder()).toBe(1);
    // Room again (Bob moved away): the next batch places Anna.
    store().db.prepare(`UPDATE individual SET name_rank = ? WHERE crd = '20002'`).run(annRank + 1000);
    const result = store().db.transaction(() => placeUnranked(store().db))();
    expect(result).toEqual({ placed: 1, left: 0 });
    expect(expectNameOrder()).toBe(0);
  });

  it('placing many provisional people at once (the scan) and a few (the seeks) give the same order', async () => {
    await load(people(0, 400, 'a'));
    const provisional = (share: number) => {
      store().db.prepare(`UPDATE individual SET name_rank = ? + id WHERE id % ? = 0`).run(UNRANKED_BASE, share);
      return store().db.transaction(() => placeUnranked(store().db))();
    };
    expect(provisional(2).placed).toBe(200); // half: one pass over the whole order
    expect(expectNameOrder()).toBe(0);
    expect(provisional(50).placed).toBe(8); // 2 %: seeks around each
    expect(expectNameOrder()).toBe(0);
  });
});
