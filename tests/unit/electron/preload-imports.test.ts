import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../../src-main/contract';
import { BRIDGE_PROCEDURE_NAMES } from '../../../src-main/contract/bridge';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(`../../../${relative}`, import.meta.url)), 'utf8');

/** Value (non-type) import specifiers of a TypeScript file. */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].filter((m) => !m[1]).map((m) => m[2]);
}

describe('§7 the sandboxed preload stays small and dependency-free', () => {
  // A sandboxed preload can require only 'electron' (and a few Node built-ins); anything else must be bundled,
  // and the preload build externalizes npm packages. So at run time it may only import these.
  it.each([
    ['src-main/preload/index.ts', ['electron', '../contract/bridge', './bridge']],
    ['src-main/preload/bridge.ts', ['../contract/bridge']],
    ['src-main/contract/bridge.ts', []],
  ])('§7 %s imports at run time only %j', (file, allowed) => {
    expect(valueImports(read(file)).sort()).toEqual([...allowed].sort());
  });

  it('§2 the preload name list is exactly the contract procedures', () => {
    expect([...BRIDGE_PROCEDURE_NAMES].sort()).toEqual([...PROCEDURE_NAMES].sort());
  });
});
