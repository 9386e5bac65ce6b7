/** The pull cursor and last successful sync, kept in the station's settings table. */
import type BetterSqlite3 from 'better-sqlite3';

const get = (db: BetterSqlite3.Database, key: string) =>
  (db.prepare(`SELECT value FROM setting WHERE key = ?`).pluck().get(key) as string | undefined) ?? null;
const put = (db: BetterSqlite3.Database, key: string, value: string) =>
  db.prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value);

export const readCursor = (db: BetterSqlite3.Database) => get(db, 'sync.cursor');
export const writeCursor = (db: BetterSqlite3.Database, cursor: string) => put(db, 'sync.cursor', cursor);
export const readLastSyncAt = (db: BetterSqlite3.Database) => get(db, 'sync.lastSuccessAt');
export const writeLastSyncAt = (db: BetterSqlite3.Database, at: Date) => put(db, 'sync.lastSuccessAt', at.toISOString());

/** Where this station syncs: set by `mqp sync`, the settings screen, or the embedded training service. */
export function readCentralConfig(db: BetterSqlite3.Database): { url: string; token: string } | null {
  const url = get(db, 'central.url');
  const token = get(db, 'central.token');
  return url && token ? { url, token } : null;
}
export function writeCentralConfig(db: BetterSqlite3.Database, config: { url: string; token: string }): void {
  put(db, 'central.url', config.url);
  put(db, 'central.token', config.token);
}
