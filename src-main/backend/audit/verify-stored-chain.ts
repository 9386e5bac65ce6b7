/** Verifies the chain stored in the station database, streaming rows in seq order. */
import type BetterSqlite3 from 'better-sqlite3';
import { verifyEvents, type ChainReport } from './verify-chain';
import type { ChainedFields } from './audit-hash';

type Row = ChainedFields & { hash: string };

export function verifyStoredChain(db: BetterSqlite3.Database, onProgress?: (checked: number) => void): ChainReport {
  const rows = db
    .prepare(
      `SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId,
              details, prev_hash AS prevHash, hash
       FROM audit_event ORDER BY seq`,
    )
    .iterate() as IterableIterator<Row>;
  return verifyEvents(rows, onProgress);
}
