import { describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../../src-main/main/shell-args';

describe('§7 Electron shell flags', () => {
  it.each([
    [[], { kiosk: false, dataDir: null }],
    [['.'], { kiosk: false, dataDir: null }],
    [['--kiosk'], { kiosk: true, dataDir: null }],
    [['.', '--data', '/tmp/station-a'], { kiosk: false, dataDir: '/tmp/station-a' }],
    [['--data=/tmp/station b', '--kiosk'], { kiosk: true, dataDir: '/tmp/station b' }],
    [['--no-sandbox', '--enable-logging', '--kiosk'], { kiosk: true, dataDir: null }],
  ])('§7 %j → %j', (argv, expected) => {
    expect(parseShellArgs(argv)).toEqual(expected);
  });

  it.each([[['--data']], [['--data', '--kiosk']], [['--data=']]])('§7 %j is refused with a clear message', (argv) => {
    expect(() => parseShellArgs(argv)).toThrow('--data needs a folder');
  });
});
