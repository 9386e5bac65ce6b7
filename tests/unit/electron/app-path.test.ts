import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../src-main/main/policies/app-path';

const root = path.resolve('/srv/mqp/out/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('§7 app:// path resolution stays inside out/renderer', () => {
  it.each([
    ['app://mqp/index.html', inRoot('index.html'), false],
    ['app://mqp/assets/index-4f2a.js', inRoot('assets', 'index-4f2a.js'), false],
    ['app://mqp/assets/index-4f2a.js?v=1#x', inRoot('assets', 'index-4f2a.js'), false],
    ['app://mqp/assets/font%20name.woff2', inRoot('assets', 'font name.woff2'), false],
    ['app://mqp//assets//logo.svg', inRoot('assets', 'logo.svg'), false],
    ['app://MQP/index.html', inRoot('index.html'), false],
  ])('§7 serves %s from %s', (url, filePath, spaFallback) => {
    expect(resolveAppPath(url, root)).toEqual({ kind: 'file', filePath, spaFallback });
  });

  it.each([
    ['app://mqp', 'the bare origin'],
    ['app://mqp/', 'the root'],
    ['app://mqp/?x=1', 'the root with a query'],
    ['app://mqp/individuals/123', 'a route'],
    ['app://mqp/review/queue?page=2', 'a route with a query'],
  ])('§7 SPA fallback: %s (%s) serves index.html', (url) => {
    expect(resolveAppPath(url, root)).toEqual({ kind: 'file', filePath: inRoot('index.html'), spaFallback: true });
  });

  it.each([
    ['dot-dot', 'app://mqp/../../etc/passwd', 403],
    ['dot-dot in the middle', 'app://mqp/assets/../../secret.txt', 403],
    ['encoded dot-dot', 'app://mqp/%2e%2e/%2e%2e/etc/passwd', 403],
    ['upper-case encoded dot-dot', 'app://mqp/%2E%2E/etc/passwd', 403],
    ['half-encoded dot-dot', 'app://mqp/.%2e/etc/passwd', 403],
    ['single dot', 'app://mqp/./index.html', 403],
    ['encoded slash rebuilding dot-dot', 'app://mqp/..%2f..%2fetc%2fpasswd', 403],
    ['encoded backslash', 'app://mqp/..%5c..%5cwindows%5cwin.ini', 403],
    ['raw backslash traversal', 'app://mqp/..\\..\\windows\\win.ini', 403],
    ['absolute path via encoded slash', 'app://mqp/%2fetc%2fpasswd', 403],
    ['Windows drive letter', 'app://mqp/C:/Windows/win.ini', 403],
    ['encoded drive letter', 'app://mqp/C%3A%5CWindows%5Cwin.ini', 403],
    ['encoded NUL', 'app://mqp/index.html%00.png', 400],
    ['raw NUL', 'app://mqp/index.html\0.png', 400],
    ['control character', 'app://mqp/a%0ab.js', 400],
    ['malformed percent-encoding', 'app://mqp/%E0%A4%A.js', 400],
    ['another host', 'app://evil/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['a port', 'app://mqp:1234/index.html', 400],
    ['credentials', 'app://user:pw@mqp/index.html', 400],
    ['dot-file', 'app://mqp/.env', 404],
    ['not a URL', 'index.html', 400],
  ])('§7 rejects %s (%s) with %i', (_why, url, status) => {
    const result = resolveAppPath(url, root);
    expect(result.kind).toBe('reject');
    expect(result.kind === 'reject' && result.status).toBe(status);
  });

  it('§7 refuses a relative root (a programming error, not a request error)', () => {
    expect(() => resolveAppPath('app://mqp/index.html', 'out/renderer')).toThrow(/absolute/);
  });
});
