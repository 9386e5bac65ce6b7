/** Reading reviewers' notes (table review_note) and shaping them for the console. */
import type BetterSqlite3 from 'better-sqlite3';
import type { NoteView } from '../../../contract/review-workspace';
import { prepared } from '../../store/prepared';

export interface ReviewNoteRow {
  id: string;
  crd: string;
  /** '' = the individual as a whole. */
  category: string;
  text: string;
  version: number;
  headVersion: number;
  updatedBy: string;
  stationId: string;
  updatedAt: string;
  conflictText: string | null;
  conflictStation: string | null;
  conflictAt: string | null;
  conflictVersion: number | null;
}

const COLUMNS = `id, crd, category, text, version, head_version AS headVersion, updated_by AS updatedBy, station_id AS stationId,
  updated_at AS updatedAt, conflict_text AS conflictText, conflict_station AS conflictStation, conflict_at AS conflictAt,
  conflict_version AS conflictVersion`;

export function loadNote(db: BetterSqlite3.Database, id: string): ReviewNoteRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM review_note WHERE id = ?`).get(id) as ReviewNoteRow | undefined;
}

/** An individual's notes: on the individual first, then per category, oldest first. */
export function notesOf(db: BetterSqlite3.Database, crd: string): ReviewNoteRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM review_note WHERE crd = ? ORDER BY category, updated_at, id`).all(crd) as ReviewNoteRow[];
}

export function toNoteView(row: ReviewNoteRow, pending: boolean): NoteView {
  return {
    id: row.id,
    crd: row.crd,
    category: row.category === '' ? null : row.category,
    text: row.text,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    pending,
    conflict:
      row.conflictText === null
        ? null
        : { text: row.conflictText, stationId: row.conflictStation ?? '', updatedAt: row.conflictAt ?? '', version: row.conflictVersion ?? 0 },
  };
}
