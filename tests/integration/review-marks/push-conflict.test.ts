/**
 * A note.put the central service answers `conflict` is parked in the outbox with the central note; the next applied
 * page records that text on the note next to ours, even when the page itself does not carry the note.
 */
import { afterEach, expect, it } from 'vitest';
import { applyChangesPage } from '../../../src-main/backend/sync/apply-changes';
import { settleResults } from '../../../src-main/backend/sync/outbox';
import { enqueueNotePut } from '../../../src-main/backend/services/review-marks/note-outbox';
import { loadNote } from '../../../src-main/backend/services/review-marks/review-note-rows';
import { openStore } from '../../../src-main/backend/store/open-store';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir();
afterEach(() => dir.cleanup());

it('records the central text of a refused put as the conflict, keeping the station text', async () => {
  const store = await openStore(dir.path);
  const db = store.db;
  const now = new Date('2024-09-01T15:00:00Z');
  db.prepare(
    `INSERT INTO review_note (id, crd, category, text, version, head_version, updated_by, station_id, updated_at) VALUES ('n1', '501', '', 'ours', 1, 2, 'Dana', 'station-here', ?)`,
  ).run(now.toISOString());
  const key = db.transaction(() => enqueueNotePut(db, { id: 'n1', crd: '501', category: '', text: 'ours', baseVersion: 1, baseStationId: 'station-here', updatedBy: 'Dana' }, now))();

  const current = { id: 'n1', crd: '501', text: 'theirs', version: 2, stationId: 'station-there', updatedAt: '2024-09-01T14:00:00.000Z', category: '', updatedBy: 'Lee' };
  db.transaction(() => settleResults(db, [{ key, status: 'conflict', reason: 'note n1 is at version 2', current }]))();
  applyChangesPage(db, { changes: [], nextCursor: '0', hasMore: false, remaining: 0 }, '2024-09-01', now, 'station-here');

  expect(loadNote(db, 'n1')).toMatchObject({
    text: 'ours', version: 1, conflictText: 'theirs', conflictStation: 'station-there', conflictVersion: 2, conflictAt: '2024-09-01T14:00:00.000Z',
  });
  await store.close();
});
