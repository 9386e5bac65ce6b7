import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, isPermissionGranted } from '../../../src-main/main/policies/permissions';

describe('§7 permission requests are denied by default', () => {
  it.each([
    ['media', 'app://mqp'],
    ['geolocation', 'app://mqp'],
    ['notifications', 'app://mqp/index.html'],
    ['clipboard-read', 'app://mqp'],
    ['openExternal', 'app://mqp'],
    ['fullscreen', 'app://mqp'],
    ['unknown', 'https://evil.example'],
    ['media', undefined],
  ])('§7 denies %s asked by %s', (permission, requestingOrigin) => {
    expect(isPermissionGranted({ permission, requestingOrigin })).toBe(false);
  });

  it('§7 the shipped allow-list is empty', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
  });

  const allowList = new Set(['clipboard-sanitized-write']);
  it.each([
    ['our origin', 'app://mqp', true],
    ['our URL', 'app://mqp/index.html', true],
    ['another origin', 'https://finra.org', false],
    ['a lookalike app host', 'app://mqp.evil', false],
    ['no origin', null, false],
  ])('§7 an allow-listed permission is granted only to %s', (_why, requestingOrigin, expected) => {
    expect(isPermissionGranted({ permission: 'clipboard-sanitized-write', requestingOrigin }, allowList)).toBe(expected);
  });
});
