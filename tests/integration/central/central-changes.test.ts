/**
 * GET /v1/changes (DESIGN §4): seeded records, paged with a server-issued cursor; explicit tombstones; the latest
 * state per entity after a cursor; correct under writes that happen while a station pages through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoIndividuals } from '../../../src-main/backend/domain';
import { contentChecksum } from '../../../src-main/backend/sync/content-checksum';
import type { Change } from '../../../src-main/contract/central-api';
import { individualRecord, type IndividualRecord } from '../../../src-main/contract/schemas';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { person } from '../../support/records';
import { command, json, pullAll, pushCommands } from './central-kit';

const SEEDED = 2500;
let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess({ seed: SEEDED });
});
afterAll(() => central?.stop());

/** What a station would hold after applying the changes in order. */
function apply(changes: Change[], into = new Map<string, Change>()): Map<string, Change> {
  for (const c of changes) {
    if (c.op === 'delete') into.delete(`${c.kind}:${c.id}`);
    else into.set(`${c.kind}:${c.id}`, c);
  }
  return into;
}

describe('GET /v1/changes', () => {
  it(`seeding ${SEEDED} gives ${SEEDED} individual changes across pages, each the generator's record`, async () => {
    const { pages, changes } = await pullAll(central, '', 1000);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const individuals = changes.filter((c) => c.kind === 'individual' && c.op === 'upsert');
    expect(individuals).toHaveLength(SEEDED);
    expect(new Set(individuals.map((c) => c.id)).size).toBe(SEEDED);

    const expected = new Map<string, IndividualRecord>();
    for (const r of generateDemoIndividuals(SEEDED, 1)) expected.set(r.crd, individualRecord.parse(r));
    for (const c of individuals) {
      if (c.kind !== 'individual' || c.op !== 'upsert') continue;
      expect(c.data).toEqual(expected.get(c.id));
      expect(c.updatedAt).toEqual(expect.any(String));
    }
  });

  it('GET /__admin/checksum is the station-side content checksum of the same records', async () => {
    const records = [...generateDemoIndividuals(SEEDED, 1)].sort((a, b) => Number(a.crd) - Number(b.crd));
    expect(await json(central.admin('checksum'))).toEqual(contentChecksum(records));
  });

  it('moves the cursor monotonically, with remaining counting down to the end', async () => {
    const { pages } = await pullAll(central, '', 700);
    let previous = 0;
    let remaining = pages[0].remaining;
    for (const [i, page] of pages.entries()) {
      expect(Number(page.nextCursor)).toBeGreaterThan(previous);
      previous = Number(page.nextCursor);
      expect(page.remaining).toBe(remaining);
      remaining -= page.changes.length;
      expect(page.hasMore).toBe(i < pages.length - 1);
    }
    expect(remaining).toBe(0);

    const after = await json<{ changes: unknown[]; nextCursor: string; hasMore: boolean; remaining: number }>(central.v1(`changes?cursor=${previous}`));
    expect(after).toEqual({ changes: [], nextCursor: String(previous), hasMore: false, remaining: 0 });
  });

  it('serves the agreement texts (terms and payment, en and es, version 2024-01) and sample learning plans', async () => {
    const { changes } = await pullAll(central, '', 5000);
    const agreements = changes.flatMap((c) => (c.kind === 'agreementVersion' && c.op === 'upsert' ? [c.data] : []));
    expect(agreements.map((a) => `${a.kind}/${a.language}/${a.version}`).sort()).toEqual(['payment/en/2024-01', 'payment/es/2024-01', 'terms/en/2024-01', 'terms/es/2024-01']);
    const crds = new Set(changes.filter((c) => c.kind === 'individual').map((c) => c.id));
    const items = changes.flatMap((c) => (c.kind === 'learningPlanItem' && c.op === 'upsert' ? [c.data] : []));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(crds.has(item.crd)).toBe(true);
  });

  it('returns only the latest state of an entity changed several times after the cursor', async () => {
    const { cursor } = await pullAll(central, '', 5000);
    for (const firstName of ['Ana', 'Beatriz', 'Carla']) {
      expect((await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records: [person('4400001', { firstName })] }) })).status).toBe(200);
    }
    const { changes } = await pullAll(central, cursor);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'individual', op: 'upsert', id: '4400001', data: { firstName: 'Carla' } });
  });

  it('emits explicit tombstones when an individual is deleted (and for their learning-plan items)', async () => {
    const full = await pullAll(central, '', 5000);
    const item = full.changes.find((c) => c.kind === 'learningPlanItem' && c.op === 'upsert');
    if (!item || item.kind !== 'learningPlanItem' || item.op !== 'upsert') throw new Error('no seeded learning-plan item');
    const crd = item.data.crd;
    const itemIds = full.changes.filter((c) => c.kind === 'learningPlanItem' && c.op === 'upsert' && c.data.crd === crd).map((c) => c.id);

    const res = await central.admin(`individuals/${crd}/delete`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { changes } = await pullAll(central, full.cursor);
    expect(changes).toContainEqual({ kind: 'individual', op: 'delete', id: crd });
    for (const id of itemIds) expect(changes).toContainEqual({ kind: 'learningPlanItem', op: 'delete', id });

    // A station starting from scratch sees the tombstone instead of the record.
    const fresh = apply((await pullAll(central, '', 5000)).changes);
    expect(fresh.has(`individual:${crd}`)).toBe(false);
    expect((await central.admin(`individuals/${crd}/delete`, { method: 'POST' })).status).toBe(404);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=abc', 'cursor'],
    ['cursor=-1', 'cursor'],
  ])('refuses %s with a 400 naming the parameter', async (query, field) => {
    const res = await central.v1(`changes?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(new RegExp(`^${field}:`)) } });
  });

  it('refuses a cursor ahead of the service (its database was replaced) with 409 CURSOR_AHEAD', async () => {
    const res = await central.v1('changes?cursor=999999999');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'CURSOR_AHEAD' } });
  });

  it('stays correct while writes land between the pages a station pulls', async () => {
    const crds = (await pullAll(central, '', 5000)).changes.filter((c) => c.kind === 'individual' && c.op === 'upsert').map((c) => c.id);
    const station = new Map<string, Change>();
    let cursor = '';
    let round = 0;
    for (;;) {
      // Each page request races a batch of contact updates to individuals before and after the cursor.
      const updates = Array.from({ length: 20 }, (_, i) => crds[(round * 97 + i * 131) % crds.length]);
      const [res] = await Promise.all([
        central.v1(`changes?limit=300${cursor ? `&cursor=${cursor}` : ''}`),
        pushCommands(central, updates.map((crd, i) => command(`race-${round}-${i}`, 'individual.updateContact', { crd, phone: `(212) 555-${String(round).padStart(2, '0')}${String(i).padStart(2, '0')}` }))),
      ]);
      const page = (await res.json()) as { changes: Change[]; nextCursor: string; hasMore: boolean };
      apply(page.changes, station);
      cursor = page.nextCursor;
      round++;
      if (!page.hasMore) break;
    }
    apply((await pullAll(central, cursor)).changes, station); // catch up with the last racing batch
    const server = apply((await pullAll(central, '', 5000)).changes);
    expect(station.size).toBe(server.size);
    expect(station).toEqual(server);
  });
});
