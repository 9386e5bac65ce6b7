/**
 * Flags from several stations merge at the central service (one flag per crd × category × flag, whoever set it),
 * clearing travels as a tombstone, and a bulk flag over a workspace filter flags exactly what the filter matches.
 */
import { afterEach, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { centralQuery, commandCounts, openReviewStation, someRegistrations, type ReviewStation } from './review-stations';

let central: CentralProcess | null = null;
let stations: ReviewStation[] = [];
afterEach(async () => {
  for (const s of stations) await s.close();
  await central?.stop();
  stations = [];
  central = null;
});

const marksOf = (s: ReviewStation) => s.query<{ crd: string; category: string; flag: string }>(`SELECT crd, category, flag FROM review_mark ORDER BY crd, category, flag`);
const idsAt = (s: ReviewStation, regs: { crd: string; category: string }[]) =>
  regs.map((r) => s.query<{ id: number }>(`SELECT r.id FROM registration r JOIN individual i ON i.id = r.individual_id WHERE i.crd = ? AND r.category = ?`, r.crd, r.category)[0].id);
const select = (registrationIds: number[]) => ({ kind: 'selection', registrationIds });

it('merges flags set on two stations, keeps one flag for the same intent twice, and clears everywhere by tombstone', async () => {
  central = await startCentralProcess({ seed: 30 });
  stations = [await openReviewStation('station-a', central), await openReviewStation('station-b', central)];
  const [a, b] = stations;
  for (const s of stations) await s.sync();
  const [x, y] = someRegistrations(a, 2);

  // Offline from each other: A flags x follow-up; B flags x follow-up too, x escalate and y call-back.
  await a.ok('flag.set', { target: select(idsAt(a, [x])), flag: 'follow-up', on: true });
  await b.ok('flag.set', { target: select(idsAt(b, [x])), flag: 'follow-up', on: true });
  await b.ok('flag.set', { target: select(idsAt(b, [x])), flag: 'escalate', on: true });
  await b.ok('flag.set', { target: select(idsAt(b, [y])), flag: 'call-back', on: true });
  await a.sync();
  await b.sync();
  await a.sync();

  const union = [
    { crd: x.crd, category: x.category, flag: 'escalate' },
    { crd: x.crd, category: x.category, flag: 'follow-up' },
    { crd: y.crd, category: y.category, flag: 'call-back' },
  ].sort((p, q) => p.crd.localeCompare(q.crd));
  expect(marksOf(a)).toEqual(union);
  expect(marksOf(b)).toEqual(union);
  // The same flag from both stations is one flag, kept as the first station set it.
  expect(centralQuery(central, `SELECT station_id AS stationId, set_by AS setBy FROM review_mark WHERE flag = 'follow-up'`)).toEqual([{ stationId: 'station-a', setBy: 'Reviewer at station-a' }]);
  expect(Object.values(await commandCounts(central, 'flag.set')).every((k) => k.applied === 1)).toBe(true);

  // A clears follow-up; B, after its next pull, has it cleared too (an explicit tombstone, not absence).
  expect(await a.ok('flag.set', { target: select(idsAt(a, [x])), flag: 'follow-up', on: false })).toEqual({ changed: 1 });
  await a.sync();
  await b.sync();
  const without = union.filter((m) => m.flag !== 'follow-up');
  expect(marksOf(b)).toEqual(without);
  expect(centralQuery(central, `SELECT op FROM change_log WHERE kind = 'mark' AND entity_id = ?`, `${x.crd}/${x.category}/follow-up`)).toEqual([{ op: 'delete' }]);
});

it('a pulled flag never overrides a flag change of this station still waiting to be sent', async () => {
  central = await startCentralProcess({ seed: 10 });
  stations = [await openReviewStation('station-a', central), await openReviewStation('station-b', central)];
  const [a, b] = stations;
  for (const s of stations) await s.sync();
  const [x] = someRegistrations(a, 1);
  const flag = (s: ReviewStation, on: boolean) => s.ok('flag.set', { target: select(idsAt(s, [x])), flag: 'data-issue', on });
  await flag(a, true);
  await a.sync();
  await b.sync();
  expect(marksOf(b)).toHaveLength(1);

  // B clears the flag while the central service fails (503s); its command waits out a backoff. (With no answer at
  // all — the station offline — commands stay due instead, so this needs the service to answer with errors.)
  expect((await central.admin('faults', { method: 'POST', body: JSON.stringify({ failRate: 1 }) })).status).toBe(200);
  await flag(b, false);
  expect(await b.sync()).toMatchObject({ ok: false });
  await central.admin('faults', { method: 'DELETE' });
  // Meanwhile A clears and sets it again, so the feed holds the flag anew.
  await flag(a, false);
  await flag(a, true);
  await a.sync();

  // B pulls before its own change is due: the pulled flag does not come back over B's waiting clear.
  expect(await b.backend.sync!.syncOnce()).toMatchObject({ ok: true, pushed: 0 });
  expect(b.query(`SELECT status FROM outbox WHERE type = 'flag.set'`)).toEqual([{ status: 'pending' }]);
  expect(marksOf(b)).toEqual([]);
  // Then B's clear arrives (the latest change wins) and reaches A as a tombstone.
  expect(await b.sync()).toMatchObject({ ok: true, pushed: expect.any(Number) });
  await a.sync();
  expect(marksOf(a)).toEqual([]);
  expect(marksOf(b)).toEqual([]);
});

it('flags everything a workspace filter matches, and refuses a selection that no longer exists', async () => {
  central = await startCentralProcess({ seed: 60 });
  stations = [await openReviewStation('station-a', central)];
  const [a] = stations;
  await a.sync();
  const category = a.query<{ category: string; n: number }>(`SELECT category, count(*) AS n FROM registration GROUP BY category ORDER BY n DESC LIMIT 1`)[0];
  const expected = a.query<{ crd: string; category: string }>(
    `SELECT DISTINCT i.crd, r.category FROM registration r JOIN individual i ON i.id = r.individual_id WHERE r.category = ? ORDER BY i.crd`,
    category.category,
  );
  const result = await a.ok<{ changed: number }>('flag.set', { target: { kind: 'filter', filter: { categories: [category.category] } }, flag: 'follow-up', on: true });
  expect(result.changed).toBe(expected.length);
  expect(marksOf(a).map(({ crd, category: c }) => ({ crd, category: c }))).toEqual(expected);
  expect(await a.ok('flag.set', { target: { kind: 'filter', filter: { categories: [category.category], flagged: false } }, flag: 'follow-up', on: true })).toEqual({ changed: 0 });
  await a.sync();
  expect(centralQuery(central, `SELECT count(*) AS n FROM review_mark`)).toEqual([{ n: expected.length }]);

  expect(await a.try('flag.set', { target: select([99_999_999]), flag: 'follow-up', on: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
