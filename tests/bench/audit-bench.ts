/**
 * Audit chain verification: M events appended with the product's `appendAuditEvent` (each also writes an outbox
 * row), then the sliced verification `audit.verify` runs, timed against a raw SELECT of the same rows hashing each row's text with SHA-256.
 */
import { createHash } from 'node:crypto';
import { appendAuditEvent } from '../../src-main/backend/audit/append-audit-event';
import { verifyStoredChainInSlices } from '../../src-main/backend/audit/verify-stored-chain';
import type { Store } from '../../src-main/backend/store/open-store';
import { type MemoryPeak, round, RssSampler, timed } from './measure';

const BATCH = 10_000;
const ONE_MILLION = 1_000_000;

export interface AuditResult {
  events: number;
  append: { seconds: number; eventsPerSecond: number };
  /** verify and baseline: the faster of two runs of each, in ABBA order. */
  verify: { seconds: number; eventsPerSecond: number; extrapolatedSecondsFor1M: number; memory: MemoryPeak };
  baseline: { seconds: number; eventsPerSecond: number; extrapolatedSecondsFor1M: number };
  /** verify events/s ÷ baseline events/s. */
  ratio: number;
  /** The same ratio in process CPU time: less sensitive to other processes' load. */
  cpuRatio: number;
  baselineNote: string;
}

export const AUDIT_BASELINE_NOTE =
  'baseline = SELECT of the same columns ORDER BY seq, SHA-256 of each row\'s fields joined as text; no canonical JSON, no details parsing, no link checks';

// What a station's log is mostly made of, with details of realistic size.
const ACTIONS = [
  { action: 'individual.viewed', entity: 'individual', details: () => ({}) },
  { action: 'enrollment.started', entity: 'enrollment', details: (i: number) => ({ categories: ['GS', 'S24'].slice(0, 1 + (i % 2)), window: 'regular' }) },
  { action: 'session.signedIn', entity: 'staff', details: () => ({ via: 'password' }) },
  { action: 'individuals.imported', entity: 'individual', details: (i: number) => ({ source: `file-${i}.jsonl`, records: 120, inserted: 100, updated: 20 }) },
] as const;

export async function benchAudit(store: Store, events: number, start: Date, stationId: string): Promise<AuditResult> {
  const db = store.db;
  const appended = await timed(() => {
    for (let done = 0; done < events; ) {
      const end = Math.min(events, done + BATCH);
      db.exec('BEGIN IMMEDIATE');
      try {
        for (let i = done; i < end; i++) {
          const kind = ACTIONS[i % ACTIONS.length];
          appendAuditEvent(
            db,
            { staffId: 1 + (i % 7), action: kind.action, entity: kind.entity, entityId: String(1_000_000 + ((i * 7_919) % 9_000_000)), details: kind.details(i) },
            new Date(start.getTime() + i * 1_000),
            stationId,
          );
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      done = end;
    }
  });

  // Two rounds in ABBA order, the faster of each kept: a burst of load from another process must not decide the ratio.
  const sampler = new RssSampler().start();
  const verifyRuns: { ms: number; cpuMs: number }[] = [];
  const rawRuns: { ms: number; cpuMs: number }[] = [];
  for (const order of [['verify', 'raw'], ['raw', 'verify']] as const) {
    for (const which of order) {
      if (which === 'verify') verifyRuns.push(await timed(() => verifyOnce(store, events, () => sampler.sample())));
      else rawRuns.push(await timed(() => rawScanOnce(store, events)));
    }
  }
  const memory = sampler.stop();
  const verifyBest = Math.min(...verifyRuns.map((r) => r.ms));
  const rawBest = Math.min(...rawRuns.map((r) => r.ms));
  const cpuRatio = Math.min(...rawRuns.map((r) => r.cpuMs)) / Math.min(...verifyRuns.map((r) => r.cpuMs));
  const verifyRate = events / (verifyBest / 1000);
  const rawRate = events / (rawBest / 1000);
  return {
    events,
    append: { seconds: round(appended.ms / 1000, 3), eventsPerSecond: Math.round(events / (appended.ms / 1000)) },
    verify: { seconds: round(verifyBest / 1000, 3), eventsPerSecond: Math.round(verifyRate), extrapolatedSecondsFor1M: round(ONE_MILLION / verifyRate, 2), memory },
    baseline: { seconds: round(rawBest / 1000, 3), eventsPerSecond: Math.round(rawRate), extrapolatedSecondsFor1M: round(ONE_MILLION / rawRate, 2) },
    ratio: round(verifyRate / rawRate, 3),
    cpuRatio: round(cpuRatio, 3),
    baselineNote: AUDIT_BASELINE_NOTE,
  };
}

/** The path `audit.verify` takes from the supervisor's Integrity screen: slices, progress, event-loop turns. */
async function verifyOnce(store: Store, events: number, onProgress: () => void): Promise<void> {
  const report = await verifyStoredChainInSlices(store.db, onProgress);
  if (!report.ok || report.checked !== events) throw new Error(`audit.verify's check did not accept the freshly written chain: ${JSON.stringify(report)}`);
}

/** The baseline: the same rows in the same order, each row's fields joined as text and hashed. */
function rawScanOnce(store: Store, events: number): void {
  const rows = store.db
    .prepare(`SELECT seq, at, staff_id, station_id, action, entity, entity_id, details, prev_hash, hash FROM audit_event ORDER BY seq`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  let n = 0;
  for (const row of rows) {
    createHash('sha256').update(row.join('\u001f')).digest('hex');
    n += 1;
  }
  if (n !== events) throw new Error(`the raw scan saw ${n} of ${events} events`);
}
