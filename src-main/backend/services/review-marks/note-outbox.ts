/**
 * The `note.put` commands of reviewers' notes in the outbox: queued here, and — while the central service has not
 * acknowledged them — the sign that a note has a local edit waiting (pending, parked as failed, or parked as a
 * conflict). Call notes use `note.put` too; theirs carry no `category` and are not review notes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { enqueueCommand } from '../../sync/outbox';
import { prepared } from '../../store/prepared';

export interface NotePutPayload {
  id: string;
  crd: string;
  /** '' = the individual as a whole. */
  category: string;
  text: string;
  /** The central version this text builds on. */
  baseVersion: number;
  /** Who wrote that version; absent for a new note. */
  baseStationId?: string;
  updatedBy: string;
}

export interface WaitingNotePut {
  key: string;
  payload: NotePutPayload;
  status: 'pending' | 'failed' | 'conflict';
  /** For a parked conflict: the central service's note at the time (JSON), or null. */
  conflictCurrent: string | null;
}

export function enqueueNotePut(db: BetterSqlite3.Database, payload: NotePutPayload, now: Date): string {
  // `id` first: the outbox is searched by the payload's beginning (see waitingNotePuts).
  const { id, crd, category, text, baseVersion, baseStationId, updatedBy } = payload;
  return enqueueCommand(db, { type: 'note.put', payload: { id, crd, category, text, baseVersion, ...(baseStationId ? { baseStationId } : {}), updatedBy } }, now);
}

/**
 * Waiting review-note puts, oldest first; narrowed to one note, one individual, or all of them — or to the ones
 * parked as conflicts.
 */
export function waitingNotePuts(db: BetterSqlite3.Database, scope: { noteId: string } | { crd: string } | 'all' | 'conflicts'): WaitingNotePut[] {
  // LIKE only narrows the scan ('_' may match more); the parsed payload decides.
  const pattern = typeof scope === 'string' ? '%' : 'noteId' in scope ? `{"id":${JSON.stringify(scope.noteId)},%` : `%"crd":${JSON.stringify(scope.crd)},%`;
  const rows = prepared(
    db,
    `SELECT id AS key, payload, status, conflict_current AS conflictCurrent FROM outbox
     WHERE type = 'note.put' AND payload LIKE ? AND (? = 0 OR status = 'conflict') ORDER BY rowid`,
  ).all(pattern, scope === 'conflicts' ? 1 : 0) as { key: string; payload: string; status: WaitingNotePut['status']; conflictCurrent: string | null }[];
  const waiting: WaitingNotePut[] = [];
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Partial<NotePutPayload>;
    if (payload.category === undefined) continue; // a call note
    if (typeof scope !== 'string' && ('noteId' in scope ? payload.id !== scope.noteId : payload.crd !== scope.crd)) continue;
    waiting.push({ ...row, payload: payload as NotePutPayload });
  }
  return waiting;
}

/** Groups waiting puts by note id. */
export function byNote(puts: WaitingNotePut[]): Map<string, WaitingNotePut[]> {
  const map = new Map<string, WaitingNotePut[]>();
  for (const put of puts) {
    const list = map.get(put.payload.id);
    if (list) list.push(put);
    else map.set(put.payload.id, [put]);
  }
  return map;
}

/** A person settled the note's conflict: the edits waiting for it are replaced by the chosen text. */
export function dropWaitingNotePuts(db: BetterSqlite3.Database, noteId: string): number {
  const remove = prepared(db, `DELETE FROM outbox WHERE id = ?`);
  let dropped = 0;
  for (const put of waitingNotePuts(db, { noteId })) dropped += remove.run(put.key).changes;
  return dropped;
}
