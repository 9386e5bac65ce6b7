/**
 * Issue 5 acceptance, backend half: with the central service stopped, a reviewer flags registrations and writes
 * notes; the central service starts; everything arrives there exactly once — also when the first push is processed
 * but its answer is lost, so the station pushes the same commands again.
 */
import { afterEach, expect, it } from 'vitest';
import type { NoteView } from '../../../src-main/contract';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { centralQuery, commandCounts, openReviewStation, someRegistrations, type ReviewStation } from './review-stations';

let central: CentralProcess | null = null;
let station: ReviewStation | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
  station = central = null;
});

it('flags and notes written offline reach the central service exactly once after it starts, even when pushed twice', async () => {
  central = await startCentralProcess({ seed: 40 });
  const a = (station = await openReviewStation('station-a', central));
  expect(await a.sync()).toMatchObject({ ok: true });
  await central.kill('SIGKILL');

  const regs = someRegistrations(a, 3);
  const selection = { kind: 'selection', registrationIds: regs.map((r) => r.id) };
  expect(await a.ok('flag.set', { target: selection, flag: 'follow-up', on: true })).toEqual({ changed: 3 });
  expect(await a.ok('flag.set', { target: selection, flag: 'follow-up', on: true })).toEqual({ changed: 0 });
  const onPerson = await a.ok<NoteView>('note.save', { crd: regs[0].crd, text: 'Called twice, no answer.' });
  const onRegistration = await a.ok<NoteView>('note.save', { crd: regs[1].crd, category: regs[1].category, text: 'Termination date looks wrong, "check" with the firm.' });
  const edited = await a.ok<NoteView>('note.save', { id: onPerson.id, crd: regs[0].crd, text: 'Called twice, no answer. Try the office line, José.' });
  expect(edited).toMatchObject({ version: 0, pending: true, conflict: null, category: null, updatedBy: 'Reviewer at station-a' });
  expect(onRegistration).toMatchObject({ category: regs[1].category, pending: true });
  expect(await a.sync()).toMatchObject({ ok: false });

  await central.restart();
  // The first push is processed but its answer never arrives: the station must send the same keys again.
  expect((await central.admin('faults', { method: 'POST', body: JSON.stringify({ dropRate: 1 }) })).status).toBe(200);
  expect(await a.sync()).toMatchObject({ ok: false });
  await central.admin('faults', { method: 'DELETE' });
  expect(await a.sync()).toMatchObject({ ok: true });

  for (const type of ['note.put', 'flag.set']) {
    const counts = Object.values(await commandCounts(central, type));
    expect(counts).toHaveLength(type === 'note.put' ? 3 : 2);
    expect(counts.every((c) => c.applied === 1 && c.duplicate === 1 && c.conflict === 0 && c.rejected === 0)).toBe(true);
  }
  const notes = centralQuery(central, `SELECT id, crd, category, text, version, station_id AS stationId, updated_by AS updatedBy FROM note ORDER BY crd`);
  expect(notes).toEqual([
    { id: onPerson.id, crd: regs[0].crd, category: '', text: edited.text, version: 2, stationId: 'station-a', updatedBy: 'Reviewer at station-a' },
    { id: onRegistration.id, crd: regs[1].crd, category: regs[1].category, text: onRegistration.text, version: 1, stationId: 'station-a', updatedBy: 'Reviewer at station-a' },
  ]);
  const marks = centralQuery(central, `SELECT crd, category, flag, station_id AS stationId FROM review_mark ORDER BY crd`);
  expect(marks).toEqual(regs.map((r) => ({ crd: r.crd, category: r.category, flag: 'follow-up', stationId: 'station-a' })));

  // Back at the station: nothing waits, and the notes carry the central versions.
  expect(a.query(`SELECT type FROM outbox WHERE type IN ('note.put', 'flag.set')`)).toEqual([]);
  const listed = await a.ok<NoteView[]>('note.list', { crd: regs[0].crd });
  expect(listed).toEqual([expect.objectContaining({ id: onPerson.id, text: edited.text, version: 2, pending: false, conflict: null })]);
});

it('audits every note and flag write, with the note words kept out of the trail', async () => {
  central = await startCentralProcess({ seed: 10 });
  const a = (station = await openReviewStation('station-a', central));
  await a.sync();
  const [reg] = someRegistrations(a, 1);
  await a.ok('flag.set', { target: { kind: 'selection', registrationIds: [reg.id] }, flag: 'escalate', on: true });
  await a.ok('flag.set', { target: { kind: 'selection', registrationIds: [reg.id] }, flag: 'escalate', on: false });
  const note = await a.ok<NoteView>('note.save', { crd: reg.crd, text: 'a private remark' });
  await a.ok('note.save', { id: note.id, crd: reg.crd, text: 'a private remark, revised' });

  const events = a.query<{ action: string; details: string }>(`SELECT action, details FROM audit_event WHERE action LIKE 'flag.%' OR action LIKE 'note.%' ORDER BY seq`);
  expect(events.map((e) => e.action)).toEqual(['flag.set', 'flag.cleared', 'note.created', 'note.edited']);
  expect(JSON.parse(events[0].details)).toMatchObject({ flag: 'escalate', target: 'selection', registrationIds: [reg.id], changed: 1, commands: 1 });
  expect(events.some((e) => e.details.includes('private remark'))).toBe(false);
});
