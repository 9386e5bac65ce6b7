/** A real backend on a real SQLite file in a temp folder, with a controllable clock. */
import { openBackend, type Backend, type BackendOptions } from '../../src-main/backend';
import { fixedClock } from '../../src-main/backend/clock';
import { generateDemoIndividuals } from '../../src-main/backend/domain';
import { importIndividuals } from '../../src-main/backend/services/import/import-individuals';
import { openStore } from '../../src-main/backend/store/open-store';
import type { Envelope, ProcedureName, Role } from '../../src-main/contract';
import { tempDir } from './temp-dir';

export const TEST_PASSWORD = 'correct-horse-battery';

/**
 * `individuals`: that many demo-data individuals imported first (no demo accounts);
 * `demoIndividuals`: a demo station (demo accounts + individuals), as `npm start` makes.
 */
export async function testBackend(options: { individuals?: number; demoIndividuals?: number; now?: string; central?: BackendOptions['central'] } = {}) {
  const dir = tempDir();
  const clock = fixedClock(options.now ?? '2024-09-01T15:00:00Z');
  if (options.individuals) await importDemoIndividuals(dir.path, options.individuals, clock.now());
  const backend = await openBackend({
    dataDir: dir.path,
    clock,
    stationId: 'station-test',
    demo: options.demoIndividuals ? { individuals: options.demoIndividuals, seed: 7 } : false,
    central: options.central,
  });
  return {
    backend,
    clock,
    dataDir: dir.path,
    async close() {
      await backend.close();
      dir.cleanup();
    },
  };
}

/** Calls a procedure and returns the envelope. */
export function call(backend: Backend, procedure: ProcedureName | string, input: unknown = {}, sessionToken?: string | null): Promise<Envelope<unknown>> {
  return backend.call({ procedure, input, sessionToken });
}

/** Calls and expects success; fails the test with the error envelope otherwise. */
export async function callOk<T = unknown>(backend: Backend, procedure: ProcedureName, input: unknown = {}, sessionToken?: string | null): Promise<T> {
  const result = await call(backend, procedure, input, sessionToken);
  if (!result.ok) throw new Error(`${procedure} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Creates the first admin, then one staff member per role; returns a session token per role. */
export async function staffWithEveryRole(backend: Backend): Promise<Record<Role, string>> {
  await callOk(backend, 'setup.createAdmin', { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD });
  const admin = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'admin', password: TEST_PASSWORD });
  for (const role of ['agent', 'supervisor'] as const) {
    await callOk(backend, 'staff.create', { username: role, displayName: role, password: TEST_PASSWORD, role }, admin.token);
  }
  const agent = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'agent', password: TEST_PASSWORD });
  const supervisor = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'supervisor', password: TEST_PASSWORD });
  return { admin: admin.token, agent: agent.token, supervisor: supervisor.token };
}

async function importDemoIndividuals(dataDir: string, count: number, now: Date) {
  const store = await openStore(dataDir);
  const lines = (function* () {
    for (const r of generateDemoIndividuals(count, 7)) yield JSON.stringify(r);
  })();
  const report = await importIndividuals(store.db, lines, { asOf: now.toISOString().slice(0, 10), now, stationId: 'station-test', staffId: null, source: 'test' });
  await store.close();
  if (!report.ok) throw new Error(JSON.stringify(report.problems));
}
