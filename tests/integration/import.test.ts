import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIndividuals } from '../../src-main/backend/services/import/import-individuals';
import { openStore } from '../../src-main/backend/store/open-store';
import { jsonl, person } from '../support/records';
import { storePerTest } from '../support/store-per-test';
import { tempDir } from '../support/temp-dir';

const store = storePerTest();

const now = new Date('2024-09-01T15:00:00Z');
const options = { asOf: '2024-09-01', now, stationId: 'station-test', staffId: null, source: 'test' };
const lines = (text: string) => text.split(/\r?\n/);
const counts = () => ({
  individuals: store().db.prepare('SELECT count(*) FROM individual').pluck().get(),
  registrations: store().db.prepare('SELECT count(*) FROM registration').pluck().get(),
  audit: store().db.prepare('SELECT count(*) FROM audit_event').pluck().get(),
  fts: store().db.prepare(`SELECT count(*) FROM individual_fts WHERE individual_fts MATCH '"dana"*'`).pluck().get(),
  // The import defers FTS inserts by dropping this trigger inside its transaction: it must always come back.
  ftsTrigger: store().db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'individual_fts_insert'`).pluck().get(),
});

describe('import of individuals', () => {
  it('imports valid lines with stored eligibility, search index and one audit event', async () => {
    const report = await importIndividuals(store().db, lines(jsonl([person('1001'), person('1002')])), options);
    expect(report).toMatchObject({ ok: true, inserted: 2, updated: 0, problems: [] });
    expect(counts()).toEqual({ individuals: 2, registrations: 2, audit: 1, fts: 2, ftsTrigger: 1 });
    const reg = store().db.prepare(`SELECT eligible, reason, enroll_window, enroll_by, reregister_by FROM registration LIMIT 1`).get();
    // C1: GS from 2018-01-10, terminated 2023-06-15, on 2024-09-01
    expect(reg).toEqual({ eligible: 1, reason: 'ELIGIBLE', enroll_window: 'standard', enroll_by: '2025-06-15', reregister_by: '2028-06-15' });
  });

  it('is idempotent on CRD: a re-import updates the person and replaces registrations', async () => {
    await importIndividuals(store().db, lines(jsonl([person('1001')])), options);
    const changed = person('0001001', {
      lastName: 'Renamed',
      registrations: [
        { category: 'GP', series: '24', level: 'principal', startDate: '2019-01-01', terminationDate: '2023-01-01', terminationType: 'full' },
        { category: 'AG', series: '63', level: 'state', startDate: '2019-01-01', terminationDate: '2023-01-01', terminationType: 'full' },
      ],
    });
    const report = await importIndividuals(store().db, lines(jsonl([changed])), options);
    expect(report).toMatchObject({ ok: true, inserted: 0, updated: 1 });
    expect(store().db.prepare('SELECT crd, last_name FROM individual').all()).toEqual([{ crd: '1001', last_name: 'Renamed' }]);
    expect(store().db.prepare('SELECT category, reason FROM registration ORDER BY position').all()).toEqual([
      { category: 'GP', reason: 'ELIGIBLE' },
      { category: 'AG', reason: 'STATE_REGISTRATION' },
    ]);
    expect(store().db.prepare(`SELECT count(*) FROM individual_fts WHERE individual_fts MATCH '"renamed"*'`).pluck().get()).toBe(1);
  });

  const bad: [string, string, { line: number; field: string; problem: RegExp }][] = [
    ['an impossible date', jsonl([person('1'), person('2', { dateOfBirth: '1990-02-30' })]), { line: 2, field: 'dateOfBirth', problem: /real calendar date/ }],
    ['a missing field', jsonl([person('1'), { ...person('2'), firstName: undefined }]), { line: 2, field: 'firstName', problem: /.+/ }],
    ['broken JSON', jsonl([person('1'), '{"crd": "2",']), { line: 2, field: 'line', problem: /not valid JSON/ }],
    ['the same CRD twice', jsonl([person('7'), person('8'), person('007')]), { line: 3, field: 'crd', problem: /CRD 7 appears more than once/ }],
    ['a bad US ZIP', jsonl([person('1', { address: { street: 'x', city: 'y', state: 'NY', zip: '123', country: 'US' } })]), { line: 1, field: 'address.zip', problem: /ZIP/ }],
    ['an all-zero CRD', jsonl([person('000')]), { line: 1, field: 'crd', problem: /all zeros/ }],
    ['an empty file', '', { line: 0, field: 'file', problem: /no records/ }],
  ];
  it.each(bad)('imports nothing from a file with %s, and names the line and field', async (_name, text, expected) => {
    await importIndividuals(store().db, lines(jsonl([person('5000')])), options); // existing data must stay as it is
    const before = counts();
    const report = await importIndividuals(store().db, lines(text), options);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ line: expected.line, field: expected.field });
    expect(report.problems[0].problem).toMatch(expected.problem);
    expect(counts()).toEqual(before);
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const text = '\uFEFF' + jsonl([person('1'), person('2')]).replace(/\n/g, '\r\n');
    const report = await importIndividuals(store().db, text.split('\n'), options);
    expect(report).toMatchObject({ ok: true, inserted: 2 });
  });

  it('mqp import: a bad file exits 2 naming the line, and changes nothing; a good one imports', async () => {
    const dir = tempDir(); // the CLI's own data folder and files, beside this test's store
    try {
      const dataDir = join(dir.path, 'cli-data');
      const badFile = join(dir.path, 'bad.jsonl');
      writeFileSync(badFile, jsonl([person('1'), person('2', { registrations: [{ category: 'GS', level: 'representative', startDate: 'soon' }] as never })]));
      const badRun = spawnSync(process.execPath, ['bin/mqp.js', 'import', badFile, '--data', dataDir], { encoding: 'utf8' });
      expect(badRun.status).toBe(2);
      expect(badRun.stderr).toMatch(/line 2, registrations\.0\.startDate: must be a date written YYYY-MM-DD/);
      expect(badRun.stderr).toMatch(/Nothing was imported/);

      const goodFile = join(dir.path, 'good.jsonl');
      writeFileSync(goodFile, jsonl([person('1'), person('2')]));
      const goodRun = spawnSync(process.execPath, ['bin/mqp.js', 'import', goodFile, '--data', dataDir], { encoding: 'utf8' });
      expect(goodRun.status, goodRun.stderr).toBe(0);
      expect(goodRun.stderr).toMatch(/Imported 2 individuals \(2 new, 0 updated\)/);
      const check = await openStore(dataDir);
      expect(check.db.prepare('SELECT count(*) FROM individual').pluck().get()).toBe(2);
      await check.close();
    } finally {
      dir.cleanup();
    }
  });
});
