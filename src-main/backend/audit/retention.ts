/**
 * Local retention of audit events (issue 6). The app never deletes the audit record: the central service keeps
 * every event. A station lets go of its local copy of events older than the retention period (default six years,
 * SEC Rule 17a-4) and only once the central service has confirmed receiving them (their outbox row is gone).
 * Only a prefix of the chain goes, and the anchor keeps the last hash, so what stays still verifies.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { appendAuditEvent } from './append-audit-event';
import { ANCHOR_SETTING, readAuditAnchor, type AuditAnchor } from './audit-anchor';

export const RETENTION_SETTING = 'audit.retentionYears';
export const DEFAULT_RETENTION_YEARS = 6;

/** The trigger of migration 0001, recreated exactly after the local copy is trimmed. */
const NO_DELETE_TRIGGER = `CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN
      SELECT RAISE(ABORT, 'audit events are append-only');
    END`;

export function retentionYears(db: BetterSqlite3.Database): number {
  const value = db.prepare(`SELECT value FROM setting WHERE key = ?`).pluck().get(RETENTION_SETTING) as string | undefined;
  return value ? Number(value) : DEFAULT_RETENTION_YEARS;
}

export function saveRetentionYears(db: BetterSqlite3.Database, years: number): void {
  db.prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(RETENTION_SETTING, String(years));
}

export function retentionCutoff(now: Date, years: number): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff.toISOString();
}

/**
 * Lets go of the oldest events that are past retention and confirmed by the central service, in one transaction
 * with the new anchor and an audit event saying so. Returns how many went.
 */
export function applyRetention(db: BetterSqlite3.Database, now: Date, stationId: string, staffId: number | null): number {
  return db
    .transaction(() => {
      const cutoff = retentionCutoff(now, retentionYears(db));
      // The first event that must stay: too recent, or not yet confirmed by the central service.
      const keepFrom = db
        .prepare(
          `SELECT min(seq) FROM audit_event e WHERE e.at >= ?
             OR EXISTS (SELECT 1 FROM outbox o WHERE o.id = 'audit:' || ? || ':' || e.seq)`,
        )
        .pluck()
        .get(cutoff, stationId) as number | null;
      const last = (db.prepare(`SELECT max(seq) FROM audit_event`).pluck().get() as number | null) ?? 0;
      // The newest event always stays: the next one links to it (and takes the next seq).
      const throughSeq = Math.min(keepFrom === null ? last : keepFrom - 1, last - 1);
      const first = (db.prepare(`SELECT min(seq) FROM audit_event`).pluck().get() as number | null) ?? throughSeq + 1;
      if (throughSeq < first) return 0;
      const previousAnchor = readAuditAnchor(db)?.seq ?? null;
      const lastGone = db.prepare(`SELECT seq, hash, at FROM audit_event WHERE seq = ?`).get(throughSeq) as { seq: number; hash: string; at: string };
      db.exec(`DROP TRIGGER audit_event_no_delete`);
      const pruned = db.prepare(`DELETE FROM audit_event WHERE seq <= ?`).run(throughSeq).changes;
      db.exec(NO_DELETE_TRIGGER);
      const anchor: AuditAnchor = { seq: throughSeq + 1, hash: lastGone.hash, at: lastGone.at };
      db.prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(ANCHOR_SETTING, JSON.stringify(anchor));
      appendAuditEvent(
        db,
        { staffId, action: 'audit.retentionApplied', entity: 'audit', entityId: null, details: { pruned, throughSeq, anchorHash: anchor.hash, cutoff, previousAnchor } },
        now,
        stationId,
      );
      return pruned;
    })
    .immediate();
}
