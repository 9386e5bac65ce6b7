/**
 * Appends one event to the hash chain. Must run inside the caller's write transaction (BEGIN IMMEDIATE), so the
 * event commits or rolls back together with the change it describes, and no other writer can fork the chain.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { canonicalJson } from './canonical-json';
import { enqueueCommand } from '../sync/outbox';
import { prepared } from '../store/prepared';

export interface NewAuditEvent {
  staffId: number | null;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** Synchronous on the raw connection, which is the same connection (and transaction) TypeORM uses. */
export function appendAuditEvent(
  db: BetterSqlite3.Database,
  event: NewAuditEvent,
  at: Date,
  stationId: string,
): { seq: number; hash: string } {
  if (!db.inTransaction) throw new Error('appendAuditEvent must run inside the write transaction of its change');
  const last = prepared(db, `SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string } | undefined;
  const fields = {
    seq: last ? last.seq + 1 : 1,
    at: at.toISOString(),
    staffId: event.staffId,
    stationId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    details: canonicalJson(event.details ?? {}),
    prevHash: last ? last.hash : GENESIS_HASH,
  };
  const hash = auditHash(fields);
  prepared(
    db,
    `INSERT INTO audit_event (seq, at, staff_id, station_id, action, entity, entity_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(fields.seq, fields.at, fields.staffId, fields.stationId, fields.action, fields.entity, fields.entityId, fields.details, fields.prevHash, hash);
  // DESIGN §6: the central copy of the chain is what makes a local rewrite detectable.
  enqueueCommand(db, { key: `audit:${stationId}:${fields.seq}`, type: 'audit.append', payload: { ...fields, hash } }, at);
  return { seq: fields.seq, hash };
}
