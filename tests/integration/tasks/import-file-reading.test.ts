/** The pieces of a console import that read and check a file, on real files in a temp folder. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImportFile, importLines } from '../../../src-main/backend/services/import/check-import-file';
import { CSV_COLUMNS, csvIndividuals } from '../../../src-main/backend/services/import/csv-individuals';
import type { ImportProblem } from '../../../src-main/backend/services/import/import-individuals';
import { CsvReadError, readCsvRows } from '../../../src-main/backend/services/import/read-csv-rows';
import { readRecordLines } from '../../../src-main/backend/services/import/read-record-lines';
import { jsonl, person } from '../../support/records';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const fileWith = (content: string | Buffer) => {
  const file = join(dir.path, `file-${++n}`);
  writeFileSync(file, content);
  return file;
};
const all = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('reading JSON lines', () => {
  it('numbers lines, drops a leading BOM and the CR of CRLF, and keeps a last line without a line end', async () => {
    expect(await all(readRecordLines(fileWith('\uFEFF{"a":1}\r\n\r\n{"b":2}')))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it('refuses a line over the limit without assembling it, and goes on with the next line', async () => {
    const lines = await all(readRecordLines(fileWith(`short\n${'x'.repeat(200_000)}\nafter\n`), 1000));
    expect(lines).toEqual([
      { line: 1, text: 'short' },
      { line: 2, refused: 'the line is longer than 1,000 bytes, the most one record may take (it was not read further)' },
      { line: 3, text: 'after' },
    ]);
  });

  it('refuses a line that is not UTF-8 (a Latin-1 "é"), naming its line', async () => {
    const latin1 = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])]);
    expect(await all(readRecordLines(fileWith(latin1)))).toEqual([{ line: 1, text: 'ok' }, { line: 2, refused: expect.stringMatching(/not UTF-8/) }]);
  });
});

describe('reading CSV rows', () => {
  it('names each row by the line it ends on, with CRLF or LF, quoted line breaks and skipped empty lines', async () => {
    const rows = await all(readCsvRows(fileWith('\uFEFFa,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n4,5')));
    expect(rows).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '2'] },
      { line: 5, values: ['x\ny', '3'] },
      { line: 6, values: ['4', '5'] },
    ]);
  });

  it.each([
    ['a row over the limit', `a,b\n1,2\n"${'x'.repeat(5000)}",1\n`, 3, /longer than 1,000 characters/],
    ['a stray quote', 'a,b\n"ab"c,1\n', 2, /quote inside a field must be doubled/],
    ['a quote never closed', 'a,b\n1,"2\n3,4\n', 3, /never closed/],
  ])('stops at %s with a problem naming the line', async (_name, content, line, problem) => {
    const error = await all(readCsvRows(fileWith(content), 1000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvReadError);
    expect(error).toMatchObject({ line, message: expect.stringMatching(problem) });
  });
});

describe('the flat CSV format', () => {
  const row = (cells: Record<string, string>) => CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
  const base = { crd: '0042', first_name: 'Ana', last_name: 'Lee', email: 'ana@gmail.com', street: '1 Main', city: 'Albany', state: 'NY', zip: '12207', country: 'US' };
  const grouped = async (text: string) => {
    const problems: ImportProblem[] = [];
    const individuals = await all(csvIndividuals(readCsvRows(fileWith(text)), problems));
    return { problems, individuals };
  };

  it('accepts the columns in any order and in any case, and groups consecutive rows of a CRD into one individual', async () => {
    const header = [...CSV_COLUMNS].reverse();
    const line = (cells: Record<string, string>) => header.map((c) => cells[c] ?? '').join(',');
    const text = [header.map((c) => c.toUpperCase()).join(','), line({ ...base, category: 'GS', level: 'representative', start_date: '2018-01-01' }), line({ ...base, crd: '42', category: 'GP', level: 'principal', start_date: '2019-01-01', termination_date: '2023-01-01', termination_type: 'full' })].join('\n');
    const { problems, individuals } = await grouped(text);
    expect(problems).toEqual([]);
    expect(individuals).toHaveLength(1);
    expect(individuals[0]).toMatchObject({
      line: 2,
      registrationLines: [2, 3],
      record: {
        crd: '0042', firstName: 'Ana', dateOfBirth: null, phone: null, finproLastLogin: null, address: { street: '1 Main', state: 'NY' },
        registrations: [
          { category: 'GS', series: null, level: 'representative', startDate: '2018-01-01', terminationDate: null, terminationType: null },
          { category: 'GP', level: 'principal', terminationDate: '2023-01-01', terminationType: 'full' },
        ],
        disqualifications: [],
      },
    });
  });

  it('names every header problem: a foreign column, a column named twice, a missing column', async () => {
    const header = CSV_COLUMNS.filter((c) => c !== 'zip').concat(['middle_name', 'city']).join(',');
    const { problems, individuals } = await grouped(`${header}\n${row(base)}\n`);
    expect(individuals).toEqual([]);
    expect(problems).toEqual([
      { line: 1, field: 'middle_name', problem: expect.stringMatching(/^is not a column of the import format/) },
      { line: 1, field: 'city', problem: 'is named twice in the header' },
      { line: 1, field: 'zip', problem: 'the header does not name this column, which the import format needs' },
    ]);
  });

  it('reports a schema problem at the line and column it came from', async () => {
    const text = [CSV_COLUMNS.join(','), row({ ...base, category: 'GS', level: 'representative', start_date: '2018-01-01' }), row({ ...base, category: 'GP', level: 'boss', start_date: '2019-02-29' })].join('\n');
    const check = await checkImportFile(fileWith(text), 'csv');
    expect(check.problems.map((p) => [p.line, p.field])).toEqual([[3, 'level'], [3, 'start_date']]);
  });
});

describe('checking and feeding a whole file', () => {
  it('a good JSON-lines file passes, and importLines hands its records on', async () => {
    const file = fileWith(jsonl([person('1'), person('2')]));
    expect(await checkImportFile(file, 'jsonl')).toEqual({ problems: [], records: 2 });
    expect((await all(importLines(file, 'jsonl'))).map((text) => JSON.parse(text).crd)).toEqual(['1', '2']);
  });

  it('stops after the most problems asked for', async () => {
    const file = fileWith(jsonl(Array.from({ length: 50 }, (_, i) => person(String(i + 1), { email: 'nope' }))));
    expect((await checkImportFile(file, 'jsonl', { maxProblems: 10 })).problems).toHaveLength(10);
  });

  it('refuses a JSON value that is not an object, and fields the format does not know, nested too', async () => {
    const file = fileWith(jsonl(['[1,2]', { ...person('3'), address: { ...person('3').address, county: 'Albany' }, registrations: [{ ...person('3').registrations[0], grade: 'A' }] }]));
    expect((await checkImportFile(file, 'jsonl')).problems).toEqual([
      { line: 1, field: 'line', problem: 'must be one JSON object (one individual) per line' },
      { line: 2, field: 'address.county', problem: 'is not a field of the import format' },
      { line: 2, field: 'registrations.0.grade', problem: 'is not a field of the import format' },
    ]);
  });
});
