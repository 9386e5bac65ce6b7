/**
 * Demo mode (training, first start of `npm start`): the documented demo accounts and demo individuals from the
 * same generator as `mqp demo-data`. Runs once, on an empty station; every row it writes is audited.
 */
import type { Role } from '../../../contract';
import { appendAuditEvent } from '../../audit/append-audit-event';
import { addDays, generateDemoIndividuals, startOfDayInNewYork, todayInNewYork } from '../../domain';
import type { Store } from '../../store/open-store';
import { importIndividuals } from '../import/import-individuals';
import { hashPassword } from '../session/password-hash';
import { HISTORY_DAYS, seedDemoHistory } from './seed-demo-history';

/** Documented in the README and shown on the sign-in screen of a demo station. Never used outside demo mode. */
export const DEMO_PASSWORD = 'demo-password-1';
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'agent1', displayName: 'Avery Agent', role: 'agent' },
  { username: 'agent2', displayName: 'Blake Agent', role: 'agent' },
  { username: 'super1', displayName: 'Sam Supervisor', role: 'supervisor' },
  { username: 'admin', displayName: 'Ada Admin', role: 'admin' },
];

export async function seedDemoStation(
  store: Store,
  options: {
    individuals: number;
    seed: number;
    now: Date;
    stationId: string;
    /** Two weeks of past enrollment work for the supervisor screens (default on). */
    history?: boolean;
    onProgress?: (done: number) => void;
  },
): Promise<boolean> {
  const { db } = store;
  const staffCount = db.prepare(`SELECT count(*) FROM staff`).pluck().get() as number;
  if (staffCount > 0) return false;

  const hash = await hashPassword(DEMO_PASSWORD);
  // The station "opened" before its two weeks of demo history, so the audit chain runs forward in time.
  const openedAt = new Date(startOfDayInNewYork(addDays(todayInNewYork(options.now), -HISTORY_DAYS - 1)).getTime() + 8 * 3_600_000);
  const staff: Record<string, number> = {};
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`);
    for (const a of DEMO_ACCOUNTS) {
      const id = Number(insert.run(a.username, a.displayName, a.role, hash, openedAt.toISOString()).lastInsertRowid);
      staff[a.username] = id;
      appendAuditEvent(db, { staffId: null, action: 'staff.created', entity: 'staff', entityId: String(id), details: { username: a.username, role: a.role, demo: true } }, openedAt, options.stationId);
    }
    db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('demo', 'true')`).run();
  }).immediate();

  const lines = (function* () {
    for (const record of generateDemoIndividuals(options.individuals, options.seed)) yield JSON.stringify(record);
  })();
  const report = await importIndividuals(db, lines, {
    asOf: todayInNewYork(options.now),
    now: openedAt,
    stationId: options.stationId,
    staffId: null,
    source: `demo-data --count ${options.individuals} --seed ${options.seed}`,
    onProgress: options.onProgress,
  });
  if (!report.ok) throw new Error(`demo data failed validation: ${JSON.stringify(report.problems.slice(0, 3))}`);
  if (options.history !== false) {
    db.transaction(() => seedDemoHistory(db, { now: options.now, stationId: options.stationId, staff, seed: options.seed })).immediate();
  }
  return true;
}
