/**
 * `note.put`: free text about an individual (DESIGN §4: never silently lost). The server keeps a version counter;
 * a write must name the version it edited (`baseVersion`, 0 for a new note). A stale base is a conflict that
 * returns the current note, so the station can keep both texts and show them.
 */
import { z } from 'zod';
import { crd } from '../../../src-main/contract/schemas';
import { NoteRow } from '../../store/entities';
import { commandHandler } from './command-handler';

const payload = z.object({
  id: z.string().min(1).max(100),
  crd,
  text: z.string().max(20_000),
  baseVersion: z.number().int().min(0),
});

export const notePut = commandHandler({
  payload,
  async apply(em, command, note: z.infer<typeof payload>, now) {
    const current = await em.findOneBy(NoteRow, { id: note.id });
    if (current && current.crd !== note.crd) {
      return { status: 'rejected', reason: `payload.crd: note ${note.id} belongs to CRD ${current.crd}, not ${note.crd}` };
    }
    const version = current?.version ?? 0;
    if (note.baseVersion !== version) {
      return {
        status: 'conflict',
        reason: `note ${note.id} is at version ${version} on the server, the station edited version ${note.baseVersion}`,
        current: current ?? null,
      };
    }
    await em.save(NoteRow, {
      id: note.id, crd: note.crd, text: note.text, version: version + 1, stationId: command.stationId, updatedAt: now.toISOString(),
    });
    return { status: 'applied' };
  },
});
