import type BetterSqlite3 from 'better-sqlite3';

/** A demo station shows its documented demo accounts on the sign-in screen. */
export function isDemoStation(db: BetterSqlite3.Database): boolean {
  return (db.prepare(`SELECT value FROM setting WHERE key = 'demo'`).get() as { value: string } | undefined)?.value === 'true';
}
