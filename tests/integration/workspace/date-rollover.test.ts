/**
 * Issue 5: when the New York date rolls over, stored eligibility is brought up to the new day in the background —
 * only the registrations whose result can change with the date — and the workspace (rows, facets, days left)
 * follows. A fixed clock is moved past midnight.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisqualificationInput, RegistrationInput } from '../../../src-main/contract';
import { openBackend } from '../../../src-main/backend';
import { fixedClock } from '../../../src-main/backend/clock';
import { addDays, evaluateEligibility, generateDemoIndividuals, startOfDayInNewYork, todayInNewYork } from '../../../src-main/backend/domain';
import { importIndividuals } from '../../../src-main/backend/services/import/import-individuals';
import { SerialQueue } from '../../../src-main/backend/services/serial-queue';
import { startDateRollover, type RolloverReport } from '../../../src-main/backend/services/workspace/date-rollover';
import { openStore, type Store } from '../../../src-main/backend/store/open-store';
import { tempDir } from '../../support/temp-dir';
import { callOk, staffWithEveryRole, testBackend, TEST_PASSWORD } from '../../support/test-backend';
import { expectedRows } from './workspace-station';

interface Stored {
  id: number;
  individualId: number;
  crd: string;
  eligible: number;
  reason: string;
  window: string | null;
  enrollBy: string | null;
  reregisterBy: string | null;
  evaluatedOn: string;
}

const storedEligibility = (store: Store) =>
  store.db
    .prepare(
      `SELECT r.id, r.individual_id AS individualId, i.crd, r.eligible, r.reason, r.enroll_window AS window, r.enroll_by AS enrollBy,
              r.reregister_by AS reregisterBy, r.evaluated_on AS evaluatedOn
       FROM registration r JOIN individual i ON i.id = r.individual_id ORDER BY r.individual_id, r.position`,
    )
    .all() as Stored[];

/** Each registration's eligibility evaluated afresh on `day`, by registration id. */
function evaluatedOn(store: Store, day: string): Map<number, { eligible: number; reason: string; window: string | null; enrollBy: string | null; reregisterBy: string | null }> {
  const out = new Map();
  const people = store.db.prepare(`SELECT id, crd FROM individual`).all() as { id: number; crd: string }[];
  for (const p of people) {
    const regs = store.db
      .prepare(`SELECT id, category, series, level, start_date AS startDate, termination_date AS terminationDate, termination_type AS terminationType FROM registration WHERE individual_id = ? ORDER BY position`)
      .all(p.id) as (RegistrationInput & { id: number })[];
    const disq = store.db.prepare(`SELECT kind, date FROM disqualification WHERE individual_id = ?`).all(p.id) as DisqualificationInput[];
    evaluateEligibility({ crd: p.crd, registrations: regs, disqualifications: disq }, day).qualifications.forEach((q, i) =>
      out.set(regs[i].id, { eligible: q.eligible ? 1 : 0, reason: q.reason, window: q.window, enrollBy: q.enrollBy, reregisterBy: q.reregisterBy }),
    );
  }
  return out;
}

describe('date rollover (the module, on a real store)', () => {
  const day0 = '2024-09-01';
  const clock = fixedClock(`${day0}T15:00:00Z`);
  const dir = tempDir();
  let store: Store;
  const reports: RolloverReport[] = [];
  let rollover: ReturnType<typeof startDateRollover>;
  beforeAll(async () => {
    store = await openStore(dir.path);
    const lines = [...generateDemoIndividuals(3000, 7)].map((r) => JSON.stringify(r));
    await importIndividuals(store.db, lines, { asOf: day0, now: clock.now(), stationId: 'station-test', staffId: null, source: 'test' });
    rollover = startDateRollover({ store, queue: new SerialQueue(), clock, onDone: (r) => reports.push(r) });
    await rollover.whenIdle();
  });
  afterAll(async () => {
    await rollover.stop();
    await store.close();
    dir.cleanup();
  });

  it('on the day the data was evaluated, finds nothing to do', () => {
    expect(reports).toEqual([{ asOf: day0, reevaluated: 0, deadlineFlags: 0 }]);
  });

  it('just after New York midnight, re-evaluates only what can change, and the workspace follows', async () => {
    const before = storedEligibility(store);
    // 00:00:01 in New York is 04:00:01 UTC in September (daylight time).
    const day1 = addDays(day0, 1);
    clock.set(new Date(startOfDayInNewYork(day1).getTime() + 1000));
    expect(todayInNewYork(clock.now())).toBe(day1);
    rollover.check();
    await rollover.whenIdle();
    expect(reports.at(-1)!.asOf).toBe(day1);
    expectUpToDate(day1, before);
  });

  it('a month later (a station closed for weeks), catches up in the same way', async () => {
    const before = storedEligibility(store);
    const later = addDays(day0, 45);
    clock.set(`${later}T12:00:00Z`);
    rollover.check();
    await rollover.whenIdle();
    const report = reports.at(-1)!;
    expect(report.asOf).toBe(later);
    expect(report.deadlineFlags, 'enroll-by dates passed in 45 days raise review flags').toBeGreaterThan(0);
    expectUpToDate(later, before);
  });

  /** Stored eligibility equals a fresh evaluation; rows whose result could not change were not touched. */
  function expectUpToDate(day: string, before: Stored[]) {
    const fresh = evaluatedOn(store, day);
    const after = storedEligibility(store);
    let changed = 0;
    let rewritten = 0;
    for (const [i, row] of after.entries()) {
      const { evaluatedOn: _e, id, individualId: _p, crd: _c, ...stored } = row;
      expect(stored, `registration ${id}`).toEqual(fresh.get(id));
      const old = before[i];
      if (old.reason !== row.reason || old.enrollBy !== row.enrollBy || old.window !== row.window) changed += 1;
      if (row.evaluatedOn === day) rewritten += 1;
    }
    expect(changed).toBeGreaterThan(0);
    // Only people with a date-dependent change are rewritten: far fewer than everyone.
    expect(rewritten).toBeLessThan(after.length / 4);
    // The workspace rows (R19 included) follow the stored eligibility.
    const oracle = expectedRows(store.db, day);
    const shown = store.db.prepare(`SELECT w.registration_id AS id, c.reason, c.finpro_likely_deleted AS finpro FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell`).all() as {
      id: number;
      reason: string;
      finpro: number;
    }[];
    const byId = new Map(shown.map((r) => [r.id, r]));
    for (const r of oracle) expect({ reason: byId.get(r.registrationId)?.reason, finpro: byId.get(r.registrationId)?.finpro === 1 }).toEqual({ reason: r.reason, finpro: r.finproLikelyDeleted });
  }
});

describe('date rollover (started by openBackend)', () => {
  it('a station opened on a later day brings the workspace up to that day in the background; days left count from it', async () => {
    const t = await testBackend({ individuals: 800 });
    await staffWithEveryRole(t.backend);
    await t.backend.close();
    const later = '2024-10-15';
    const backend = await openBackend({ dataDir: t.dataDir, clock: fixedClock(`${later}T15:00:00Z`), stationId: 'station-test', demo: false });
    try {
      const { token } = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'agent', password: TEST_PASSWORD });
      const firstEligible = async () =>
        (await callOk<{ rows: { enrollBy: string; daysLeft: number }[]; asOf: string }>(backend, 'workspace.page', { filter: { reasons: ['ELIGIBLE'] }, sort: { column: 'enrollBy', direction: 'asc' }, limit: 1 }, token));
      // No sleeps: wait until the re-evaluation has reached the rows whose enroll-by passed.
      let page = await firstEligible();
      for (let tries = 0; page.rows[0].enrollBy < later && tries < 500; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        page = await firstEligible();
      }
      expect(page.asOf).toBe(later);
      expect(page.rows[0].enrollBy >= later).toBe(true);
      expect(page.rows[0].daysLeft).toBe(Math.round((Date.parse(page.rows[0].enrollBy) - Date.parse(later)) / 86_400_000));
    } finally {
      await backend.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
});
