/** GET /__admin/stats: rows per table and the latest cursor, for tests and for watching a training run. */
import type BetterSqlite3 from 'better-sqlite3';
import { latestSeq } from './change-log';

export function centralStats(db: BetterSqlite3.Database, tables: string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const pendingEnrollments = db.prepare(`SELECT COUNT(*) FROM enrollment WHERE status = 'payment_pending'`).pluck().get() as number;
  return { tables: counts, latestCursor: String(latestSeq(db)), pendingEnrollments };
}
