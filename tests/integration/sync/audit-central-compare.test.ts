/**
 * DESIGN §6 / issue 6: a local rewrite of the audit table that recomputes every hash (so the local chain verifies)
 * is still caught by comparing with the copy the central service received.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { auditHash } from '../../../src-main/backend/audit/audit-hash';
import { verifyStoredChain } from '../../../src-main/backend/audit/verify-stored-chain';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';

let central: CentralProcess | null = null;
let station: Awaited<ReturnType<typeof testBackend>> | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
});

type Comparison = { ok: boolean; compared: number; notYetAtCentral: number; firstMismatch: { seq: number; problem: string } | null };

it('catches a rewrite with recomputed hashes that the local verification cannot see', async () => {
  central = await startCentralProcess({ seed: 30 });
  station = await testBackend({ central: { url: central.url, token: central.stationToken, autoStart: false } });
  const tokens = await staffWithEveryRole(station.backend);
  const { hits } = await callOk<{ hits: { crd: string }[] }>(station.backend, 'individual.search', { query: 'a' }, tokens.agent);
  for (const h of hits.slice(0, 4)) await callOk(station.backend, 'individual.get', { crd: h.crd }, tokens.agent);
  await station.backend.sync!.syncOnce();
  const clean = await callOk<Comparison>(station.backend, 'audit.compareWithCentral', {}, tokens.supervisor);
  expect(clean).toMatchObject({ ok: true, firstMismatch: null });
  expect(clean.compared).toBeGreaterThan(5);

  // The rewrite: change event 4's details, then recompute every hash from there on so the local chain holds.
  const db = new Database(join(station.dataDir, DATABASE_FILE));
  db.exec('DROP TRIGGER audit_event_no_update');
  const rows = db.prepare(`SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId, details, prev_hash AS prevHash FROM audit_event WHERE seq >= 4 ORDER BY seq`).all() as Parameters<typeof auditHash>[0][];
  let prevHash = db.prepare(`SELECT hash FROM audit_event WHERE seq = 3`).pluck().get() as string;
  const update = db.prepare(`UPDATE audit_event SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?`);
  for (const row of rows) {
    const details = row.seq === 4 ? JSON.stringify({ username: 'nobody' }) : row.details;
    const hash = auditHash({ ...row, details, prevHash });
    update.run(details, prevHash, hash, row.seq);
    prevHash = hash;
  }
  expect(verifyStoredChain(db)).toMatchObject({ ok: true }); // locally, the forgery holds
  db.close();

  const caught = await callOk<Comparison>(station.backend, 'audit.compareWithCentral', {}, tokens.supervisor);
  expect(caught).toMatchObject({ ok: false, compared: 3, firstMismatch: { seq: 4, problem: expect.stringMatching(/rewritten here/) } });
});
