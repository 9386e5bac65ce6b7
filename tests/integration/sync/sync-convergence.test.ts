/**
 * A station and a real central service process over HTTP on 127.0.0.1: a fresh station pulls everything, tombstones
 * delete, local changes are pushed exactly once, and offline work queues up and drains on reconnect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-main/contract';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { stationStats } from '../../support/station';
import { call, callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';

let central: CentralProcess | null = null;
let station: Awaited<ReturnType<typeof testBackend>> | null = null;
afterEach(async () => {
  await station?.close();
  await central?.stop();
  station = null;
  central = null;
});

async function centralChecksum(c: CentralProcess) {
  const res = await c.admin('checksum');
  expect(res.status).toBe(200);
  return (await res.json()) as { count: number; sha256: string };
}

async function connect(c: CentralProcess) {
  station = await testBackend({ now: new Date().toISOString(), central: { url: c.url, token: c.stationToken, autoStart: false, policy: { baseDelayMs: 20, maxDelayMs: 200 } } });
  return station;
}

describe('sync with the central service', () => {
  it('a fresh station pulls every individual: counts and content checksum match, progress is reported with counts', async () => {
    central = await startCentralProcess({ seed: 3000 });
    const s = await connect(central);
    const statuses: SyncStatus[] = [];
    s.backend.onEvent((e) => e.name === 'sync.status' && statuses.push(e.payload));

    const report = await s.backend.sync!.syncOnce();
    expect(report).toMatchObject({ ok: true, error: null });
    expect(report.pulled).toBeGreaterThanOrEqual(3000);

    const expected = await centralChecksum(central);
    const stats = stationStats(s.dataDir);
    expect(stats.individuals).toBe(3000);
    expect({ count: stats.individuals, sha256: stats.individualsChecksum }).toEqual(expected);
    expect(stats.cursor).not.toBeNull();
    const progress = statuses.filter((st) => st.pull !== null);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.pull).toEqual({ done: report.pulled, total: report.pulled });
    expect(statuses.at(-1)).toMatchObject({ connection: 'online', pending: 0, failed: 0 });
  });

  it('applies explicit tombstones, and a second pull with nothing new changes nothing', async () => {
    central = await startCentralProcess({ seed: 50 });
    const s = await connect(central);
    await s.backend.sync!.syncOnce();
    const before = stationStats(s.dataDir);
    const tokens = await staffWithEveryRole(s.backend);
    const { hits } = await callOk<{ hits: { crd: string }[] }>(s.backend, 'individual.search', { query: 'a' }, tokens.agent);
    const gone = hits[0].crd;
    expect((await central.admin(`individuals/${gone}/delete`, { method: 'POST' })).status).toBe(200);

    await s.backend.sync!.syncOnce();
    expect(stationStats(s.dataDir).individuals).toBe(before.individuals - 1);
    expect(await call(s.backend, 'individual.get', { crd: gone }, tokens.agent)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const again = await s.backend.sync!.syncOnce();
    expect(again.pulled).toBe(0);
    expect(stationStats(s.dataDir).individualsChecksum).toBe((await centralChecksum(central)).sha256);
  });

  it('pushes every audit event exactly once, keyed by station and sequence', async () => {
    central = await startCentralProcess({ seed: 20 });
    const s = await connect(central);
    const tokens = await staffWithEveryRole(s.backend);
    await callOk(s.backend, 'individual.search', { query: 'a' }, tokens.agent);
    const queued = stationStats(s.dataDir);
    expect(queued.outboxPending).toBe(queued.auditEvents);

    const report = await s.backend.sync!.syncOnce();
    expect(report.pushed).toBe(queued.auditEvents);
    const res = await central.admin('commands?type=audit.append');
    const { keys } = (await res.json()) as { keys: Record<string, { applied: number }> };
    expect(Object.keys(keys)).toHaveLength(queued.auditEvents);
    expect(Object.values(keys).every((k) => k.applied === 1)).toBe(true);
    expect(stationStats(s.dataDir).outboxPending).toBe(0);
  });

  it('offline: lookup and eligibility keep working, the pending count grows, and it drains on reconnect', async () => {
    central = await startCentralProcess({ seed: 200 });
    const s = await connect(central);
    await s.backend.sync!.syncOnce();
    await central.kill('SIGKILL');

    const tokens = await staffWithEveryRole(s.backend);
    const { hits } = await callOk<{ hits: { crd: string }[] }>(s.backend, 'individual.search', { query: 'a' }, tokens.agent);
    expect(hits.length).toBeGreaterThan(0);
    const person = await callOk<{ eligibility: { qualifications: unknown[] } }>(s.backend, 'individual.get', { crd: hits[0].crd }, tokens.agent);
    expect(person.eligibility.qualifications.length).toBeGreaterThan(0);

    const offline = await s.backend.sync!.syncOnce();
    expect(offline.ok).toBe(false);
    expect(offline.error).toMatch(/did not answer/);
    const status = await callOk<SyncStatus>(s.backend, 'sync.status', {}, tokens.agent);
    expect(status.connection).toBe('offline');
    const pendingOffline = status.pending;
    await callOk(s.backend, 'individual.get', { crd: hits[1].crd }, tokens.agent);
    expect((await callOk<SyncStatus>(s.backend, 'sync.status', {}, tokens.agent)).pending).toBe(pendingOffline + 1);

    await central.restart();
    s.clock.advance(60_000); // past the backoff of the failed attempt
    const back = await s.backend.sync!.syncOnce();
    expect(back).toMatchObject({ ok: true });
    expect((await callOk<SyncStatus>(s.backend, 'sync.status', {}, tokens.agent)).pending).toBe(0);
  });

  it('settings: an admin points a station without a central service at one; a wrong token or URL is refused first', async () => {
    central = await startCentralProcess({ seed: 40 });
    station = await testBackend();
    const tokens = await staffWithEveryRole(station.backend);
    expect(await callOk<SyncStatus>(station.backend, 'sync.status', {}, tokens.agent)).toMatchObject({ connection: 'not-configured' });
    expect(await call(station.backend, 'sync.now', {}, tokens.agent)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const wrongToken = await call(station.backend, 'sync.configure', { url: central.url, token: 'not-the-token' }, tokens.admin);
    expect(wrongToken).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNAVAILABLE', details: { issues: [{ path: ['token'] }] } } });
    const deadUrl = await call(station.backend, 'sync.configure', { url: 'http://127.0.0.1:9/', token: central.stationToken }, tokens.admin);
    expect(deadUrl).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNAVAILABLE', details: { issues: [{ path: ['url'] }] } } });
    expect(await callOk<SyncStatus>(station.backend, 'sync.status', {}, tokens.agent)).toMatchObject({ connection: 'not-configured' });

    await callOk(station.backend, 'sync.configure', { url: central.url, token: central.stationToken }, tokens.admin);
    const report = await station.backend.sync!.syncOnce();
    expect(report).toMatchObject({ ok: true });
    expect(stationStats(station.dataDir).individuals).toBe(40);
  });
});
