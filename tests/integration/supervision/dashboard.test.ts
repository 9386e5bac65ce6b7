/**
 * Issue 6: the dashboard's numbers equal counts made directly over the station's data — here from the audit trail
 * and the raw tables with SQL written independently of the dashboard's own queries — and each number opens the
 * very records it counted.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../src-main/contract';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { call, callOk } from '../../support/test-backend';
import { NOW, RANGE, supervisionStation } from './supervision-station';

let s: Awaited<ReturnType<typeof supervisionStation>>;
let db: Database.Database;
beforeAll(async () => {
  s = await supervisionStation();
  db = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true });
});
afterAll(async () => {
  db.close();
  await s.close();
});

// New York is UTC−5 for the whole range (daylight time ended on 2026-11-01).
const FROM = '2026-11-13T05:00:00.000Z';
const TO = '2026-11-28T05:00:00.000Z';
const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

describe('dashboard', () => {
  it('counts what the audit trail and the tables say happened', async () => {
    const summary = await callOk<DashboardSummary>(s.backend, 'dashboard.summary', RANGE, s.super1);
    const submitted = count(`SELECT count(*) FROM audit_event WHERE action = 'payment.submitted' AND at >= ? AND at < ?`, FROM, TO);
    expect(submitted).toBeGreaterThan(20);
    expect(summary.totals).toEqual({
      enrollments: submitted,
      abandoned: count(`SELECT count(*) FROM audit_event WHERE action = 'payment.abandoned' AND at >= ? AND at < ?`, FROM, TO),
      enrolledCalls: count(`SELECT count(*) FROM audit_event WHERE action = 'call.wrappedUp' AND json_extract(details, '$.disposition') IN ('enrolled', 'payment-pending') AND at >= ? AND at < ?`, FROM, TO),
      declines: count(`SELECT count(*) FROM enrollment WHERE status = 'payment_failed'`),
      pendingOverdue: count(`SELECT count(*) FROM enrollment WHERE status = 'payment_pending' AND status_at < ?`, new Date(Date.parse(NOW) - 48 * 3_600_000).toISOString()),
    });
    expect(summary.totals.declines).toBeGreaterThan(0);
    expect(summary.totals.pendingOverdue).toBeGreaterThan(0);
    expect(summary.perDay).toHaveLength(15);
    expect(summary.perDay.reduce((n, d) => n + d.count, 0)).toBe(submitted);
    expect(summary.perAgent.reduce((n, a) => n + a.count, 0)).toBe(submitted);
    expect(summary.perStatus.reduce((n, x) => n + x.count, 0)).toBe(submitted);
    expect(summary.agents.map((a) => a.name)).toEqual(['Avery Agent', 'Blake Agent', 'Sam Supervisor']);
    expect(summary.stepDurations.map((d) => d.step)).toEqual(['program', 'contact', 'qualifications', 'payment']);
    for (const d of summary.stepDurations) expect(d.averageSeconds).toBeGreaterThan(0);
  });

  it('opens the records behind every number and every bar', async () => {
    const summary = await callOk<DashboardSummary>(s.backend, 'dashboard.summary', RANGE, s.super1);
    for (const [metric, total] of Object.entries(summary.totals)) {
      const records = await callOk<{ rows: unknown[]; total: number }>(s.backend, 'dashboard.records', { filter: RANGE, metric }, s.super1);
      expect(records.total, metric).toBe(total);
      expect(records.rows).toHaveLength(total);
    }
    const busiest = summary.perDay.reduce((a, b) => (b.count > a.count ? b : a));
    const day = await callOk<{ rows: { at: string }[]; total: number }>(s.backend, 'dashboard.records', { filter: RANGE, metric: 'enrollments', slice: { date: busiest.date } }, s.super1);
    expect(day.total).toBe(busiest.count);
    const agent = summary.perAgent[0];
    const byAgent = await callOk<{ rows: { staff: string }[]; total: number }>(s.backend, 'dashboard.records', { filter: RANGE, metric: 'enrollments', slice: { staffId: agent.staffId } }, s.super1);
    expect(byAgent.total).toBe(agent.count);
    expect(new Set(byAgent.rows.map((r) => r.staff))).toEqual(new Set([agent.name]));
  });

  it('filters by agent, and by a date range in New York days', async () => {
    const all = await callOk<DashboardSummary>(s.backend, 'dashboard.summary', RANGE, s.super1);
    const agent = all.agents[0];
    const one = await callOk<DashboardSummary>(s.backend, 'dashboard.summary', { ...RANGE, staffId: agent.id }, s.super1);
    expect(one.totals.enrollments).toBe(all.perAgent.find((a) => a.staffId === agent.id)!.count);
    const oneDay = all.perDay.find((d) => d.count > 0)!;
    const narrow = await callOk<DashboardSummary>(s.backend, 'dashboard.summary', { from: oneDay.date, to: oneDay.date }, s.super1);
    expect(narrow.totals.enrollments).toBe(oneDay.count);
  });

  it('names the field of a bad range, and audits each view', async () => {
    const bad = await call(s.backend, 'dashboard.summary', { from: '2026-11-20', to: '2026-11-01' }, s.super1);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['to'] }] } } });
    const before = count(`SELECT count(*) FROM audit_event WHERE action = 'dashboard.viewed'`);
    await callOk(s.backend, 'dashboard.summary', RANGE, s.admin);
    expect(count(`SELECT count(*) FROM audit_event WHERE action = 'dashboard.viewed'`)).toBe(before + 1);
    expect(await call(s.backend, 'dashboard.summary', RANGE, s.agent1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
