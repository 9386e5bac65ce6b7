/**
 * Where the station's local chain starts. Nothing before it is kept locally once retention let it go (the central
 * service holds it); the anchor keeps the hash of the last event let go, so the chain still verifies from there.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from './audit-hash';

export interface AuditAnchor {
  /** The first event still kept. */
  seq: number;
  /** The hash that event links to (its prevHash). */
  hash: string;
  /** When the last event let go happened. */
  at: string;
}

export const ANCHOR_SETTING = 'audit.anchor';

export function readAuditAnchor(db: BetterSqlite3.Database): AuditAnchor | null {
  const value = db.prepare(`SELECT value FROM setting WHERE key = ?`).pluck().get(ANCHOR_SETTING) as string | undefined;
  return value ? (JSON.parse(value) as AuditAnchor) : null;
}

/** The start verifyEvents expects: the genesis, or the anchor. */
export function chainStart(db: BetterSqlite3.Database): { seq: number; prevHash: string } {
  const anchor = readAuditAnchor(db);
  return anchor ? { seq: anchor.seq, prevHash: anchor.hash } : { seq: 1, prevHash: GENESIS_HASH };
}
