/**
 * Offline is a normal state (DESIGN §4): passes that get no answer at all never count against a change, so a station
 * offline for days parks nothing, and the first pass after the central service is back sends everything.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';

let central: CentralProcess | null = null;
let station: Awaited<ReturnType<typeof testBackend>> | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
});

it('parks nothing after many offline passes, and drains in the first pass once the service answers', async () => {
  central = await startCentralProcess({ seed: 5 });
  station = await testBackend({ individuals: 20, central: { url: central.url, token: central.stationToken, autoStart: false, policy: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } } });
  const tokens = await staffWithEveryRole(station.backend);
  await central.kill('SIGKILL');
  await callOk(station.backend, 'call.addNote', { crd: '1234567', text: 'written offline' }, tokens.agent);
  for (let pass = 0; pass < 5; pass++) {
    expect(await station.backend.sync!.syncOnce()).toMatchObject({ ok: false });
    station.clock.advance(60 * 60_000); // a long time offline
  }
  const db = new Database(join(station.dataDir, DATABASE_FILE), { readonly: true });
  expect(db.prepare(`SELECT status, attempts, count(*) AS n FROM outbox GROUP BY status, attempts`).all()).toEqual([
    { status: 'pending', attempts: 0, n: expect.any(Number) },
  ]);
  db.close();

  await central.restart();
  expect(await station.backend.sync!.syncOnce()).toMatchObject({ ok: true });
  expect((await station.backend.sync!.status())).toMatchObject({ pending: 0, failed: 0, connection: 'online' });
});
