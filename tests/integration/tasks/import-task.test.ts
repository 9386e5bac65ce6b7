/**
 * Import from the console (issue 5): a file sent in slices, checked whole, then written in one transaction in a
 * worker thread — all or nothing, with a validation report (line, field, problem), progress and cancel.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoIndividuals } from '../../../src-main/backend/domain';
import { CSV_COLUMNS } from '../../../src-main/backend/services/import/csv-individuals';
import { jsonl, person } from '../../support/records';
import { call, callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';
import { databaseHash, finished, nextProgress, startImport } from './task-client';

let t: Awaited<ReturnType<typeof testBackend>>;
let tokens: Awaited<ReturnType<typeof staffWithEveryRole>>;
beforeAll(async () => {
  t = await testBackend({ individuals: 5 });
  tokens = await staffWithEveryRole(t.backend);
});
afterAll(() => t.close());

const HEADER = CSV_COLUMNS.join(',');
/** One CSV row per registration, in the documented column order. */
const csvRow = (crd: string, over: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    crd, first_name: 'Dana', last_name: `Tester${crd}`, date_of_birth: '', email: `dana.${crd}@gmail.com`, phone: '212-555-0100',
    street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207', country: 'US', finpro_last_login: '2024-01-10',
    category: 'GS', series: '7', level: 'representative', start_date: '2018-01-10', termination_date: '2023-06-15', termination_type: 'full', ...over,
  };
  return CSV_COLUMNS.map((c) => cells[c]).join(',');
};
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const search = (query: string) => callOk<{ hits: { crd: string; firstName: string }[] }>(t.backend, 'individual.search', { query }, tokens.agent);
const readDb = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(join(t.dataDir, 'mqp.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const lastAuditEvent = () =>
  readDb((db) => {
    const row = db.prepare(`SELECT action, staff_id AS staffId, details FROM audit_event ORDER BY seq DESC LIMIT 1`).get() as { action: string; staffId: number; details: string };
    return { ...row, details: JSON.parse(row.details) as unknown };
  });
const supervisorId = () => readDb((db) => db.prepare(`SELECT id FROM staff WHERE username = 'supervisor'`).pluck().get());
const imported = async (content: string | Buffer, format: 'jsonl' | 'csv') => finished(t.backend, tokens.supervisor, (await startImport(t.backend, tokens.supervisor, content, format)).id);

describe('console import: good files', () => {
  it('imports a JSON-lines file in one transaction: counts, audit event, searchable afterwards', async () => {
    const existing = readDb((db) => db.prepare(`SELECT crd FROM individual LIMIT 1`).pluck().get() as string);
    const task = await imported(jsonl([person('310001', { firstName: 'Zebulon' }), person('310002'), person(existing)]), 'jsonl');
    expect(task).toMatchObject({ kind: 'import', state: 'done', done: 3, total: 3, inserted: 2, updated: 1, problems: [] });
    expect((await search('zebulon')).hits.map((h) => h.crd)).toEqual(['310001']);
    expect(lastAuditEvent()).toMatchObject({ action: 'individuals.imported', staffId: supervisorId(), details: { source: 'console import people.jsonl (jsonl)', records: 3, inserted: 2, updated: 1 } });
  });

  it('imports the flat CSV: rows of one CRD are one individual; quoted commas, quotes and accents survive', async () => {
    const file = csv(
      csvRow('320001', { first_name: 'José', last_name: '"O\'Brien, Jr."', street: '"5 Elm St, Apt ""B"""' }),
      csvRow('320001', { first_name: 'José', last_name: '"O\'Brien, Jr."', street: '"5 Elm St, Apt ""B"""', category: 'GP', series: '24', level: 'principal' }),
      csvRow('320002', { category: '', series: '', level: '', start_date: '', termination_date: '', termination_type: '' }),
    );
    const task = await imported(file, 'csv');
    expect(task).toMatchObject({ state: 'done', done: 2, inserted: 2, updated: 0, problems: [] });
    expect((await search('jose brien')).hits.map((h) => h.crd)).toEqual(['320001']);
    const view = await callOk<{ lastName: string; address: { street: string }; registrations: { category: string }[] }>(t.backend, 'individual.get', { crd: '320001' }, tokens.agent);
    expect(view).toMatchObject({ lastName: "O'Brien, Jr.", address: { street: '5 Elm St, Apt "B"' }, registrations: [{ category: 'GS' }, { category: 'GP' }] });
  });

  it('accepts a leading BOM and CRLF line ends silently (JSON lines and CSV)', async () => {
    const json = await imported('\uFEFF' + jsonl([person('330001'), person('330002')]).replace(/\n/g, '\r\n'), 'jsonl');
    expect(json).toMatchObject({ state: 'done', inserted: 2, problems: [] });
    const table = await imported('\uFEFF' + csv(csvRow('330003'), csvRow('330004')).replace(/\n/g, '\r\n'), 'csv');
    expect(table).toMatchObject({ state: 'done', inserted: 2, problems: [] });
  });
});

describe('console import: bad files give a report and import nothing', () => {
  const tooLong = '{"crd":"2","firstName":"' + 'x'.repeat(10 * 1024 * 1024) + '"}';
  const bad: [string, 'jsonl' | 'csv', string, { line: number; field: string; problem: RegExp }][] = [
    ['JSON with a field the format does not know', 'jsonl', jsonl([person('1'), { ...person('2'), middleName: 'Q' }]), { line: 2, field: 'middleName', problem: /not a field of the import format/ }],
    ['JSON with an impossible date', 'jsonl', jsonl([person('1'), person('2', { dateOfBirth: '2023-02-30' })]), { line: 2, field: 'dateOfBirth', problem: /not a real calendar date/ }],
    ['JSON with the same CRD twice', 'jsonl', jsonl([person('7'), person('8'), person('007')]), { line: 3, field: 'crd', problem: /CRD 7 appears more than once in this file \(first on line 1\)/ }],
    ['JSON with a 10 MB line', 'jsonl', jsonl([person('1')]) + tooLong + '\n' + jsonl([person('3')]), { line: 2, field: 'line', problem: /longer than 1,000,000 bytes/ }],
    ['an empty JSON-lines file', 'jsonl', '', { line: 0, field: 'file', problem: /^the file holds no records$/ }],
    ['JSON lines that are all blank', 'jsonl', '\r\n\n  \n', { line: 0, field: 'file', problem: /^the file holds no records$/ }],
    ['CSV with a wrong column', 'csv', csv(csvRow('1')).replace('last_name', 'surname'), { line: 1, field: 'surname', problem: /not a column of the import format/ }],
    ['CSV with an impossible date', 'csv', csv(csvRow('1'), csvRow('2'), csvRow('2', { category: 'GP', level: 'principal', start_date: '2023-02-30' })), { line: 4, field: 'start_date', problem: /not a real calendar date/ }],
    ['CSV with a CRD in two groups', 'csv', csv(csvRow('7'), csvRow('8'), csvRow('007', { category: 'GP', level: 'principal' })), { line: 4, field: 'crd', problem: /CRD 7 already appeared on line 2/ }],
    ['CSV whose rows of one CRD disagree', 'csv', csv(csvRow('7'), csvRow('7', { email: 'other@gmail.com', category: 'GP', level: 'principal' })), { line: 3, field: 'email', problem: /differs from line 2/ }],
    ['CSV with a row of the wrong width', 'csv', csv(csvRow('7'), '8,Ann,Lee'), { line: 3, field: 'line', problem: /has 3 fields where the header names 18/ }],
    ['CSV with a 10 MB line', 'csv', csv(csvRow('1'), csvRow('2', { last_name: 'x'.repeat(10 * 1024 * 1024) })), { line: 3, field: 'line', problem: /longer than 1,000,000 characters/ }],
    ['an empty CSV file', 'csv', '', { line: 0, field: 'file', problem: /^the file holds no records$/ }],
    ['a CSV file with only its header', 'csv', csv(), { line: 0, field: 'file', problem: /^the file holds no records$/ }],
  ];

  it.each(bad)('%s', async (_name, format, content, expected) => {
    const before = databaseHash(t.dataDir);
    const task = await imported(content, format);
    expect(task.state).toBe('failed');
    expect(task.message).toMatch(/Nothing was imported/);
    expect(task.problems[0]).toMatchObject({ line: expected.line, field: expected.field });
    expect(task.problems[0].problem).toMatch(expected.problem);
    expect(databaseHash(t.dataDir)).toBe(before);
  });

  it('reports every bad line and field of a file, not only the first', async () => {
    const task = await imported(jsonl([person('1', { email: 'not-an-email' }), person('2'), person('3', { dateOfBirth: '2023-02-30', firstName: '' })]), 'jsonl');
    expect(task.problems.map((p) => [p.line, p.field])).toEqual([[1, 'email'], [3, 'firstName'], [3, 'dateOfBirth']]);
  });
});

describe('console import: cancel, access', () => {
  it('a cancel while the rows are being written rolls everything back', async () => {
    const lines = [...generateDemoIndividuals(20_000, 11)].map((r) => JSON.stringify({ ...r, crd: String(40_000_000 + Number(r.crd)) }));
    const before = databaseHash(t.dataDir);
    const started = await startImport(t.backend, tokens.supervisor, lines.join('\n'), 'jsonl');
    const writing = nextProgress(t.backend, started.id, 60_000, (p) => p.total === 20_000 && p.done > 0);
    await writing;
    const cancelled = await callOk<{ state: string }>(t.backend, 'task.cancel', { taskId: started.id }, tokens.supervisor);
    expect(cancelled.state).toBe('running'); // the worker stops at its next record, then rolls back
    const task = await finished(t.backend, tokens.supervisor, started.id);
    expect(task).toMatchObject({ state: 'cancelled', message: 'The import was cancelled; nothing was imported.' });
    expect(databaseHash(t.dataDir)).toBe(before);
  });

  it('a cancel while the file is still being checked ends the task before anything is written', async () => {
    const lines = [...generateDemoIndividuals(5_000, 12)].map((r) => JSON.stringify({ ...r, crd: String(60_000_000 + Number(r.crd)) }));
    const before = databaseHash(t.dataDir);
    const started = await startImport(t.backend, tokens.supervisor, lines.join('\n'), 'jsonl');
    await callOk(t.backend, 'task.cancel', { taskId: started.id }, tokens.supervisor);
    expect(await finished(t.backend, tokens.supervisor, started.id)).toMatchObject({ state: 'cancelled', inserted: null });
    expect(databaseHash(t.dataDir)).toBe(before);
  });

  it('starts one import at a time; a second upload waits, still uploaded, until the first has finished', async () => {
    const first = await startImport(t.backend, tokens.supervisor, jsonl([person('360001')]), 'jsonl');
    const { uploadId } = await callOk<{ uploadId: string }>(t.backend, 'import.begin', { fileName: 'more.jsonl', format: 'jsonl' }, tokens.admin);
    await callOk(t.backend, 'import.append', { uploadId, chunk: Buffer.from(jsonl([person('360002')])).toString('base64') }, tokens.admin);
    const refused = await call(t.backend, 'import.start', { uploadId }, tokens.admin);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', message: /Another import is running/ });
    await finished(t.backend, tokens.supervisor, first.id);
    const second = await callOk<{ id: string }>(t.backend, 'import.start', { uploadId }, tokens.admin);
    expect(await finished(t.backend, tokens.admin, second.id)).toMatchObject({ state: 'done', inserted: 1 });
  });

  it('a task is seen and cancelled only by whoever started it; agents may not import', async () => {
    const started = await startImport(t.backend, tokens.supervisor, jsonl([person('350001')]), 'jsonl');
    const other = await call(t.backend, 'task.get', { taskId: started.id }, tokens.admin);
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
    await finished(t.backend, tokens.supervisor, started.id);
    const agent = await call(t.backend, 'import.begin', { fileName: 'x.csv', format: 'csv' }, tokens.agent);
    expect(agent.ok ? null : agent.error.code).toBe('FORBIDDEN');
  });

  it('refuses a slice that is not base64', async () => {
    const { uploadId } = await callOk<{ uploadId: string }>(t.backend, 'import.begin', { fileName: 'x.jsonl', format: 'jsonl' }, tokens.supervisor);
    const result = await call(t.backend, 'import.append', { uploadId, chunk: '{"crd": 1}' }, tokens.supervisor);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'INVALID_INPUT', message: /base64/ });
  });
});
