import { describe, expect, it } from 'vitest';
import { APP_SCHEME_REGISTRATION } from '../../../src-main/main/policies/app-scheme';
import { buildWebPreferences, buildWindowOptions } from '../../../src-main/main/policies/web-preferences';

const preloadPath = '/opt/mqp/out/preload/index.cjs';

describe('§7 BrowserWindow webPreferences', () => {
  it.each([false, true])('§7 isolation, sandbox, no Node, web security (kiosk=%s)', (kiosk) => {
    expect(buildWebPreferences({ preloadPath, kiosk })).toMatchObject({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it.each([
    [true, false],
    [false, true],
  ])('§7 kiosk=%s → devTools=%s', (kiosk, devTools) => {
    expect(buildWebPreferences({ preloadPath, kiosk }).devTools).toBe(devTools);
  });

  it.each([
    [true, { kiosk: true, fullscreen: true }],
    [false, { kiosk: false, fullscreen: false }],
  ])('§7 kiosk=%s window is %o', (kiosk, expected) => {
    const options = buildWindowOptions({ preloadPath, kiosk });
    expect(options).toMatchObject({ ...expected, show: false });
    expect(options.webPreferences).toEqual(buildWebPreferences({ preloadPath, kiosk }));
  });
});

describe('§7 app:// scheme privileges', () => {
  it('§7 standard and secure, fetch on same origin, no CORS bypass and no CSP bypass', () => {
    expect(APP_SCHEME_REGISTRATION).toEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false }),
    });
  });
});
