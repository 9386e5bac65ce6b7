/** DESIGN §4: every /v1 request carries a registered station token; admin endpoints need the admin token. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess({ extraArgs: ['--station-token', 'second-station-token'] });
});
afterAll(() => central?.stop());

describe('central service: station tokens and admin access', () => {
  it('prints its 127.0.0.1 URL and answers health with a registered token', async () => {
    expect(central.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await central.v1('health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, serverTime: expect.any(String) });
  });

  it.each([
    ['no Authorization header', {}],
    ['an unregistered token', { authorization: 'Bearer not-a-registered-token' }],
    ['a token in the wrong scheme', { authorization: `Basic ${'x'.repeat(16)}` }],
  ])('answers 401 with %s, on every /v1 route', async (_name, headers: Record<string, string>) => {
    for (const [method, path] of [['GET', 'health'], ['GET', 'changes'], ['POST', 'commands'], ['POST', 'payments/tokenize'], ['POST', 'payments']]) {
      const res = await fetch(new URL(`v1/${path}`, central.url), { method, headers, body: method === 'POST' ? '{}' : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('accepts every token registered with a repeated --station-token', async () => {
    const res = await fetch(new URL('v1/health', central.url), { headers: { authorization: 'Bearer second-station-token' } });
    expect(res.status).toBe(200);
  });

  it('refuses admin endpoints without the right x-admin-token', async () => {
    expect((await fetch(new URL('__admin/stats', central.url))).status).toBe(403);
    expect((await fetch(new URL('__admin/stats', central.url), { headers: { 'x-admin-token': 'wrong-token' } })).status).toBe(403);
    expect((await central.admin('stats')).status).toBe(200);
  });

  it('answers unknown routes with a 404 in the contract error shape', async () => {
    const res = await central.v1('no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('stores station tokens only as hashes', async () => {
    const stats = (await (await central.admin('stats')).json()) as { tables: Record<string, number> };
    expect(stats.tables.station_token).toBe(2);
    const files = readdirSync(central.dataDir).map((f) => readFileSync(join(central.dataDir, f)));
    expect(files.length).toBeGreaterThan(0);
    for (const content of files) expect(content.includes('second-station-token')).toBe(false);
  });
});

describe('central service without --admin-token', () => {
  let plain: CentralProcess;
  beforeAll(async () => {
    plain = await startCentralProcess({ adminToken: null });
  });
  afterAll(() => plain?.stop());

  it('has no admin endpoints at all (404), even from loopback with some token', async () => {
    const res = await fetch(new URL('__admin/stats', plain.url), { headers: { 'x-admin-token': 'anything-at-all' } });
    expect(res.status).toBe(404);
    expect((await plain.v1('health')).status).toBe(200);
  });
});
