/** Verifies the chain stored in the station database, streaming rows in seq order from its start (or anchor). */
import type BetterSqlite3 from 'better-sqlite3';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { chainStart } from './audit-anchor';
import { verifyEvents, type ChainReport } from './verify-chain';
import type { ChainedFields } from './audit-hash';

type Row = ChainedFields & { hash: string };

const SELECT = `SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId,
  details, prev_hash AS prevHash, hash FROM audit_event`;

export function verifyStoredChain(db: BetterSqlite3.Database, onProgress?: (checked: number) => void): ChainReport {
  const rows = db.prepare(`${SELECT} ORDER BY seq`).iterate() as IterableIterator<Row>;
  return verifyEvents(rows, onProgress, chainStart(db));
}

/**
 * The same check in slices, yielding to the event loop between them so progress reaches the console and other
 * work is not starved. Events appended while it runs are left for the next check.
 */
export async function verifyStoredChainInSlices(
  db: BetterSqlite3.Database,
  onProgress: (checked: number, total: number) => void,
  sliceSize = 100_000,
): Promise<ChainReport> {
  const start = chainStart(db);
  const last = (db.prepare(`SELECT max(seq) FROM audit_event`).pluck().get() as number | null) ?? 0;
  const total = Math.max(0, last - start.seq + 1);
  const slice = db.prepare(`${SELECT} WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`);
  let checked = 0;
  let next = start;
  onProgress(0, total);
  while (next.seq <= last) {
    // Streamed, not materialised: a slice of 100,000 rows as objects would cost hundreds of megabytes.
    // A gap (removed events) shows as a row whose seq is not the one expected: verifyEvents names it.
    let tail: Row | null = null;
    const rows = (function* () {
      for (const row of slice.iterate(next.seq, last, sliceSize) as IterableIterator<Row>) {
        tail = row;
        yield row;
      }
    })();
    const report = verifyEvents(rows, undefined, next);
    checked += report.checked;
    if (!report.ok) return { ...report, checked };
    if (tail === null) break;
    const lastRow: Row = tail;
    next = { seq: lastRow.seq + 1, prevHash: lastRow.hash };
    onProgress(checked, total);
    await yieldToEventLoop();
  }
  return { ok: true, checked, firstBroken: null };
}
