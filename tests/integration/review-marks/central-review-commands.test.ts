/**
 * The central service's side of reviewers' flags and notes: `flag.set` merges (set/unset per crd × category × flag,
 * idempotent), rejects a bad payload naming the field, and the change feed carries review notes and flags (clearing
 * as a tombstone) but never call notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { command, pullAll, pushCommands } from '../central/central-kit';

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess();
});
afterAll(() => central?.stop());

const marks = [{ crd: '5500001', category: 'GS' }, { crd: '5500001', category: '' }];

describe('flag.set', () => {
  it('sets each flag once, whoever asks and however often, and clears it with a tombstone', async () => {
    const { cursor } = await pullAll(central);
    expect(await pushCommands(central, [command('flag-0001', 'flag.set', { flag: 'follow-up', on: true, marks, setBy: 'Dana' }, 'station-a')])).toMatchObject([{ status: 'applied' }]);
    // Another station, same intent, another key: applied, and nothing changes.
    expect(await pushCommands(central, [command('flag-0002', 'flag.set', { flag: 'follow-up', on: true, marks }, 'station-b')])).toMatchObject([{ status: 'applied' }]);
    const set = await pullAll(central, cursor);
    expect(set.changes).toEqual([
      { kind: 'mark', op: 'upsert', id: '5500001/GS/follow-up', data: { crd: '5500001', category: 'GS', flag: 'follow-up', stationId: 'station-a', setBy: 'Dana', setAt: expect.any(String) } },
      { kind: 'mark', op: 'upsert', id: '5500001//follow-up', data: expect.objectContaining({ category: '', stationId: 'station-a' }) },
    ]);

    expect(await pushCommands(central, [command('flag-0003', 'flag.set', { flag: 'follow-up', on: false, marks: [marks[0]] }, 'station-b')])).toMatchObject([{ status: 'applied' }]);
    expect(await pushCommands(central, [command('flag-0004', 'flag.set', { flag: 'follow-up', on: false, marks: [marks[0]] }, 'station-b')])).toMatchObject([{ status: 'applied' }]);
    expect((await pullAll(central, set.cursor)).changes).toEqual([{ kind: 'mark', op: 'delete', id: '5500001/GS/follow-up' }]);
  });

  it.each([
    ['an unknown flag', { flag: 'urgent', on: true, marks }, /^payload\.flag: /],
    ['no marks', { flag: 'follow-up', on: true, marks: [] }, /^payload\.marks: /],
    ['a CRD of letters', { flag: 'follow-up', on: true, marks: [{ crd: 'abc', category: 'GS' }] }, /^payload\.marks\[0\]\.crd: /],
    ['no on/off', { flag: 'follow-up', marks }, /^payload\.on: /],
  ])('rejects %s, naming the field', async (_name, payload, reason) => {
    const [result] = await pushCommands(central, [command(`flag-bad-${Math.random().toString(36).slice(2, 10)}`, 'flag.set', payload)]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
  });
});

describe('notes in the change feed', () => {
  it('feeds review notes (with their category and writer) to stations, never call notes', async () => {
    const { cursor } = await pullAll(central);
    await pushCommands(central, [
      command('note-call-0001', 'note.put', { id: 'call-note-1', crd: '5500002', text: 'called back', baseVersion: 0 }),
      command('note-rev-0001', 'note.put', { id: 'review-note-1', crd: '5500002', category: 'GS', text: 'check the U5', baseVersion: 0, updatedBy: 'Dana' }, 'station-a'),
    ]);
    expect((await pullAll(central, cursor)).changes).toEqual([
      {
        kind: 'note', op: 'upsert', id: 'review-note-1',
        data: { id: 'review-note-1', crd: '5500002', category: 'GS', text: 'check the U5', version: 1, stationId: 'station-a', updatedBy: 'Dana', updatedAt: expect.any(String) },
      },
    ]);
  });

  it('refuses an edit built on a version another station wrote, even when the number matches', async () => {
    const put = (key: string, stationId: string, text: string, baseVersion: number, baseStationId?: string) =>
      pushCommands(central, [command(key, 'note.put', { id: 'review-note-2', crd: '5500002', category: '', text, baseVersion, ...(baseStationId ? { baseStationId } : {}) }, stationId)]);
    expect((await put('note-rev-0101', 'station-a', 'one', 0))[0].status).toBe('applied');
    expect((await put('note-rev-0102', 'station-b', 'two by b', 1, 'station-a'))[0].status).toBe('applied');
    // Station A chained its own offline edit on its version 1 → 2; version 2 is B's, so this is a conflict.
    const [stale] = await put('note-rev-0103', 'station-a', 'two by a', 2, 'station-a');
    expect(stale).toMatchObject({ status: 'conflict', current: { text: 'two by b', version: 2, stationId: 'station-b' } });
  });
});
