/**
 * Stations for the review-marks tests: each its own data folder and station id (the shared test backend has one
 * fixed id, and two stations under one id would share an audit chain at the central service), synced by hand with
 * a real central service process, with one reviewer signed in.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openBackend } from '../../../src-main/backend';
import { fixedClock } from '../../../src-main/backend/clock';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import type { ProcedureName } from '../../../src-main/contract';
import type { CentralProcess } from '../../support/central-process';
import { call, callOk, TEST_PASSWORD } from '../../support/test-backend';
import { tempDir } from '../../support/temp-dir';

export type ReviewStation = Awaited<ReturnType<typeof openReviewStation>>;

export async function openReviewStation(stationId: string, central: CentralProcess) {
  const dir = tempDir(`mqp-${stationId}-`);
  const clock = fixedClock(new Date());
  const backend = await openBackend({
    dataDir: dir.path,
    clock,
    stationId,
    central: { url: central.url, token: central.stationToken, autoStart: false, policy: { baseDelayMs: 20, maxDelayMs: 200 } },
  });
  await callOk(backend, 'setup.createAdmin', { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD });
  const admin = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'admin', password: TEST_PASSWORD });
  await callOk(backend, 'staff.create', { username: 'reviewer', displayName: `Reviewer at ${stationId}`, password: TEST_PASSWORD, role: 'agent' }, admin.token);
  const { token } = await callOk<{ token: string }>(backend, 'session.signIn', { username: 'reviewer', password: TEST_PASSWORD });

  return {
    stationId,
    dataDir: dir.path,
    backend,
    /** A procedure as the signed-in reviewer; throws with the error envelope when it fails. */
    ok: <T>(procedure: ProcedureName, input: unknown) => callOk<T>(backend, procedure, input, token),
    /** A procedure as the reviewer; the envelope, for expected failures. */
    try: (procedure: ProcedureName, input: unknown) => call(backend, procedure, input, token),
    /** One sync pass, after any backoff of an earlier failed attempt has passed. */
    async sync() {
      clock.advance(60_000);
      return backend.sync!.syncOnce();
    },
    /** A read-only look at the station's database. */
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async close() {
      await backend.close();
      dir.cleanup();
    },
  };
}

/** A read-only look at the central service's database (central.sqlite in its data folder). */
export function centralQuery<T>(central: CentralProcess, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(central.dataDir, 'central.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Arrivals per command key at the central service (GET /__admin/commands). */
export async function commandCounts(central: CentralProcess, type: string) {
  const res = await central.admin(`commands?type=${type}`);
  if (res.status !== 200) throw new Error(`GET /__admin/commands answered ${res.status}`);
  return ((await res.json()) as { keys: Record<string, { applied: number; duplicate: number; rejected: number; conflict: number }> }).keys;
}

/** Some registrations (id, CRD, category) of the station, of different individuals. */
export function someRegistrations(station: ReviewStation, count: number) {
  return station.query<{ id: number; crd: string; category: string }>(
    `SELECT r.id, i.crd, r.category FROM registration r JOIN individual i ON i.id = r.individual_id
     WHERE r.position = 0 ORDER BY i.crd LIMIT ?`,
    count,
  );
}
