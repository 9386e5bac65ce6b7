import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../src-main/main/app-protocol-handler';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/main/policies/csp';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'mqp-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MQP</title>');
  writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  handle = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('§7 app:// protocol handler', () => {
  it.each([
    ['app://mqp/index.html', 200, 'text/html; charset=utf-8', '<!doctype html><title>MQP</title>'],
    ['app://mqp/assets/main.js', 200, 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://mqp/assets/blob.bin', 200, 'application/octet-stream', 'x'],
    ['app://mqp/enrollment/42', 200, 'text/html; charset=utf-8', '<!doctype html><title>MQP</title>'],
    ['app://mqp/assets/missing.js', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['app://mqp/assets', 200, 'text/html; charset=utf-8', '<!doctype html><title>MQP</title>'],
    // The URL parser already folds %2e%2e away (→ app://mqp/secret.txt, not in the root): never the outside file.
    ['app://mqp/%2e%2e/secret.txt', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['app://mqp/..%2fsecret.txt', 403, 'text/plain; charset=utf-8', 'Refused'],
    ['app://other/index.html', 404, 'text/plain; charset=utf-8', 'Not found'],
  ])('§7 %s → %i %s', async (url, status, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it.each(['app://mqp/index.html', 'app://mqp/nope.js', 'app://mqp/%2e%2e/secret.txt'])(
    '§7 CSP header is on every response (%s)',
    async (url) => {
      const response = await get(url);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('§7 a directory requested with an extension-looking name is 404, not a crash', async () => {
    mkdirSync(path.join(root, 'dir.js'), { recursive: true });
    expect((await get('app://mqp/dir.js')).status).toBe(404);
  });

  it('§7 only GET and HEAD', async () => {
    expect((await get('app://mqp/index.html', 'POST')).status).toBe(405);
    const head = await get('app://mqp/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('§7 a read failure other than not-found is a 500 with the CSP, not a crash', async () => {
    const failing = createAppProtocolHandler(root, () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })));
    const response = await failing(new Request('app://mqp/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
