/**
 * Pulled review notes and flags, applied inside the sync engine's page transaction (sync/apply-changes.ts).
 * Notes follow note-conflict-policy.ts: a note with a local edit waiting keeps our text AND the other station's,
 * side by side, until a person resolves it. Flags merge: a pulled flag is set or cleared unless this station has
 * its own change to it waiting (which the central service will merge and send back).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { parseReviewMarkId, reviewMarkId, type ReviewMarkRecord, type ReviewNoteRecord } from '../../../contract/central-api';
import { prepared } from '../../store/prepared';
import { waitingMarkIds } from './mark-outbox';
import { byNote, waitingNotePuts, type WaitingNotePut } from './note-outbox';
import { pulledNoteAction } from './note-conflict-policy';
import { loadNote } from './review-note-rows';

/** Another station's text as the central service holds it (a pulled note, or the `current` of a refused put). */
interface OtherText {
  text: string;
  stationId: string;
  updatedAt: string;
  version: number;
}

export function reviewChangeApplier(db: BetterSqlite3.Database, stationId: string) {
  // Read once per page, on first need: applying a page never touches the outbox.
  let waitingNotes: Map<string, WaitingNotePut[]> | null = null;
  let waitingMarks: Set<string> | null = null;
  const notesWaiting = (id: string) => (waitingNotes ??= byNote(waitingNotePuts(db, 'all'))).get(id) ?? [];
  const markWaiting = (id: string) => (waitingMarks ??= waitingMarkIds(db)).has(id);

  function recordConflict(id: string, other: OtherText) {
    prepared(db, `UPDATE review_note SET conflict_text = ?, conflict_station = ?, conflict_at = ?, conflict_version = ? WHERE id = ?`).run(
      other.text, other.stationId, other.updatedAt, other.version, id,
    );
  }

  return {
    note(pulled: ReviewNoteRecord) {
      const held = loadNote(db, pulled.id) ?? null;
      const waiting = notesWaiting(pulled.id);
      const action = pulledNoteAction(pulled, held, waiting.map((w) => w.payload.baseVersion), stationId);
      switch (action.kind) {
        case 'take':
          prepared(
            db,
            `INSERT INTO review_note (id, crd, category, text, version, head_version, updated_by, station_id, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET crd = excluded.crd, category = excluded.category, text = excluded.text,
               version = excluded.version, head_version = excluded.head_version, updated_by = excluded.updated_by,
               station_id = excluded.station_id, updated_at = excluded.updated_at,
               conflict_text = NULL, conflict_station = NULL, conflict_at = NULL, conflict_version = NULL`,
          ).run(pulled.id, pulled.crd, pulled.category, pulled.text, pulled.version, pulled.version, pulled.updatedBy ?? pulled.stationId, pulled.stationId, pulled.updatedAt);
          return;
        case 'version-only':
          prepared(db, `UPDATE review_note SET version = ? WHERE id = ?`).run(pulled.version, pulled.id);
          return;
        case 'conflict':
          recordConflict(pulled.id, pulled);
          return;
        case 'ignore':
          return;
      }
    },

    mark(pulled: ReviewMarkRecord) {
      if (markWaiting(reviewMarkId(pulled))) return;
      // Staff ids are per station: a flag set elsewhere names its station, not a local staff member.
      prepared(db, `INSERT OR IGNORE INTO review_mark (crd, category, flag, set_by, station_id, set_at) VALUES (?, ?, ?, NULL, ?, ?)`).run(
        pulled.crd, pulled.category, pulled.flag, pulled.stationId, pulled.setAt,
      );
    },

    removeMark(id: string) {
      if (markWaiting(id)) return;
      const { crd, category, flag } = parseReviewMarkId(id);
      prepared(db, `DELETE FROM review_mark WHERE crd = ? AND category = ? AND flag = ?`).run(crd, category, flag);
    },

    /**
     * A put the central service refused as a conflict is parked in the outbox with the central note; its text is
     * kept on the note next to ours (normally the pull already brought it; this covers a page that did not).
     */
    absorbPushConflicts() {
      for (const put of waitingNotePuts(db, 'conflicts')) {
        if (put.conflictCurrent === null) continue;
        const current = JSON.parse(put.conflictCurrent) as (OtherText & { id: string }) | null;
        const held = current ? loadNote(db, put.payload.id) : undefined;
        if (!current || !held) continue;
        if (held.conflictVersion === null || current.version > held.conflictVersion) recordConflict(held.id, current);
      }
    },
  };
}
