/**
 * GET /v1/audit/hashes?stationId=&fromSeq=&limit=: the central copy of a station's audit chain, as (seq, hash)
 * pairs. A station compares its local chain with it (DESIGN §6): a local rewrite — even one that recomputed every
 * hash — differs here from the first rewritten event on.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { CentralEnv, CentralServices } from '../central-env';
import { invalidInput } from '../../central-error';

const query = z.object({
  stationId: z.string().min(1).max(100),
  fromSeq: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(10_000).default(5000),
});

export function auditRoutes(services: Pick<CentralServices, 'centralDb'>) {
  return new Hono<CentralEnv>().get('/audit/hashes', async (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error.issues[0].path.join('.'), parsed.error.issues[0].message);
    const { stationId, fromSeq, limit } = parsed.data;
    const events = await services.centralDb.read((db) =>
      db.prepare(`SELECT seq, hash FROM station_audit_event WHERE station_id = ? AND seq >= ? ORDER BY seq LIMIT ?`).all(stationId, fromSeq, limit),
    );
    return c.json({ stationId, events });
  });
}
