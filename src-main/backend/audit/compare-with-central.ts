/**
 * Compares the local audit chain with the central service's copy (DESIGN §6). The local chain can be rewritten
 * and every hash recomputed so that it verifies on its own; the copy the central service received earlier
 * cannot, so the first (seq, hash) that differs names the rewrite.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CentralClient } from '../sync/central-client';
import { chainStart } from './audit-anchor';

export interface CentralComparison {
  ok: boolean;
  /** Events present on both sides and compared. */
  compared: number;
  /** Local events the central service has not received yet (still in the outbox). */
  notYetAtCentral: number;
  firstMismatch: { seq: number; problem: string } | null;
}

const PAGE = 5000;

export async function compareWithCentral(db: BetterSqlite3.Database, client: CentralClient, stationId: string): Promise<CentralComparison> {
  const localHash = db.prepare(`SELECT hash FROM audit_event WHERE seq = ?`).pluck();
  const localCount = db.prepare(`SELECT count(*) FROM audit_event`).pluck().get() as number;
  let compared = 0;
  // Events before the anchor were let go locally under retention, after the central service confirmed them.
  let fromSeq = chainStart(db).seq;
  for (;;) {
    const { events } = await client.auditHashes(stationId, fromSeq, PAGE);
    for (const e of events) {
      const local = localHash.get(e.seq) as string | undefined;
      if (local === undefined) return result(false, { seq: e.seq, problem: 'the central service holds this event but the station does not: it was removed here' });
      if (local !== e.hash) return result(false, { seq: e.seq, problem: 'the station’s event differs from the copy the central service received: it was rewritten here' });
      compared += 1;
    }
    if (events.length < PAGE) break;
    fromSeq = events[events.length - 1].seq + 1;
  }
  return result(true, null);

  function result(ok: boolean, firstMismatch: CentralComparison['firstMismatch']): CentralComparison {
    return { ok, compared, notYetAtCentral: Math.max(0, localCount - compared), firstMismatch };
  }
}
