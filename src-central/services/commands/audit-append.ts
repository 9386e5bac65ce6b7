/**
 * `audit.append`: one event of a station's hash-chained audit log (DESIGN §6), stored as given, keyed by
 * (stationId, seq). The chain is not re-verified here (a station's chain may arrive out of order under retries);
 * the central copy is what makes a later local rewrite detectable. The same (station, seq) arriving under another
 * key is a duplicate when identical, a conflict when its hash differs (the station rewrote history).
 */
import { z } from 'zod';
import { StationAuditEvent } from '../../store/entities';
import { commandHandler } from './command-handler';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (SHA-256)');

const payload = z.object({
  seq: z.number().int().min(1),
  at: z.string().min(1).max(32),
  staffId: z.number().int().nullable(),
  stationId: z.string().min(1).max(100),
  action: z.string().min(1).max(100),
  entity: z.string().min(1).max(100),
  entityId: z.string().max(100).nullable(),
  /** The station's canonical JSON text (kept byte for byte); an object is accepted and serialised. */
  details: z.union([z.string(), z.record(z.string(), z.unknown())]),
  prevHash: hash,
  hash,
});

export const auditAppend = commandHandler({
  payload,
  async apply(em, command, event: z.infer<typeof payload>, now) {
    if (event.stationId !== command.stationId) {
      return { status: 'rejected', reason: `payload.stationId: "${event.stationId}" is not the sending station "${command.stationId}"` };
    }
    const stored = await em.findOneBy(StationAuditEvent, { stationId: event.stationId, seq: event.seq });
    if (stored) {
      if (stored.hash === event.hash) return { status: 'duplicate' };
      return { status: 'conflict', reason: `audit event ${event.seq} of station ${event.stationId} is already stored with another hash`, current: stored };
    }
    await em.insert(StationAuditEvent, {
      ...event,
      details: typeof event.details === 'string' ? event.details : JSON.stringify(event.details),
      receivedAt: now.toISOString(),
    });
    return { status: 'applied' };
  },
});
