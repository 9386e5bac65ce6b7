/** Chain verification in slices finds the same first broken link as in one pass, also across a slice boundary. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../../src-main/backend/audit/audit-hash';
import { verifyStoredChain, verifyStoredChainInSlices } from '../../../src-main/backend/audit/verify-stored-chain';

function chainDb(events: number) {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE audit_event (seq INTEGER PRIMARY KEY, at TEXT, staff_id INTEGER, station_id TEXT, action TEXT, entity TEXT,
    entity_id TEXT, details TEXT, prev_hash TEXT, hash TEXT); CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)`);
  const insert = db.prepare(`INSERT INTO audit_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= events; seq++) {
    const e = { seq, at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`, staffId: 1, stationId: 's', action: 'x', entity: 'y', entityId: null, details: `{"n":${seq}}`, prevHash };
    const hash = auditHash(e);
    insert.run(seq, e.at, 1, 's', 'x', 'y', null, e.details, prevHash, hash);
    prevHash = hash;
  }
  return db;
}

describe('verifyStoredChainInSlices', () => {
  it('checks every event and reports progress per slice', async () => {
    const db = chainDb(25);
    const progress: number[] = [];
    expect(await verifyStoredChainInSlices(db, (done) => progress.push(done), 10)).toEqual({ ok: true, checked: 25, firstBroken: null });
    expect(progress).toEqual([0, 10, 20, 25]);
  });

  it.each([10, 11, 17])('names event %i when it is removed or altered, as a single pass does', async (seq) => {
    const altered = chainDb(25);
    altered.prepare(`UPDATE audit_event SET details = '{"n":0}' WHERE seq = ?`).run(seq);
    const removed = chainDb(25);
    removed.prepare(`DELETE FROM audit_event WHERE seq = ?`).run(seq);
    for (const db of [altered, removed]) {
      const sliced = await verifyStoredChainInSlices(db, () => undefined, 10);
      expect(sliced).toEqual(verifyStoredChain(db));
      expect(sliced.ok).toBe(false);
    }
    expect((await verifyStoredChainInSlices(altered, () => undefined, 10)).firstBroken?.seq).toBe(seq);
  });
});
