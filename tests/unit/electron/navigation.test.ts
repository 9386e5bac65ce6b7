import { describe, expect, it } from 'vitest';
import { decideNavigation } from '../../../src-main/main/policies/navigation';
import { decideWindowOpen } from '../../../src-main/main/policies/window-open';

describe('§7 will-navigate: only our own app://mqp origin', () => {
  it.each(['app://mqp/index.html', 'app://mqp/', 'app://mqp/individuals/123?tab=history', 'app://MQP/index.html'])(
    '§7 allows %s',
    (url) => {
      expect(decideNavigation(url)).toEqual({ allow: true });
    },
  );

  it.each([
    ['another app host', 'app://evil/index.html', null],
    ['app origin with a port', 'app://mqp:8080/', null],
    ['app origin with credentials', 'app://x@mqp/', null],
    ['file URL', 'file:///etc/passwd', null],
    ['http page', 'http://127.0.0.1:5173/', null],
    ['remote https page', 'https://evil.example/', null],
    ['javascript URL', 'javascript:alert(1)', null],
    ['about:blank', 'about:blank', null],
    ['allow-listed https link goes to the browser', 'https://www.finra.org/x', 'https://www.finra.org/x'],
    ['garbage', 'not a url', null],
  ])('§7 denies %s', (_why, url, external) => {
    expect(decideNavigation(url)).toEqual({ allow: false, openExternal: external });
  });
});

describe('§7 setWindowOpenHandler: always deny, allow-listed https to the system browser', () => {
  it.each([
    ['allow-listed https', 'https://finra.org/mqp', 'https://finra.org/mqp'],
    ['our own origin', 'app://mqp/index.html', null],
    ['about:blank popup', 'about:blank', null],
    ['javascript URL', 'javascript:alert(1)', null],
    ['lookalike host', 'https://nasaa.org.evil.com/', null],
    ['http', 'http://finra.org/', null],
    ['empty', '', null],
  ])('§7 %s → deny, openExternal %s', (_why, url, external) => {
    expect(decideWindowOpen(url)).toEqual({ response: { action: 'deny' }, openExternal: external });
  });
});
