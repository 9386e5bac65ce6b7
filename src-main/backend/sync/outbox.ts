/**
 * The outbox (DESIGN §4): a row per accepted change, written in the same transaction as the change, its id the
 * idempotency key. Rows leave only when the central service acknowledges them; rejected ones are parked and shown.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Command, CommandResult } from '../../contract/central-api';
import { prepared } from '../store/prepared';

export interface OutboxCounts {
  pending: number;
  failed: number;
  conflict: number;
}

export interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  createdAt: string;
  attempts: number;
}

/** Queues a command inside the caller's transaction. */
export function enqueueCommand(
  db: BetterSqlite3.Database,
  command: { type: string; payload: Record<string, unknown>; key?: string },
  now: Date,
): string {
  if (!db.inTransaction) throw new Error('enqueueCommand must run inside the transaction of the change it carries');
  const id = command.key ?? randomUUID();
  prepared(
    db,
    `INSERT INTO outbox (id, type, payload, created_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', 0, ?)`,
  ).run(id, command.type, JSON.stringify(command.payload), now.toISOString(), now.toISOString());
  return id;
}

/** The oldest pending rows whose next attempt is due, in the order they were accepted. */
export function dueCommands(db: BetterSqlite3.Database, now: Date, limit: number): OutboxRow[] {
  return db
    .prepare(
      `SELECT id, type, payload, created_at AS createdAt, attempts FROM outbox
       WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY rowid LIMIT ?`,
    )
    .all(now.toISOString(), limit) as OutboxRow[];
}

export function toCommand(row: OutboxRow, stationId: string): Command {
  return { key: row.id, type: row.type, stationId, createdAt: row.createdAt, payload: JSON.parse(row.payload) as Record<string, unknown> };
}

/** Applies the central service's verdicts: acknowledged rows leave, the others are parked with the reason. */
export function settleResults(db: BetterSqlite3.Database, results: CommandResult[]): { acknowledged: number; parked: number } {
  const remove = db.prepare(`DELETE FROM outbox WHERE id = ?`);
  const park = db.prepare(`UPDATE outbox SET status = ?, last_error = ?, conflict_current = ? WHERE id = ?`);
  let acknowledged = 0;
  let parked = 0;
  for (const r of results) {
    if (r.status === 'applied' || r.status === 'duplicate') {
      acknowledged += remove.run(r.key).changes;
    } else if (r.status === 'rejected') {
      parked += park.run('failed', `rejected by the central service: ${r.reason}`, null, r.key).changes;
    } else {
      parked += park.run('conflict', r.reason, JSON.stringify(r.current ?? null), r.key).changes;
    }
  }
  return { acknowledged, parked };
}

/** A send failed (offline, 5xx, timeout): count the attempt, schedule the next, park after too many. */
export function deferCommands(
  db: BetterSqlite3.Database,
  ids: string[],
  error: string,
  nextAttemptAt: (attempts: number) => Date,
  maxAttempts: number,
): void {
  const get = db.prepare(`SELECT attempts FROM outbox WHERE id = ?`).pluck();
  const update = db.prepare(`UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, status = ? WHERE id = ?`);
  for (const id of ids) {
    const attempts = ((get.get(id) as number | undefined) ?? 0) + 1;
    const status = attempts >= maxAttempts ? 'failed' : 'pending';
    const reason = status === 'failed' ? `gave up after ${attempts} attempts; last error: ${error}` : error;
    update.run(attempts, nextAttemptAt(attempts).toISOString(), reason, status, id);
  }
}

/** Parked rows go back to the queue when a person asks for a retry; nothing is ever dropped. */
export function requeueParked(db: BetterSqlite3.Database, now: Date): number {
  return db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'failed'`).run(now.toISOString()).changes;
}

export function outboxCounts(db: BetterSqlite3.Database): OutboxCounts {
  const rows = db.prepare(`SELECT status, count(*) AS n FROM outbox GROUP BY status`).all() as { status: keyof OutboxCounts; n: number }[];
  const counts: OutboxCounts = { pending: 0, failed: 0, conflict: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** When the next row falls due, so a sync loop can sleep until then. */
export function nextDueAt(db: BetterSqlite3.Database): Date | null {
  const at = db.prepare(`SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'`).pluck().get() as string | null;
  return at ? new Date(at) : null;
}
