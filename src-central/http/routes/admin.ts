/**
 * Loopback admin endpoints for tests and training (guarded by http/admin-guard.ts):
 *   GET    /__admin/stats                       rows per table, latest cursor
 *   GET    /__admin/commands?type=              arrivals per command key and verdict ("exactly once")
 *   GET    /__admin/checksum                    {count, sha256} of all individuals, as a station computes it
 *   GET|POST|DELETE /__admin/faults             fault injection on /v1 (services/faults.ts)
 *   POST   /__admin/individuals                 {records: IndividualRecord[]} upsert, emitting changes
 *   POST   /__admin/individuals/:crd/delete     delete, emitting tombstones
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { crd as crdSchema, individualRecord } from '../../../src-main/contract/schemas';
import { CentralError, invalidInput } from '../../central-error';
import { centralStats } from '../../services/central-stats';
import { commandCounts } from '../../services/commands/command-counts';
import { faultConfig } from '../../services/faults';
import { individualChecksum } from '../../services/individual-checksum';
import { deleteIndividual, putIndividual } from '../../services/individuals';
import type { CentralEnv, CentralServices } from '../central-env';
import { readBody } from '../read-body';

const putIndividuals = z.object({ records: z.array(individualRecord).min(1).max(5000) });

export function adminRoutes(services: CentralServices) {
  const { centralDb, faults, clock } = services;
  return new Hono<CentralEnv>()
    .get('/stats', async (c) => {
      const stats = await centralDb.read((db) => centralStats(db, services.tables));
      return c.json({ ...stats, pendingSettlements: services.settlement.pending, faults: faults.current });
    })
    .get('/commands', async (c) => {
      const type = c.req.query('type') || null;
      return c.json({ type, keys: await centralDb.read((db) => commandCounts(db, type)) });
    })
    .get('/checksum', async (c) => c.json(await centralDb.read((db) => individualChecksum(db))))
    .get('/faults', (c) => c.json(faults.current))
    .post('/faults', async (c) => {
      faults.set(await readBody(c, faultConfig));
      return c.json(faults.current);
    })
    .delete('/faults', (c) => {
      faults.reset();
      return c.json(faults.current);
    })
    .post('/individuals', async (c) => {
      const { records } = await readBody(c, putIndividuals);
      const stored = await centralDb.write(async (em) => {
        const out: { crd: string; updatedAt: string }[] = [];
        for (const record of records) out.push({ crd: record.crd, updatedAt: (await putIndividual(em, record, clock.now())).updatedAt });
        return out;
      });
      return c.json({ individuals: stored });
    })
    .post('/individuals/:crd/delete', async (c) => {
      const parsed = crdSchema.safeParse(c.req.param('crd'));
      if (!parsed.success) throw invalidInput('crd', parsed.error.issues[0].message);
      const deleted = await centralDb.write((em) => deleteIndividual(em, parsed.data, clock.now()));
      if (!deleted) throw new CentralError(404, 'NOT_FOUND', `crd: no individual with CRD ${parsed.data}`, { field: 'crd' });
      return c.json({ deleted: parsed.data });
    });
}
