/**
 * GET /__admin/commands?type=: how often each command key arrived and with which verdict, plus — for test.echo —
 * how many effect rows it left. Tests assert "each command applied exactly once" against this.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface KeyCounts {
  type: string;
  applied: number;
  duplicate: number;
  rejected: number;
  conflict: number;
  /** test.echo only: rows in echo_message for this key (the effect itself, counted independently). */
  effects?: number;
}

export function commandCounts(db: BetterSqlite3.Database, type: string | null): Record<string, KeyCounts> {
  const rows = db
    .prepare(`SELECT key, type, status, COUNT(*) AS n FROM command_arrival WHERE (? IS NULL OR type = ?) GROUP BY key, type, status ORDER BY key`)
    .all(type, type) as { key: string; type: string; status: keyof KeyCounts; n: number }[];
  const keys: Record<string, KeyCounts> = {};
  for (const row of rows) {
    const counts = (keys[row.key] ??= { type: row.type, applied: 0, duplicate: 0, rejected: 0, conflict: 0 });
    (counts[row.status] as number) = row.n;
  }
  const effects = db.prepare(`SELECT command_key AS key, COUNT(*) AS n FROM echo_message GROUP BY command_key`).all() as { key: string; n: number }[];
  for (const { key, n } of effects) if (keys[key]?.type === 'test.echo') keys[key].effects = n;
  for (const counts of Object.values(keys)) if (counts.type === 'test.echo') counts.effects ??= 0;
  return keys;
}
