import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src-main/web-host/web-host';
import { tempDir } from '../support/temp-dir';
import { testBackend, TEST_PASSWORD } from '../support/test-backend';

let t: Awaited<ReturnType<typeof testBackend>>;
let host: WebHost;
const renderer = tempDir('mqp-renderer-');

beforeAll(async () => {
  t = await testBackend();
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<html><head><meta name="mqp-launch-token" content=""></head><body>console</body></html>');
  writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ backend: t.backend, rendererDir: renderer.path });
});
afterAll(async () => {
  await host.close();
  await t.close();
  renderer.cleanup();
});

/** A raw request, so tests can set any Host header. */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const rpc = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/rpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mqp-token': host.launchToken, ...headers }, body: JSON.stringify({ input }) });

describe('web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the console with the launch token in the page, and the CSP header', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="mqp-launch-token" content="${host.launchToken}">`);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect((await raw('/assets/app.js')).body).toBe('console.log(1)');
  });

  it('answers procedures as envelopes over POST /rpc/:procedure', async () => {
    const res = await rpc('setup.status', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { needsAdmin: true } });
    const bad = JSON.parse((await rpc('individual.search', { query: 'x' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses calls without the launch token, or with another one', async () => {
    expect((await rpc('setup.status', {}, { 'x-mqp-token': '' })).status).toBe(403);
    expect((await rpc('setup.status', {}, { 'x-mqp-token': 'x'.repeat(43) })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw('/rpc/setup.status', { method: 'POST', headers: { host: 'evil.example:80', 'x-mqp-token': host.launchToken }, body: '{}' });
    expect(res.status).toBe(421);
  });

  it('answers a malformed body with INVALID_INPUT', async () => {
    const res = await raw('/rpc/setup.status', { method: 'POST', headers: { 'x-mqp-token': host.launchToken }, body: '{"input":' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%00app.js'])('does not serve %s outside the renderer', async (path) => {
    const res = await raw(path);
    expect(res.body).not.toContain('"name"');
    expect([400, 404]).toContain(res.status);
  });

  it('streams backend events over GET /events with the token as a header', async () => {
    await t.backend.call({ procedure: 'setup.createAdmin', input: { username: 'admin', displayName: 'A', password: TEST_PASSWORD } });
    const signIn = await t.backend.call({ procedure: 'session.signIn', input: { username: 'admin', password: TEST_PASSWORD } });
    const token = signIn.ok ? (signIn.value as { token: string }).token : '';
    const text = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { 'x-mqp-token': host.launchToken } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
          if (body.includes(': connected') && !body.includes('event:')) {
            // An expired session is announced to the console as an event.
            t.clock.advance(31 * 60_000);
            void t.backend.call({ procedure: 'session.current', input: {}, sessionToken: token });
          }
          if (body.includes('\n\n') && body.includes('event: ')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain('event: session.ended\ndata: {"reason":"expired"}');
  });

  it('has no test-clock endpoint unless started with one', async () => {
    const res = await raw('/__test/clock', { method: 'POST', headers: { 'x-mqp-token': host.launchToken }, body: '{"advanceMs":1000}' });
    expect(res.status).toBe(405);
    const withClock = await startWebHost({ backend: t.backend, rendererDir: renderer.path, testClock: t.clock });
    try {
      const before = t.clock.now().getTime();
      const moved = await fetch(`${withClock.url}__test/clock`, { method: 'POST', headers: { 'x-mqp-token': withClock.launchToken }, body: '{"advanceMs":3600000}' });
      expect(moved.status).toBe(200);
      expect(t.clock.now().getTime() - before).toBe(3_600_000);
      expect((await fetch(`${withClock.url}__test/clock`, { method: 'POST', body: '{"advanceMs":1}' })).status).toBe(403);
    } finally {
      await withClock.close();
    }
  });

  it('refuses the event stream without the token', async () => {
    expect((await raw('/events')).status).toBe(403);
  });
});
