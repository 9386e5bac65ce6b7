import { describe, expect, it } from 'vitest';
import { fuseFlipOptions, INTENDED_FUSES } from '../../../src-main/main/policies/fuses';

describe('§7 Electron fuses intended for packaging', () => {
  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['OnlyLoadAppFromAsar', true],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['EnableCookieEncryption', true],
    ['GrantFileProtocolExtraPrivileges', false],
  ] as const)('§7 %s is %s', (fuse, enabled) => {
    expect(fuseFlipOptions()[fuse]).toBe(enabled);
  });

  it('§7 every fuse is listed once with a reason', () => {
    expect(new Set(INTENDED_FUSES.map((f) => f.fuse)).size).toBe(INTENDED_FUSES.length);
    for (const f of INTENDED_FUSES) expect(f.why.length).toBeGreaterThan(10);
    expect(Object.isFrozen(INTENDED_FUSES)).toBe(true);
  });

  it('§7 a duplicated fuse is a clear error', () => {
    expect(() => fuseFlipOptions([...INTENDED_FUSES, { fuse: 'RunAsNode', enabled: true, why: 'again' }])).toThrow(
      'fuse RunAsNode is listed twice',
    );
  });
});
