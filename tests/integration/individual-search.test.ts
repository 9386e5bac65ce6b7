/**
 * Caller lookup (searchIndividuals) on a real store: which people a typed text finds, and in which order — whole-word
 * matches first, then word starts, each tier in name order. The expected sets are worked out here from the records,
 * never from the FTS index.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndividualRecord } from '../../src-main/contract';
import { importIndividuals } from '../../src-main/backend/services/import/import-individuals';
import { searchIndividuals } from '../../src-main/backend/services/individual/search-individuals';
import { openStore, type Store } from '../../src-main/backend/store/open-store';
import { person } from '../support/records';
import { tempDir } from '../support/temp-dir';

const PEOPLE: IndividualRecord[] = [
  person('1001', { firstName: 'John', lastName: 'Smith', email: 'john.smith@gmail.com' }),
  person('1002', { firstName: 'Johnny', lastName: 'Smithers', email: 'jsmithers@aol.com' }),
  person('1003', { firstName: 'Anna', lastName: 'Johnson', email: 'anna_johnson@yahoo.com' }),
  person('1004', { firstName: 'José', lastName: 'Álvarez', email: 'jose.alvarez@gmail.com' }),
  person('1005', { firstName: 'Maria', lastName: 'Cohen', email: 'maria_c@hotmail.com' }),
  person('1006', { firstName: 'Maria', lastName: 'Costa', email: 'maria.costa@gmail.com' }),
  person('1007', { firstName: 'Mariam', lastName: 'Brown', email: 'mbrown@gmail.com' }),
  person('1008', { firstName: 'Lisa', lastName: 'Perez', email: 'lisa.perez@gmail.com' }),
  person('1009', { firstName: 'Lisa', lastName: 'Perez', email: 'lisa.perez@aol.com' }),
  person('1010', { firstName: 'Perez', lastName: 'Lisa', email: 'perez.lisa@gmail.com' }),
  person('7', { firstName: 'Ole', lastName: 'Number', email: 'ole@firm.org' }),
  person('70001', { firstName: 'Ola', lastName: 'Number', email: 'ola@firm.org' }),
];

let dir: ReturnType<typeof tempDir>;
let store: Store;
beforeAll(async () => {
  dir = tempDir();
  store = await openStore(join(dir.path, 'data'));
  const report = await importIndividuals(store.db, PEOPLE.map((p) => JSON.stringify(p)), {
    asOf: '2025-10-01', now: new Date('2025-10-01T15:00:00Z'), stationId: 'station-test', staffId: null, source: 'test',
  });
  expect(report.ok).toBe(true);
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

const crds = (text: string, limit = 20) => searchIndividuals(store.db, text, limit, '2025-10-01').map((h) => h.crd);

describe('caller lookup', () => {
  it('finds people by the starts of their words, in any order, accents folded', () => {
    expect(crds('smi jo')).toEqual(['1001', '1002']); // John Smith, Johnny Smithers: both by word starts, by name
    expect(crds('jose')).toEqual(['1004']);
    expect(crds('ÁLVA')).toEqual(['1004']);
    expect(crds('m')).toEqual(['1007', '1005', '1006']); // Brown, Cohen, Costa
  });

  it('lists whole-word matches before word starts, each in name order', () => {
    // "maria" is the whole first name of Cohen and Costa, only the start of Mariam's.
    expect(crds('maria')).toEqual(['1005', '1006', '1007']);
    // "john" is whole for John Smith; Johnny Smithers and Anna Johnson only start with it.
    expect(crds('john')).toEqual(['1001', '1003', '1002']);
    // The limit keeps the best: the whole-word match survives a limit of one.
    expect(crds('john', 1)).toEqual(['1001']);
  });

  it('reads an e-mail as written: its words in order, the domain included', () => {
    expect(crds('lisa.perez@gmail.com')).toEqual(['1008']);
    expect(crds('lisa.perez@')).toEqual(['1008', '1009']); // same name: by CRD
    expect(crds('lisa.perez@ao')).toEqual(['1009']);
    expect(crds('perez.lisa@gmail.com')).toEqual(['1010']);
    expect(crds('maria_c@hotmail.com')).toEqual(['1005']);
  });

  it('matches a CRD whole or by its start, leading zeros ignored', () => {
    expect(crds('0007')).toEqual(['7', '70001']);
    expect(crds('70001')).toEqual(['70001']);
  });

  it('treats FTS5 syntax as plain text and finds nothing in text without letters or digits', () => {
    expect(crds('"smith"* -')).toEqual(['1001', '1002']);
    expect(crds('john^ (smith:')).toEqual(['1001', '1002']);
    expect(crds('*** ---')).toEqual([]);
    expect(crds('zzqx')).toEqual([]);
  });
});
