/**
 * Rule re-checks after a pull raise review flags where what an agent told a caller may no longer hold:
 * a deadline passed, another station enrolled the caller first, an enrollment status moved.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { generateDemoIndividuals, evaluateEligibility, addDays } from '../../../src-main/backend/domain';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';

let central: CentralProcess | null = null;
let station: Awaited<ReturnType<typeof testBackend>> | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
});

const TODAY = '2024-09-01';
const flags = (dataDir: string) => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const rows = db.prepare(`SELECT crd, kind, message FROM review_flag ORDER BY id`).all() as { crd: string; kind: string; message: string }[];
  db.close();
  return rows;
};

/** A demo individual (as the central service seeds them) with exactly one eligible category on TODAY. */
function eligiblePerson(count: number) {
  for (const record of generateDemoIndividuals(count, 1)) {
    const result = evaluateEligibility(record, TODAY);
    const eligible = result.qualifications.filter((q) => q.eligible);
    if (eligible.length === 1 && eligible[0].window === 'standard') return { record, qualification: eligible[0] };
  }
  throw new Error('no suitable demo individual');
}

async function pay(c: CentralProcess, crd: string, category: string, stationId: string) {
  const token = (await (await c.v1('payments/tokenize', { method: 'POST', body: JSON.stringify({ cardNumber: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' }) })).json()) as { token: string };
  const res = await c.v1('payments', {
    method: 'POST',
    body: JSON.stringify({ key: `pay-${crd}-${stationId}`, crd, categories: [category], amountUsd: 100, method: 'card-token', token: token.token, stationId, staffId: 1 }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

it('flags a category whose enroll-by date passed since the station last evaluated it', async () => {
  central = await startCentralProcess({ seed: 300, today: TODAY });
  station = await testBackend({ now: `${TODAY}T15:00:00Z`, central: { url: central.url, token: central.stationToken, autoStart: false } });
  await station.backend.sync!.syncOnce();
  const { record, qualification } = eligiblePerson(300);
  expect(flags(station.dataDir)).toEqual([]);

  station.clock.set(`${addDays(qualification.enrollBy!, 1)}T15:00:00Z`);
  expect(await station.backend.sync!.syncOnce()).toMatchObject({ ok: true });
  expect(flags(station.dataDir)).toContainEqual({ crd: record.crd, kind: 'deadline-passed', message: expect.stringContaining(qualification.category) });
  const db = new Database(join(station.dataDir, DATABASE_FILE), { readonly: true });
  const stored = db.prepare(`SELECT r.reason FROM registration r JOIN individual i ON i.id = r.individual_id WHERE i.crd = ? AND r.category = ?`).pluck().get(record.crd, qualification.category);
  db.close();
  expect(stored).toBe('WINDOW_CLOSED');
});

it('flags an enrollment by another station for a caller an agent here just handled, and a status that moved', async () => {
  central = await startCentralProcess({ seed: 300, today: TODAY, settleMs: 200 });
  station = await testBackend({ now: `${TODAY}T15:00:00Z`, central: { url: central.url, token: central.stationToken, autoStart: false } });
  await station.backend.sync!.syncOnce();
  const { record, qualification } = eligiblePerson(300);
  const tokens = await staffWithEveryRole(station.backend);
  await callOk(station.backend, 'individual.get', { crd: record.crd }, tokens.agent); // an agent here opened the caller

  await pay(central, record.crd, qualification.category, 'station-elsewhere');
  await station.backend.sync!.syncOnce();
  expect(flags(station.dataDir)).toContainEqual({ crd: record.crd, kind: 'enrolled-elsewhere', message: expect.stringContaining('Another station enrolled') });

  // Settlement moves Payment Pending → Enrolled on the central service; the next pull flags the move.
  for (let i = 0; i < 100 && !flags(station.dataDir).some((f) => f.kind === 'status-moved'); i++) {
    await station.backend.sync!.syncOnce();
    await new Promise((r) => setTimeout(r, 50)); // real settlement time on the central service (200 ms)
  }
  expect(flags(station.dataDir)).toContainEqual({ crd: record.crd, kind: 'status-moved', message: expect.stringMatching(/payment_pending to enrolled/) });
});
