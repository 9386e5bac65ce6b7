/**
 * `note.put`: free text about an individual (DESIGN §4: never silently lost). The server keeps a version counter;
 * a write must name the version it edited (`baseVersion`, 0 for a new note). A stale base is a conflict that
 * returns the current note, so the station can keep both texts and show them.
 *
 * A reviewer's note (issue 5) also names its `category` ('' = the individual as a whole) and is recorded in the
 * change feed, so every station gets it. Such a station chains its offline edits (each builds on the version the
 * previous one will get), so it also names who wrote the version it edited (`baseStationId`): a version number
 * reached by another station's write is then a conflict too, never a coincidence that overwrites that text.
 */
import { z } from 'zod';
import { crd } from '../../../src-main/contract/schemas';
import { NoteRow } from '../../store/entities';
import { recordChange } from '../change-log';
import { commandHandler } from './command-handler';

const payload = z
  .object({
    id: z.string().min(1).max(100),
    crd,
    text: z.string().max(20_000),
    baseVersion: z.number().int().min(0),
    category: z.string().max(12).optional(),
    baseStationId: z.string().min(1).max(100).optional(),
    updatedBy: z.string().max(100).optional(),
  })
  // A review note's id is its change-feed entity id (64 characters at most).
  .refine((p) => p.category === undefined || p.id.length <= 64, { message: 'a review note id has at most 64 characters', path: ['id'] });

export const notePut = commandHandler({
  payload,
  async apply(em, command, note: z.infer<typeof payload>, now) {
    const current = await em.findOneBy(NoteRow, { id: note.id });
    if (current && current.crd !== note.crd) {
      return { status: 'rejected', reason: `payload.crd: note ${note.id} belongs to CRD ${current.crd}, not ${note.crd}` };
    }
    const version = current?.version ?? 0;
    const otherWriter = current !== null && note.baseStationId !== undefined && current.stationId !== note.baseStationId;
    if (note.baseVersion !== version || otherWriter) {
      return {
        status: 'conflict',
        reason: otherWriter
          ? `note ${note.id} version ${version} was written by ${current.stationId}, not ${note.baseStationId} as the station's edit assumed`
          : `note ${note.id} is at version ${version} on the server, the station edited version ${note.baseVersion}`,
        current: current ?? null,
      };
    }
    // The category is the note's subject, fixed when it is created.
    const category = current ? current.category : (note.category ?? null);
    await em.save(NoteRow, {
      id: note.id, crd: note.crd, text: note.text, version: version + 1, stationId: command.stationId, updatedAt: now.toISOString(),
      category, updatedBy: note.updatedBy ?? null,
    });
    if (category !== null) await recordChange(em, 'note', note.id, 'upsert', now);
    return { status: 'applied' };
  },
});
