/** Call notes and the required disposition at wrap-up. Notes reach the central service through the outbox. */
import { randomUUID } from 'node:crypto';
import { enqueueCommand } from '../../sync/outbox';
import type { HandlerMap } from '../handler-context';
import { requireStaff } from '../handler-context';

export const callHandlers: HandlerMap<'call.addNote' | 'call.notes' | 'call.wrapUp'> = {
  'call.addNote': (input, ctx) => {
    const staff = requireStaff(ctx);
    const id = randomUUID();
    const at = ctx.now.toISOString();
    ctx.db.prepare(`INSERT INTO call_note (id, crd, staff_id, at, text) VALUES (?, ?, ?, ?, ?)`).run(id, input.crd, staff.id, at, input.text);
    enqueueCommand(ctx.db, { type: 'note.put', payload: { id, crd: input.crd, text: input.text, baseVersion: 0 } }, ctx.now);
    // The note's words stay in the note table; the audit records that it was written, by whom and when.
    ctx.audit({ action: 'call.noteAdded', entity: 'individual', entityId: input.crd, details: { noteId: id, length: input.text.length } });
    return { id, at };
  },
  'call.notes': (input, ctx) =>
    ctx.db
      .prepare(`SELECT n.id, n.at, s.display_name AS staff, n.text FROM call_note n JOIN staff s ON s.id = n.staff_id WHERE n.crd = ? ORDER BY n.at`)
      .all(input.crd) as { id: string; at: string; staff: string; text: string }[],
  'call.wrapUp': (input, ctx) => {
    const staff = requireStaff(ctx);
    const at = ctx.now.toISOString();
    ctx.db.prepare(`INSERT INTO call_wrap_up (crd, staff_id, at, disposition, draft_id) VALUES (?, ?, ?, ?, ?)`).run(input.crd, staff.id, at, input.disposition, input.draftId);
    ctx.audit({ action: 'call.wrappedUp', entity: 'individual', entityId: input.crd, details: { disposition: input.disposition, draftId: input.draftId } });
    return { at };
  },
};
