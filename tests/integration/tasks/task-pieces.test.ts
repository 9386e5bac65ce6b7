/** The task registry, the upload slices and the export's CSV text, each on its own. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendEvent, WorkspaceRow } from '../../../src-main/contract';
import { csvSlice, EXPORT_COLUMNS } from '../../../src-main/backend/services/tasks/export-csv';
import { createTaskRegistry, taskDetails } from '../../../src-main/backend/services/tasks/task-registry';
import { createUploads } from '../../../src-main/backend/services/tasks/uploads';
import { tempDir } from '../../support/temp-dir';

describe('task registry', () => {
  const started = new Date('2024-09-01T15:00:00Z');

  it('sends task.progress with counts on start, progress and end; ignores progress once ended', () => {
    const events: BackendEvent[] = [];
    const tasks = createTaskRegistry((e) => events.push(e));
    const task = tasks.start('export', 1, started, 10);
    tasks.progress(task, 5, 10, 'writing');
    tasks.finish(task, 'done', null);
    tasks.progress(task, 7, 10);
    expect(events).toEqual([0, 5, 5].map((done) => ({ name: 'task.progress', payload: { task: task.id, done, total: 10 } })));
    expect(taskDetails(task)).toEqual({
      id: task.id, kind: 'export', state: 'done', done: 5, total: 10, message: null, startedAt: '2024-09-01T15:00:00.000Z', problems: [], inserted: null, updated: null, rows: null,
    });
  });

  it('shows a task only to whoever started it, and forgets it when told', () => {
    const tasks = createTaskRegistry(() => undefined);
    const task = tasks.start('import', 1, started);
    expect(tasks.get(task.id, 1)).toBe(task);
    expect(() => tasks.get(task.id, 2)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    tasks.forget(task);
    expect(() => tasks.get(task.id, 1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('passes a cancel on once, and only while the task runs', () => {
    const tasks = createTaskRegistry(() => undefined);
    let cancels = 0;
    const task = tasks.start('import', 1, started);
    task.onCancel = () => (cancels += 1);
    tasks.requestCancel(task);
    tasks.requestCancel(task);
    expect({ cancels, cancelRequested: task.cancelRequested, state: task.state }).toEqual({ cancels: 1, cancelRequested: true, state: 'running' });
    const ended = tasks.start('export', 1, started);
    tasks.finish(ended, 'done', null);
    tasks.requestCancel(ended);
    expect(ended.cancelRequested).toBe(false);
  });
});

describe('upload slices', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('appends the decoded bytes of each base64 slice, even a slice that splits a UTF-8 character', () => {
    const uploads = createUploads(dir.path);
    const upload = uploads.begin(1, 'people.csv', 'csv');
    const bytes = Buffer.from('crd,name\n1,José\n', 'utf8');
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    uploads.append(upload.id, 1, bytes.subarray(0, split).toString('base64'));
    expect(uploads.append(upload.id, 1, bytes.subarray(split).toString('base64')).bytes).toBe(bytes.length);
    expect(readFileSync(upload.file, 'utf8')).toBe('crd,name\n1,José\n');
  });

  it('keeps an upload to its owner, refuses text that is not base64, and drops one left idle', () => {
    const uploads = createUploads(dir.path);
    const upload = uploads.begin(1, 'people.jsonl', 'jsonl', 1_000);
    expect(() => uploads.append(upload.id, 2, 'AAAA')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => uploads.append(upload.id, 1, '{"crd":1}')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    uploads.sweep(2_000);
    expect(existsSync(upload.file)).toBe(false);
    expect(() => uploads.take(upload.id, 1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('export CSV text', () => {
  const row = (over: Partial<WorkspaceRow>): WorkspaceRow => ({
    registrationId: 1, crd: '42', name: 'Ana Lee', category: 'GS', level: 'representative', state: 'NY', terminationDate: '2023-06-15', eligible: true,
    reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', daysLeft: -3, reregisterBy: '2028-06-15', enrollmentStatus: 'none', flags: [], notes: 0,
    finproLikelyDeleted: false, ...over,
  });

  it('writes the header and BOM only with the first slice, CRLF between records, and round-trips through csv-parse', () => {
    const first = csvSlice([row({ name: 'Ana, "Nena"\nLee', flags: ['call-back', 'follow-up'] })], true, true);
    const next = csvSlice([row({ crd: '43', name: 'Zoë', terminationDate: null, window: null, enrollBy: null, daysLeft: null })], false, true);
    expect(first.startsWith('\uFEFFCRD,Name,')).toBe(true);
    expect(next.startsWith('43,Zoë,')).toBe(true);
    expect((first + next).endsWith('\r\n')).toBe(true);
    const records = parse(first + next, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(records.map((r) => [r.Name, r.Flags, r['Days left'], r['Enroll by']])).toEqual([
      ['Ana, "Nena"\nLee', 'call-back; follow-up', '-3', '2025-06-15'],
      ['Zoë', '', '', ''],
    ]);
  });

  it('writes a cell a spreadsheet would run as a formula with a leading apostrophe', () => {
    const text = csvSlice([row({ name: '=cmd|calc', category: '+1', state: '@x' })], false, false);
    expect(parse(text)[0].slice(0, 3)).toEqual(['42', "'=cmd|calc", "'+1"]);
  });
});
