/**
 * The same note edited on two stations: the station that lost the race keeps both texts, marked as a conflict and
 * shown side by side by note.list, until a person resolves it; the resolution reaches the central service and the
 * other station. Nothing anyone wrote is silently lost.
 */
import { afterEach, expect, it } from 'vitest';
import type { NoteView } from '../../../src-main/contract';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { centralQuery, openReviewStation, someRegistrations, type ReviewStation } from './review-stations';

let central: CentralProcess | null = null;
let stations: ReviewStation[] = [];
afterEach(async () => {
  for (const s of stations) await s.close();
  await central?.stop();
  stations = [];
  central = null;
});

async function twoStations(seed: number) {
  central = await startCentralProcess({ seed });
  stations = [await openReviewStation('station-a', central), await openReviewStation('station-b', central)];
  for (const s of stations) expect(await s.sync()).toMatchObject({ ok: true });
  return { a: stations[0], b: stations[1], c: central };
}

it('keeps both versions on the station that lost the race, shows them side by side, and settles on the resolution', async () => {
  const { a, b, c } = await twoStations(20);
  const [reg] = someRegistrations(a, 1);
  const created = await a.ok<NoteView>('note.save', { crd: reg.crd, category: reg.category, text: 'Firm says the U5 was amended.' });
  await a.sync();
  await b.sync();
  const [seenByB] = await b.ok<NoteView[]>('note.list', { crd: reg.crd });
  expect(seenByB).toMatchObject({ id: created.id, text: created.text, version: 1, category: reg.category, updatedBy: 'Reviewer at station-a', pending: false });

  // Both edit version 1 while apart; A reaches the central service first.
  const byA = await a.ok<NoteView>('note.save', { id: created.id, crd: reg.crd, category: reg.category, text: 'Firm says the U5 was amended; new date 2023-04-02.' });
  const byB = await b.ok<NoteView>('note.save', { id: created.id, crd: reg.crd, category: reg.category, text: 'Caller disputes the termination; wants a call back.' });
  expect(await a.sync()).toMatchObject({ ok: true, parked: 0 });
  expect(await b.sync()).toMatchObject({ ok: true, parked: 1 });

  const [onB] = await b.ok<NoteView[]>('note.list', { crd: reg.crd });
  expect(onB).toMatchObject({
    text: byB.text,
    pending: true,
    conflict: { text: byA.text, stationId: 'station-a', version: 2 },
  });
  expect(b.query(`SELECT status FROM outbox WHERE type = 'note.put'`)).toEqual([{ status: 'conflict' }]);
  // Editing on top of an unresolved conflict is refused with what to do instead.
  expect(await b.try('note.save', { id: created.id, crd: reg.crd, category: reg.category, text: 'a third text' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // The central service still holds A's text; B's words are only on B, waiting for a person.
  expect(centralQuery(c, `SELECT text, version FROM note WHERE id = ?`, created.id)).toEqual([{ text: byA.text, version: 2 }]);

  const merged = `${byA.text}\n${byB.text}`;
  const resolved = await b.ok<NoteView>('note.resolve', { id: created.id, text: merged });
  expect(resolved).toMatchObject({ text: merged, conflict: null, pending: true, version: 2 });
  expect(b.query(`SELECT status FROM outbox WHERE type = 'note.put'`)).toEqual([{ status: 'pending' }]);
  expect(await b.sync()).toMatchObject({ ok: true, parked: 0 });
  expect(await a.sync()).toMatchObject({ ok: true });

  expect(centralQuery(c, `SELECT text, version, station_id AS stationId FROM note WHERE id = ?`, created.id)).toEqual([{ text: merged, version: 3, stationId: 'station-b' }]);
  for (const s of [a, b]) {
    expect(await s.ok<NoteView[]>('note.list', { crd: reg.crd })).toEqual([expect.objectContaining({ text: merged, version: 3, pending: false, conflict: null })]);
  }
  const [audit] = b.query<{ details: string }>(`SELECT details FROM audit_event WHERE action = 'note.resolved'`);
  expect(JSON.parse(audit.details)).toMatchObject({ noteId: created.id, kept: 'merged', otherStation: 'station-a', baseVersion: 2, replacedCommands: 1 });
});

it('chains several offline edits of one station without conflicting with itself', async () => {
  const { a, b, c } = await twoStations(10);
  const [reg] = someRegistrations(a, 1);
  const note = await a.ok<NoteView>('note.save', { crd: reg.crd, text: 'one' });
  await a.sync(); // version 1 at the central service
  for (const text of ['two', 'three', 'four']) await a.ok('note.save', { id: note.id, crd: reg.crd, text });
  expect(await a.sync()).toMatchObject({ ok: true, parked: 0 });
  expect(centralQuery(c, `SELECT text, version FROM note`)).toEqual([{ text: 'four', version: 4 }]);
  await b.sync();
  expect(await b.ok<NoteView[]>('note.list', { crd: reg.crd })).toEqual([expect.objectContaining({ text: 'four', version: 4, conflict: null })]);
});

it('a version number reached by another station never lets a stale chained edit through', async () => {
  const { a, b, c } = await twoStations(10);
  const [reg] = someRegistrations(a, 1);
  const note = await a.ok<NoteView>('note.save', { crd: reg.crd, text: 'v1 by A' });
  await a.sync();
  await b.sync();
  // A edits twice offline (bases 1 and 2); meanwhile B writes version 2.
  await a.ok('note.save', { id: note.id, crd: reg.crd, text: 'A, first offline edit' });
  await a.ok('note.save', { id: note.id, crd: reg.crd, text: 'A, second offline edit' });
  await b.ok('note.save', { id: note.id, crd: reg.crd, text: 'v2 by B' });
  await b.sync();

  expect(await a.sync()).toMatchObject({ ok: true, parked: 2 });
  expect(centralQuery(c, `SELECT text, version FROM note`)).toEqual([{ text: 'v2 by B', version: 2 }]);
  const [onA] = await a.ok<NoteView[]>('note.list', { crd: reg.crd });
  expect(onA).toMatchObject({ text: 'A, second offline edit', conflict: { text: 'v2 by B', stationId: 'station-b', version: 2 } });

  await a.ok('note.resolve', { id: note.id, text: 'v2 by B' }); // A keeps B's text
  expect(await a.sync()).toMatchObject({ ok: true, parked: 0 });
  expect(a.query(`SELECT 1 FROM outbox WHERE type = 'note.put'`)).toEqual([]);
  expect(centralQuery(c, `SELECT text, version, station_id AS stationId FROM note`)).toEqual([{ text: 'v2 by B', version: 3, stationId: 'station-a' }]);
});
