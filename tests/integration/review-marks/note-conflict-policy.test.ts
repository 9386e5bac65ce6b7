/** The note conflict policy, case by case: a pulled note never silently replaces text this station still has waiting. */
import { describe, expect, it } from 'vitest';
import { pulledNoteAction, type HeldNote, type PulledNote } from '../../../src-main/backend/services/review-marks/note-conflict-policy';

const HERE = 'station-here';
const pulled = (version: number, stationId = 'station-there'): PulledNote => ({ version, stationId });
const held = (version: number, conflictVersion: number | null = null): HeldNote => ({ version, conflictVersion });

describe('pulledNoteAction', () => {
  it.each([
    ['a note this station has never seen is taken', pulled(1), null, [], 'take'],
    ['a newer version with nothing of ours waiting is taken', pulled(3), held(2), [], 'take'],
    ['our own write coming back with nothing waiting is taken (same text, new version)', pulled(2, HERE), held(1), [], 'take'],
    ['an older version with nothing waiting is ignored', pulled(1), held(2), [], 'ignore'],
    ['another station\'s newer text under our waiting edit is a conflict: both kept', pulled(2), held(1), [1], 'conflict'],
    ['a conflict with the oldest of several chained edits of ours', pulled(2), held(1), [1, 2, 3], 'conflict'],
    ['the version our waiting edit was built on is not news', pulled(1), held(1), [1], 'ignore'],
    ['our own earlier write coming back while a later edit waits moves only the version', pulled(2, HERE), held(1), [2], 'version-only'],
    ['our own write we already know of changes nothing', pulled(2, HERE), held(2), [2], 'ignore'],
    ['the other text already kept as the conflict is not recorded twice', pulled(3), held(1, 3), [1], 'ignore'],
    ['a still newer text from elsewhere replaces the kept conflict text', pulled(4), held(1, 3), [1], 'conflict'],
  ] as const)('%s', (_name, p, h, waiting, expected) => {
    expect(pulledNoteAction(p, h, [...waiting], HERE).kind).toBe(expected);
  });
});
