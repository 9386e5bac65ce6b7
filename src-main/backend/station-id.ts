import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** The station's id for audit events: given, or generated once and kept with the database. */
export function ensureStationId(db: BetterSqlite3.Database, given?: string): string {
  const stored = db.prepare(`SELECT value FROM setting WHERE key = 'station_id'`).pluck().get() as string | undefined;
  if (stored && (!given || given === stored)) return stored;
  const id = given ?? `station-${randomUUID()}`;
  db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('station_id', ?)`).run(id);
  return id;
}
