/**
 * Reviewers' notes on an individual or one of their registrations (issue 5). Written offline: each save is one
 * `note.put` in the outbox, building on the version the previous one will get. When another station changed the
 * same note, both texts are kept (apply-review-changes.ts) until a person resolves it here.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../contract';
import { requireStaff, type HandlerContext, type HandlerMap } from '../handler-context';
import { dropWaitingNotePuts, enqueueNotePut, waitingNotePuts } from './note-outbox';
import { loadNote, notesOf, toNoteView, type ReviewNoteRow } from './review-note-rows';

export const noteHandlers: HandlerMap<'note.list' | 'note.save' | 'note.resolve'> = {
  'note.list': (input, ctx) => {
    const waiting = new Set(waitingNotePuts(ctx.db, { crd: input.crd }).map((w) => w.payload.id));
    return notesOf(ctx.db, input.crd).map((row) => toNoteView(row, waiting.has(row.id)));
  },

  'note.save': (input, ctx) => {
    const staff = requireStaff(ctx);
    const at = ctx.now.toISOString();
    if (input.id === null) {
      const category = input.category ?? '';
      checkSubject(ctx, input.crd, category);
      const id = randomUUID();
      // Never synced: version 0; once this first put applies, the central service calls it version 1.
      ctx.db
        .prepare(
          `INSERT INTO review_note (id, crd, category, text, version, head_version, updated_by, station_id, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?)`,
        )
        .run(id, input.crd, category, input.text, staff.displayName, ctx.stationId, at);
      enqueueNotePut(ctx.db, { id, crd: input.crd, category, text: input.text, baseVersion: 0, updatedBy: staff.displayName }, ctx.now);
      // The words stay in the note; the audit records that it was written, by whom and when.
      ctx.audit({ action: 'note.created', entity: 'individual', entityId: input.crd, details: { noteId: id, category, length: input.text.length } });
      return view(ctx, id);
    }

    const note = existingNote(ctx, input.id);
    if (note.crd !== input.crd) throw invalid('crd', `note ${note.id} is about CRD ${note.crd}, not ${input.crd}`);
    if ((input.category ?? '') !== note.category) throw invalid('category', 'a note stays with the registration it was written for; write a new note instead');
    if (note.conflictText !== null) {
      throw new AppError('CONFLICT', 'Another station changed this note too. Choose the text to keep (resolve the conflict) before editing it again.', { noteId: note.id });
    }
    if (note.text === input.text) return view(ctx, note.id);

    // Chained on our own waiting edits when there are any; on the central version we saw otherwise.
    const baseVersion = note.headVersion;
    const baseStationId = note.headVersion > note.version ? ctx.stationId : note.stationId;
    ctx.db
      .prepare(`UPDATE review_note SET text = ?, head_version = ?, updated_by = ?, station_id = ?, updated_at = ? WHERE id = ?`)
      .run(input.text, baseVersion + 1, staff.displayName, ctx.stationId, at, note.id);
    enqueueNotePut(ctx.db, { id: note.id, crd: note.crd, category: note.category, text: input.text, baseVersion, baseStationId, updatedBy: staff.displayName }, ctx.now);
    ctx.audit({ action: 'note.edited', entity: 'individual', entityId: note.crd, details: { noteId: note.id, category: note.category, baseVersion, length: input.text.length } });
    return view(ctx, note.id);
  },

  'note.resolve': (input, ctx) => {
    const staff = requireStaff(ctx);
    const note = existingNote(ctx, input.id);
    if (note.conflictText === null || note.conflictVersion === null) {
      throw new AppError('CONFLICT', 'This note has no other version waiting to be resolved. Reload the notes; to change it, edit it instead.', { noteId: note.id });
    }
    const kept = input.text === note.text ? 'ours' : input.text === note.conflictText ? 'theirs' : 'merged';
    // The chosen text replaces our waiting edits (the person saw our latest text) and builds on the central one.
    const replaced = dropWaitingNotePuts(ctx.db, note.id);
    const baseVersion = note.conflictVersion;
    const baseStationId = note.conflictStation ?? undefined;
    ctx.db
      .prepare(
        `UPDATE review_note SET text = ?, version = ?, head_version = ?, updated_by = ?, station_id = ?, updated_at = ?,
           conflict_text = NULL, conflict_station = NULL, conflict_at = NULL, conflict_version = NULL WHERE id = ?`,
      )
      .run(input.text, baseVersion, baseVersion + 1, staff.displayName, ctx.stationId, ctx.now.toISOString(), note.id);
    enqueueNotePut(ctx.db, { id: note.id, crd: note.crd, category: note.category, text: input.text, baseVersion, baseStationId, updatedBy: staff.displayName }, ctx.now);
    ctx.audit({
      action: 'note.resolved', entity: 'individual', entityId: note.crd,
      details: { noteId: note.id, category: note.category, kept, otherStation: note.conflictStation, baseVersion, replacedCommands: replaced, length: input.text.length },
    });
    return view(ctx, note.id);
  },
};

function existingNote(ctx: HandlerContext, id: string): ReviewNoteRow {
  const note = loadNote(ctx.db, id);
  if (!note) throw new AppError('NOT_FOUND', `There is no note ${id} on this station. Reload the individual's notes.`);
  return note;
}

/** A note is about an individual this station holds, and, when it names a category, one of their registrations. */
function checkSubject(ctx: HandlerContext, crd: string, category: string) {
  const individual = ctx.db.prepare(`SELECT id FROM individual WHERE crd = ?`).pluck().get(crd) as number | undefined;
  if (individual === undefined) throw new AppError('NOT_FOUND', `There is no individual with CRD ${crd} on this station. Search again, or sync and retry.`);
  if (category === '') return;
  const registered = ctx.db.prepare(`SELECT 1 FROM registration WHERE individual_id = ? AND category = ?`).get(individual, category);
  if (!registered) throw invalid('category', `CRD ${crd} has no ${category} registration; choose one of theirs, or write the note on the individual`);
}

function view(ctx: HandlerContext, id: string) {
  const row = loadNote(ctx.db, id)!;
  return toNoteView(row, waitingNotePuts(ctx.db, { noteId: id }).length > 0);
}

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `${field}: ${message}`, { issues: [{ path: [field], message }] });
}
