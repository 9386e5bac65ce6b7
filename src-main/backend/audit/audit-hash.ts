/** DESIGN §6: hash = SHA-256(canonical JSON of the event without `hash`, including `prevHash`). */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  staffId: number | null;
  stationId: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** Already canonical JSON text, hashed as the parsed value so formatting cannot matter. */
  details: string;
  prevHash: string;
}

export function auditHash(e: ChainedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    staffId: e.staffId,
    stationId: e.stationId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    details: JSON.parse(e.details) as unknown,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The same hash for an event as stored, whose `details` text was written by canonicalJson: the canonical body is
 * assembled around that text instead of parsing and re-serialising it (the top-level keys in canonical order). It is
 * only a faster way to the same bytes; callers fall back to auditHash when it disagrees, so differently formatted
 * (but equal) details are never reported as altered.
 */
export function storedAuditHash(e: ChainedFields): string {
  const body =
    `{"action":${JSON.stringify(e.action)},"at":${JSON.stringify(e.at)},"details":${e.details},"entity":${JSON.stringify(e.entity)},` +
    `"entityId":${JSON.stringify(e.entityId)},"prevHash":${JSON.stringify(e.prevHash)},"seq":${JSON.stringify(e.seq)},` +
    `"staffId":${JSON.stringify(e.staffId)},"stationId":${JSON.stringify(e.stationId)}}`;
  return createHash('sha256').update(body).digest('hex');
}
