/**
 * Recomputes the audit chain and names the first broken link: a changed event (hash mismatch), a removed or
 * reordered one (seq gap, prevHash not the previous hash). Streams rows, so a million events fit in little memory.
 */
import { auditHash, GENESIS_HASH, storedAuditHash, type ChainedFields } from './audit-hash';

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
}

/**
 * Checks events given in chain order, from the genesis, or from `start` for a slice (an export of a date range:
 * its first event's seq and prevHash are taken as given).
 */
export function verifyEvents(
  events: Iterable<ChainedFields & { hash: string }>,
  onProgress?: (checked: number) => void,
  start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH },
): ChainReport {
  let expectedSeq = start.seq;
  let prevHash = start.prevHash;
  let checked = 0;
  for (const e of events) {
    const problem = checkOne(e, expectedSeq, prevHash);
    if (problem) return { ok: false, checked, firstBroken: { seq: e.seq, problem } };
    prevHash = e.hash;
    expectedSeq = e.seq + 1;
    checked += 1;
    if (onProgress && checked % 50_000 === 0) onProgress(checked);
  }
  return { ok: true, checked, firstBroken: null };
}

function checkOne(e: ChainedFields & { hash: string }, expectedSeq: number, prevHash: string): string | null {
  if (e.seq !== expectedSeq) return `expected event ${expectedSeq} here but found event ${e.seq}: events are missing or out of order`;
  if (e.prevHash !== prevHash) return `its prevHash does not match the hash of event ${e.seq - 1}`;
  if (storedAuditHash(e) === e.hash) return null;
  let recomputed: string;
  try {
    recomputed = auditHash(e);
  } catch {
    return 'its details are not valid JSON';
  }
  if (recomputed !== e.hash) return 'its content does not match its hash: the event was altered';
  return null;
}
