/**
 * Demo mode (training, first start of `npm start`): the documented demo accounts and demo individuals from the
 * same generator as `mqp demo-data`. Runs once, on an empty station; every row it writes is audited.
 */
import type { Role } from '../../../contract';
import { appendAuditEvent } from '../../audit/append-audit-event';
import { generateDemoIndividuals, todayInNewYork } from '../../domain';
import type { Store } from '../../store/open-store';
import { importIndividuals } from '../import/import-individuals';
import { hashPassword } from '../session/password-hash';

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
  options: { individuals: number; seed: number; now: Date; stationId: string; onProgress?: (done: number) => void },
): Promise<boolean> {
  const { db } = store;
  const staffCount = db.prepare(`SELECT count(*) FROM staff`).pluck().get() as number;
  if (staffCount > 0) return false;

  const hash = await hashPassword(DEMO_PASSWORD);
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`);
    for (const a of DEMO_ACCOUNTS) {
      const id = insert.run(a.username, a.displayName, a.role, hash, options.now.toISOString()).lastInsertRowid;
      appendAuditEvent(db, { staffId: null, action: 'staff.created', entity: 'staff', entityId: String(id), details: { username: a.username, role: a.role, demo: true } }, options.now, options.stationId);
    }
    db.prepare(`INSERT OR REPLACE INTO setting (key, value) VALUES ('demo', 'true')`).run();
  }).immediate();

  const lines = (function* () {
    for (const record of generateDemoIndividuals(options.individuals, options.seed)) yield JSON.stringify(record);
  })();
  const report = await importIndividuals(db, lines, {
    asOf: todayInNewYork(options.now),
    now: options.now,
    stationId: options.stationId,
    staffId: null,
    source: `demo-data --count ${options.individuals} --seed ${options.seed}`,
    onProgress: options.onProgress,
  });
  if (!report.ok) throw new Error(`demo data failed validation: ${JSON.stringify(report.problems.slice(0, 3))}`);
  return true;
}
