/**
 * CSV export of the review workspace (issue 5): written in slices in the background with progress and cancel,
 * audited, kept in the station's task folder until downloaded, and parsed back here with csv-parse.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../src-main/backend/services/tasks/export-csv';
import { WORKSPACE_SORT_COLUMNS } from '../../../src-main/contract';
import { jsonl, person } from '../../support/records';
import { call, callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';
import { download, finished, nextProgress, startImport } from './task-client';

let t: Awaited<ReturnType<typeof testBackend>>;
let tokens: Awaited<ReturnType<typeof staffWithEveryRole>>;
const readDb = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(join(t.dataDir, 'mqp.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const registrationsOf = (...crds: string[]) =>
  readDb((db) => db.prepare(`SELECT r.id FROM registration r JOIN individual i ON i.id = r.individual_id WHERE i.crd IN (${crds.map(() => '?').join(',')}) ORDER BY r.id`).pluck().all(...crds) as number[]);
const exportFiles = () => readdirSync(join(t.dataDir, 'tasks')).filter((name) => name.startsWith('export-'));

beforeAll(async () => {
  t = await testBackend({ individuals: 8000 });
  tokens = await staffWithEveryRole(t.backend);
  const people = [
    person('91000001', { firstName: 'Ana, María', lastName: 'Núñez' }),
    person('91000002', { firstName: 'Bob "Bobby"', lastName: 'Smith' }),
    person('91000003', { firstName: 'Line\nBreak', lastName: 'Zoë' }),
    person('91000004', { firstName: 'Formula', lastName: '=HYPERLINK("x")' }),
  ];
  const imported = await startImport(t.backend, tokens.supervisor, jsonl(people), 'jsonl');
  expect((await finished(t.backend, tokens.supervisor, imported.id)).state).toBe('done');
});
afterAll(() => t.close());

async function exported(input: Record<string, unknown>, token = tokens.agent) {
  const started = await callOk<{ id: string }>(t.backend, 'export.start', input, token);
  const task = await finished(t.backend, token, started.id);
  expect(task.state).toBe('done');
  return { task, ...(await download(t.backend, token, started.id)) };
}

describe('CSV export', () => {
  const ids = () => registrationsOf('91000001', '91000002', '91000003', '91000004');

  it('parses back with csv-parse: header, quoted commas, quotes and line breaks in names, UTF-8 accents, no formula run', async () => {
    const { bytes, fileName, task } = await exported({ target: { kind: 'selection', registrationIds: ids() }, sort: { column: 'crd', direction: 'asc' } });
    expect(fileName).toBe('mqp-review-export-2024-09-01.csv');
    expect(task).toMatchObject({ rows: 4, done: 4, total: 4 });
    expect(bytes.subarray(0, 3).toString('utf8')).toBe('CRD'); // no BOM unless asked for
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(EXPORT_COLUMNS.map((c) => c.header).join(',')); // RFC 4180: CRLF between records
    const records = parse(text, { columns: true }) as Record<string, string>[];
    // Names as the workspace shows them: "Last, First".
    expect(records.map((r) => r.Name)).toEqual(['Núñez, Ana, María', 'Smith, Bob "Bobby"', 'Zoë, Line\nBreak', `'=HYPERLINK("x"), Formula`]);
    expect(records[0]).toEqual({
      CRD: '91000001', Name: 'Núñez, Ana, María', Category: 'GS', 'Termination date': '2023-06-15', 'Eligibility reason': 'ELIGIBLE', Window: 'standard',
      'Enroll by': '2025-06-15', 'Days left': '287', 'Re-register by': '2028-06-15', 'Enrollment status': 'none', Flags: '', Notes: '0',
    });
  });

  it('leads with a BOM when asked (for Excel), which csv-parse strips', async () => {
    const { bytes } = await exported({ target: { kind: 'selection', registrationIds: ids() }, bom: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])[0]).toBe('CRD');
    expect(records.map((r) => r.CRD).sort()).toEqual(['91000001', '91000002', '91000003', '91000004']);
  });

  it('exports a filter in slices with progress, in more than one download chunk, then deletes the file', async () => {
    const total = readDb((db) => db.prepare(`SELECT count(*) FROM registration`).pluck().get() as number);
    const started = await callOk<{ id: string; total: number }>(t.backend, 'export.start', { target: { kind: 'filter', filter: {} } }, tokens.agent);
    expect(started.total).toBe(total);
    const task = await finished(t.backend, tokens.agent, started.id);
    expect(task).toMatchObject({ state: 'done', rows: total });
    expect(exportFiles()).toEqual([`export-${started.id}.csv`]); // in the station's data folder, not Documents

    const { bytes, chunks } = await download(t.backend, tokens.agent, started.id);
    expect(chunks).toBeGreaterThan(1);
    expect(parse(bytes, { columns: true })).toHaveLength(total);
    expect(exportFiles()).toEqual([]);
    const again = await call(t.backend, 'export.chunk', { taskId: started.id, offset: 0 }, tokens.agent);
    expect(again.ok ? null : again.error).toMatchObject({ code: 'NOT_FOUND', message: /already downloaded/ });
  });

  it.each(WORKSPACE_SORT_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction }))))(
    'sorts by $column $direction',
    async (sort) => {
      const { bytes } = await exported({ target: { kind: 'selection', registrationIds: ids() }, sort });
      const crds = (parse(bytes, { columns: true }) as Record<string, string>[]).map((r) => r.CRD);
      expect([...crds].sort()).toEqual(['91000001', '91000002', '91000003', '91000004']);
      const ascending = { crd: ['91000001', '91000002', '91000003', '91000004'], name: ['91000004', '91000001', '91000002', '91000003'] }; // =HYPERLINK, Núñez, Smith, Zoë
      if (sort.column === 'crd' || sort.column === 'name') expect(crds).toEqual(sort.direction === 'asc' ? ascending[sort.column] : [...ascending[sort.column]].reverse());
    },
  );

  it('walks a whole filter page by page in a facet sort: every row once, in order', async () => {
    const total = readDb((db) => db.prepare(`SELECT count(*) FROM registration`).pluck().get() as number);
    const { bytes } = await exported({ target: { kind: 'filter', filter: {} }, sort: { column: 'reason', direction: 'desc' } });
    const reasons = (parse(bytes, { columns: true }) as Record<string, string>[]).map((r) => r['Eligibility reason']);
    expect(reasons).toHaveLength(total);
    expect(reasons).toEqual([...reasons].sort().reverse());
  });

  it('exports what a filter matches (full text without accents, category)', async () => {
    const crds = async (filter: Record<string, unknown>) => (parse((await exported({ target: { kind: 'filter', filter } })).bytes, { columns: true }) as Record<string, string>[]).map((r) => r.CRD);
    expect(await crds({ text: 'nunez 9100000', categories: ['GS'] })).toEqual(['91000001']);
    expect(await crds({ text: 'nunez 9100000', categories: ['GP'] })).toEqual([]);
  });

  it('is audited: who, how many rows, which filter', async () => {
    const { task } = await exported({ target: { kind: 'filter', filter: { text: 'smith' } } });
    const event = readDb((db) => db.prepare(`SELECT action, staff_id AS staffId, entity_id AS entityId, details FROM audit_event WHERE action = 'workspace.exported' ORDER BY seq DESC LIMIT 1`).get()) as { details: string };
    const agentId = readDb((db) => db.prepare(`SELECT id FROM staff WHERE username = 'agent'`).pluck().get());
    expect({ ...event, details: JSON.parse(event.details) }).toMatchObject({
      staffId: agentId, entityId: task.id, details: { rows: task.rows, target: { kind: 'filter', filter: { text: 'smith' } }, bom: false },
    });
  });

  it('a cancel between slices stops the export and deletes its partial file', async () => {
    const started = await callOk<{ id: string; total: number }>(t.backend, 'export.start', { target: { kind: 'filter', filter: {} } }, tokens.agent);
    await nextProgress(t.backend, started.id, 10_000, (p) => p.done > 0);
    await callOk(t.backend, 'task.cancel', { taskId: started.id }, tokens.agent);
    const task = await finished(t.backend, tokens.agent, started.id);
    expect(task.state).toBe('cancelled');
    expect(task.done).toBeLessThan(started.total);
    expect(exportFiles()).toEqual([]);
    expect(existsSync(join(t.dataDir, 'tasks', `export-${started.id}.csv`))).toBe(false);
    const chunk = await call(t.backend, 'export.chunk', { taskId: started.id, offset: 0 }, tokens.agent);
    expect(chunk.ok ? null : chunk.error.code).toBe('NOT_FOUND');
  });

  it("another staff member cannot download someone's export", async () => {
    const started = await callOk<{ id: string }>(t.backend, 'export.start', { target: { kind: 'selection', registrationIds: ids() } }, tokens.agent);
    await finished(t.backend, tokens.agent, started.id);
    const other = await call(t.backend, 'export.chunk', { taskId: started.id, offset: 0 }, tokens.supervisor);
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
  });
});
