import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { filesHoldingCardNumbers } from '../../support/card-scan';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir();
afterEach(() => dir.cleanup());

it('the card-number scan finds a test card number in any file below a folder, as text or UTF-16', () => {
  mkdirSync(join(dir.path, 'nested'));
  writeFileSync(join(dir.path, 'clean.log'), 'token tok_123 brand visa last4 4242');
  expect(filesHoldingCardNumbers(dir.path)).toEqual([]);
  writeFileSync(join(dir.path, 'nested', 'leak.sqlite-wal'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('4000000000000002', 'utf16le')]));
  expect(filesHoldingCardNumbers(dir.path)).toEqual([`${join(dir.path, 'nested', 'leak.sqlite-wal')}: 4000000000000002`]);
});
