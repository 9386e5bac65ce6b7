/**
 * The write side of the pull stream: every change to an entity stations pull records (kind, id, op) under a new
 * sequence number, in the same transaction as the change itself.
 *
 * Why the sequence is monotonic in commit order — the property a cursor needs ("everything after N"):
 *  1. the number is taken from `change_counter` by an UPDATE inside the writing transaction, so it commits or rolls
 *     back with the change (a rolled-back number is never seen, and the counter never goes backwards);
 *  2. there is a single writer (CentralDb's queue; SQLite's database lock besides), so transactions that take
 *     numbers commit one after another in the order they took them. A reader can therefore never see N+1 while N
 *     is still uncommitted — the gap that breaks cursors built on sequences under concurrent writers.
 *  On PostgreSQL the UPDATE of the single counter row takes a row lock held to commit, which gives the same
 *  serialisation for every transaction that records a change.
 *
 * Compaction: `change_log` keeps one row per entity, the latest. A newer change deletes the older row and inserts a
 * new one, so a page after a cursor holds each entity once, in its current state (or as a tombstone).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import { ChangeCounter, ChangeLogEntry } from '../store/entities';

export type ChangeKind = 'individual' | 'enrollment' | 'learningPlanItem' | 'agreementVersion' | 'note' | 'mark';
export type ChangeOp = 'upsert' | 'delete';

/** Records one change inside the caller's transaction; returns its sequence number. */
export async function recordChange(em: EntityManager, kind: ChangeKind, entityId: string, op: ChangeOp, at: Date): Promise<number> {
  await em.increment(ChangeCounter, { id: 1 }, 'lastSeq', 1);
  const seq = Number((await em.findOneByOrFail(ChangeCounter, { id: 1 })).lastSeq);
  await em.delete(ChangeLogEntry, { kind, entityId });
  await em.insert(ChangeLogEntry, { seq, kind, entityId, op, changedAt: at.toISOString() });
  return seq;
}

/**
 * The bulk form for seeding on the raw connection, inside the caller's (single, IMMEDIATE) transaction: `record`
 * gives each change the next number; `finish` stores the last number issued in the counter.
 */
export function bulkChangeRecorder(db: BetterSqlite3.Database, at: Date): { record(kind: ChangeKind, entityId: string): void; finish(): number } {
  if (!db.inTransaction) throw new Error('bulkChangeRecorder must run inside the transaction of the changes');
  let last = latestSeq(db);
  const remove = db.prepare(`DELETE FROM change_log WHERE kind = ? AND entity_id = ?`);
  const insert = db.prepare(`INSERT INTO change_log (seq, kind, entity_id, op, changed_at) VALUES (?, ?, ?, 'upsert', ?)`);
  const changedAt = at.toISOString();
  return {
    record(kind, entityId) {
      remove.run(kind, entityId);
      insert.run(++last, kind, entityId, changedAt);
    },
    finish() {
      db.prepare(`UPDATE change_counter SET last_seq = ? WHERE id = 1`).run(last);
      return last;
    },
  };
}

export function latestSeq(db: BetterSqlite3.Database): number {
  return db.prepare(`SELECT last_seq FROM change_counter WHERE id = 1`).pluck().get() as number;
}
