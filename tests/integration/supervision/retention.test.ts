/**
 * Issue 6: audit events are never deleted by the app's record; a station lets go of its local copy only past the
 * retention period AND once the central service confirmed receipt. What stays still verifies (from its anchor),
 * still matches the central copy, and is still append-only.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { RetentionView, VerifyReport } from '../../../src-main/contract';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { call, callOk, staffWithEveryRole, testBackend, TEST_PASSWORD } from '../../support/test-backend';

let central: CentralProcess | null = null;
let station: Awaited<ReturnType<typeof testBackend>> | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
});

it('keeps what the central service has not confirmed, lets go of the confirmed past, and still verifies', async () => {
  central = await startCentralProcess({ seed: 5 });
  station = await testBackend({ now: '2019-03-01T12:00:00Z', central: { url: central.url, token: central.stationToken, autoStart: false } });
  const tokens = await staffWithEveryRole(station.backend);
  for (const name of ['ann', 'bob', 'cy']) {
    await callOk(station.backend, 'staff.create', { username: `old-${name}`, displayName: name, password: 'long-enough-pw', role: 'agent' }, tokens.admin);
  }
  station.clock.set('2026-11-27T15:00:00Z');
  // Seven years later the 2019 sessions have long expired: sign in again.
  for (const role of ['admin', 'supervisor'] as const) {
    tokens[role] = (await callOk<{ token: string }>(station.backend, 'session.signIn', { username: role, password: TEST_PASSWORD })).token;
  }
  const count = (where: string) => {
    const db = new Database(join(station!.dataDir, DATABASE_FILE), { readonly: true });
    const n = db.prepare(`SELECT count(*) FROM audit_event WHERE ${where}`).pluck().get() as number;
    db.close();
    return n;
  };
  const oldEvents = count(`at < '2020'`);
  expect(oldEvents).toBeGreaterThan(5);
  const localBefore = (await callOk<RetentionView>(station.backend, 'audit.retention', {}, tokens.supervisor)).localEvents;

  // Past six years, but not yet at the central service: nothing goes.
  const unconfirmed = await callOk<RetentionView>(station.backend, 'audit.setRetention', { years: 7 }, tokens.admin);
  expect(unconfirmed).toMatchObject({ years: 7, anchor: null });
  expect(unconfirmed.localEvents).toBe(localBefore + 2); // + viewing the retention, + the setting change itself

  await station.backend.sync!.syncOnce();
  const applied = await callOk<RetentionView>(station.backend, 'audit.setRetention', { years: 6 }, tokens.admin);
  // Every 2019 event was confirmed and is past 6 years; the 2026 ones stay, and the newest always stays.
  expect(applied.anchor).toMatchObject({ seq: oldEvents + 1, at: expect.stringMatching(/^2019-/) });
  expect(applied.localEvents).toBe(count(`at >= '2026'`));
  expect(count(`at < '2020'`)).toBe(0);

  expect(await callOk<VerifyReport>(station.backend, 'audit.verify', {}, tokens.supervisor)).toMatchObject({ ok: true, firstBroken: null });
  await station.backend.sync!.syncOnce();
  const compared = await callOk<{ ok: boolean; compared: number }>(station.backend, 'audit.compareWithCentral', {}, tokens.supervisor);
  expect(compared.ok).toBe(true);
  expect(compared.compared).toBeGreaterThanOrEqual(4);

  const db = new Database(join(station.dataDir, DATABASE_FILE));
  expect(() => db.prepare(`DELETE FROM audit_event`).run()).toThrow(/append-only/);
  const applyEvent = JSON.parse(db.prepare(`SELECT details FROM audit_event WHERE action = 'audit.retentionApplied'`).pluck().get() as string) as { pruned: number };
  expect(applyEvent.pruned).toBe(oldEvents);
  db.close();
});

it('refuses a retention shorter than SEC Rule 17a-4’s six years, naming the field', async () => {
  station = await testBackend({});
  const tokens = await staffWithEveryRole(station.backend);
  expect(await call(station.backend, 'audit.setRetention', { years: 3 }, tokens.admin)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['years'], message: expect.stringMatching(/17a-4/) }] } },
  });
  expect(await call(station.backend, 'audit.setRetention', { years: 8 }, tokens.supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('reports progress while verifying, then the result', async () => {
  station = await testBackend({ individuals: 30 });
  const tokens = await staffWithEveryRole(station.backend);
  const progress: { done: number; total: number | null }[] = [];
  const stop = station.backend.onEvent((e) => {
    if (e.name === 'task.progress' && e.payload.task === 'audit.verify') progress.push(e.payload);
  });
  const report = await callOk<VerifyReport>(station.backend, 'audit.verify', {}, tokens.supervisor);
  stop();
  expect(report.ok).toBe(true);
  expect(progress[0]).toEqual({ task: 'audit.verify', done: 0, total: report.checked });
  expect(progress.at(-1)).toEqual({ task: 'audit.verify', done: report.checked, total: report.checked });
});
