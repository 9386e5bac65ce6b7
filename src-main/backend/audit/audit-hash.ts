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
