/**
 * Review workspace stores (issue 5) against a fake transport: keyset pages from both ends, stale answers dropped,
 * the pause before a filter applies, flags on loaded rows, the export and import tasks, notes and their conflicts.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, NoteView, WorkspaceRow } from '../../../src-main/contract';
import { useTransport } from '../../../src-renderer/src/api';
import type { RawEventListener, Transport } from '../../../src-renderer/src/api/transport';
import { useReviewNotesStore } from '../../../src-renderer/src/stores/review-notes';
import { useSessionStore } from '../../../src-renderer/src/stores/session';
import { TASK_POLL_MS, useTasksStore } from '../../../src-renderer/src/stores/tasks';
import { CHOICE_PAUSE_MS, TEXT_PAUSE_MS, useWorkspaceStore } from '../../../src-renderer/src/stores/workspace';
import { emptyFilter } from '../../../src-renderer/src/workspace/filter-query';

interface Call {
  procedure: string;
  input: Record<string, unknown>;
  answer: (value: unknown) => void;
  fail: (code: string, message: string) => void;
  answered: boolean;
}

/** A transport whose answers the test gives by hand, and whose events the test pushes. */
function fakeTransport() {
  const calls: Call[] = [];
  const listeners = new Set<RawEventListener>();
  const transport: Transport = {
    call: (procedure, input) =>
      new Promise<Envelope<unknown>>((resolve) => {
        const c: Call = {
          procedure,
          input: input as Record<string, unknown>,
          answered: false,
          answer: (value) => {
            c.answered = true;
            resolve({ ok: true, value });
          },
          fail: (code, message) => {
            c.answered = true;
            resolve({ ok: false, error: { code: code as never, message } });
          },
        };
        calls.push(c);
      }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload));
  /** The oldest unanswered call of a procedure (waiting a few turns for it to be made). */
  const pending = async (procedure: string): Promise<Call> => {
    for (let turn = 0; turn < 50; turn++) {
      const found = calls.find((c) => c.procedure === procedure && !c.answered);
      if (found) return found;
      await settle();
    }
    throw new Error(`no ${procedure} call was made; calls: ${calls.map((c) => c.procedure).join(', ')}`);
  };
  return { transport, calls, listeners, emit, pending };
}

/** One macrotask, through a channel rather than setTimeout, which some tests fake. */
const settle = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

function row(index: number, extra: Partial<WorkspaceRow> = {}): WorkspaceRow {
  return {
    registrationId: 1000 + index, crd: String(500 + index), name: `Person ${index}`, category: 'GS', level: 'representative', state: 'NY',
    terminationDate: '2023-01-01', eligible: true, reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-01-01', daysLeft: 10,
    reregisterBy: '2028-01-01', enrollmentStatus: 'none', flags: [], notes: 0, finproLikelyDeleted: false, ...extra,
  };
}
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => row(from + i));
const facets = (total: number) => ({ total, facets: {}, asOf: '2024-09-01T15:00:00Z' });
const page = (list: WorkspaceRow[], next: string | null) => ({ rows: list, next, asOf: '2024-09-01T15:00:00Z' });

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.useRealTimers());

describe('workspace rows: keyset pages, never all of them', () => {
  it('loads the first page and the count, then the last page in one reversed call instead of walking', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const store = useWorkspaceStore();
    store.show({ filter: emptyFilter(), sort: { column: 'crd', direction: 'asc' }, worklistId: null });

    (await fake.pending('workspace.facets')).answer(facets(1_000_000));
    const first = await fake.pending('workspace.page');
    expect(first.input).toMatchObject({ sort: { column: 'crd', direction: 'asc' }, after: null, limit: 50 });
    first.answer(page(rows(0, 50), 'c50'));
    await settle();
    expect(store.rowCount).toBe(1_000_000);
    expect(store.rowAt(49)?.name).toBe('Person 49');

    store.requestRows(999_980, 999_999);
    const last = await fake.pending('workspace.page');
    expect(last.input).toMatchObject({ sort: { column: 'crd', direction: 'desc' }, after: null, limit: 50 });
    last.answer(page(rows(999_950, 1_000_000).reverse(), 'r999950'));
    await settle();
    expect(store.rowAt(999_999)?.name).toBe('Person 999999');
    expect(store.rowAt(999_950)?.name).toBe('Person 999950');
    // The margin page above the view comes with the cursor the reversed answer gave.
    const margin = await fake.pending('workspace.page');
    expect(margin.input).toMatchObject({ sort: { column: 'crd', direction: 'desc' }, after: 'r999950', limit: 50 });
    expect(fake.calls.filter((c) => c.procedure === 'workspace.page')).toHaveLength(3);
  });

  it('drops a page answered for an earlier filter', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const store = useWorkspaceStore();
    store.show({ filter: emptyFilter(), sort: { column: 'enrollBy', direction: 'asc' }, worklistId: null });
    const old = await fake.pending('workspace.page');
    store.show({ filter: { ...emptyFilter(), flagged: true }, sort: { column: 'enrollBy', direction: 'asc' }, worklistId: null });
    old.answer(page([row(1, { name: 'Old' })], null));
    await settle();
    expect(store.rowAt(0)).toBeUndefined();
    const current = await fake.pending('workspace.page');
    expect(current.input).toMatchObject({ filter: { flagged: true } });
    current.answer(page([row(2, { name: 'New' })], null));
    await settle();
    expect(store.rowAt(0)?.name).toBe('New');
    expect(store.total).toBe(1); // the end of a forward page tells the count too
  });

  it('waits for a pause in typing before asking, once, with the last text', async () => {
    vi.useFakeTimers();
    const fake = fakeTransport();
    useTransport(fake.transport);
    const store = useWorkspaceStore();
    store.setFilter({ text: 'jo' });
    vi.advanceTimersByTime(TEXT_PAUSE_MS - 50);
    store.setFilter({ text: 'john' });
    expect(store.pending).toBe(true);
    vi.advanceTimersByTime(TEXT_PAUSE_MS - 50);
    expect(fake.calls).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(fake.calls.map((c) => [c.procedure, (c.input.filter as { text: string }).text])).toEqual([
      ['workspace.facets', 'john'],
      ['workspace.page', 'john'],
    ]);
    // A letter typed and deleted again: the rows on screen stay.
    store.setFilter({ text: 'johnx' });
    store.setFilter({ text: 'john' });
    vi.advanceTimersByTime(TEXT_PAUSE_MS);
    expect(store.pending).toBe(false);
    expect(fake.calls).toHaveLength(2);
    store.setFilter({ states: ['NY'] });
    vi.advanceTimersByTime(CHOICE_PAUSE_MS);
    expect(fake.calls.filter((c) => c.procedure === 'workspace.facets')).toHaveLength(2);
  });

  it('a sort change keeps the count and asks no new facets', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const store = useWorkspaceStore();
    store.show({ filter: emptyFilter(), sort: { column: 'enrollBy', direction: 'asc' }, worklistId: null });
    (await fake.pending('workspace.facets')).answer(facets(120));
    (await fake.pending('workspace.page')).answer(page(rows(0, 50), 'c'));
    await settle();
    store.sortBy('name');
    expect(store.total).toBe(120);
    const sorted = await fake.pending('workspace.page');
    expect(sorted.input).toMatchObject({ sort: { column: 'name', direction: 'asc' }, after: null });
    store.sortBy('name');
    expect(store.sort).toEqual({ column: 'name', direction: 'desc' });
    expect(fake.calls.filter((c) => c.procedure === 'workspace.facets')).toHaveLength(1);
  });
});

describe('workspace selection and flags', () => {
  async function loaded() {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const store = useWorkspaceStore();
    store.show({ filter: emptyFilter(), sort: { column: 'enrollBy', direction: 'asc' }, worklistId: null });
    (await fake.pending('workspace.facets')).answer(facets(5));
    (await fake.pending('workspace.page')).answer(page(rows(0, 5), null));
    await settle();
    return { fake, store };
  }

  it('a shift-click selects the range from the previous click', async () => {
    const { store } = await loaded();
    store.toggleSelected(1);
    store.toggleSelected(3, true);
    expect([...store.selection].sort()).toEqual([1001, 1002, 1003]);
    store.toggleSelected(2);
    expect(store.isSelected(1002)).toBe(false);
  });

  it('flagging a selection changes the loaded rows at once and recounts the facets', async () => {
    const { fake, store } = await loaded();
    const setting = store.setFlag({ kind: 'selection', registrationIds: [1001, 1003] }, 'escalate', true);
    const flagCall = await fake.pending('flag.set');
    expect(flagCall.input).toEqual({ target: { kind: 'selection', registrationIds: [1001, 1003] }, flag: 'escalate', on: true });
    flagCall.answer({ changed: 2 });
    await expect(setting).resolves.toBe(2);
    expect(store.rowAt(1)?.flags).toEqual(['escalate']);
    expect(store.rowAt(2)?.flags).toEqual([]);
    expect(fake.calls.filter((c) => c.procedure === 'workspace.facets')).toHaveLength(2);
    expect(fake.calls.filter((c) => c.procedure === 'workspace.page')).toHaveLength(1);
  });

  it('flagging the whole filter reloads the rows on screen', async () => {
    const { fake, store } = await loaded();
    store.requestRows(0, 4);
    const setting = store.setFlag({ kind: 'filter', filter: emptyFilter() }, 'follow-up', true);
    (await fake.pending('flag.set')).answer({ changed: 5 });
    await setting;
    const reload = await fake.pending('workspace.page');
    expect(reload.input).toMatchObject({ after: null });
  });
});

describe('export task', () => {
  it('follows progress events, then reads the file in slices and saves it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fake = fakeTransport();
    useTransport(fake.transport);
    const tasks = useTasksStore();
    const saved: { name: string; blob: Blob }[] = [];
    const running = tasks.startExport({ target: { kind: 'filter', filter: emptyFilter() }, bom: true }, (name, blob) => saved.push({ name, blob }));
    expect(tasks.exportRun.phase).toBe('starting');
    const view = (state: string, done: number) => ({ id: 't1', kind: 'export', state, done, total: 3, message: null, startedAt: '2024-09-01T15:00:00Z' });
    (await fake.pending('export.start')).answer(view('running', 0));
    (await fake.pending('task.get')).answer({ ...view('running', 0), problems: [], inserted: null, updated: null, rows: null });
    await vi.advanceTimersByTimeAsync(0);
    fake.emit('task.progress', { task: 't1', done: 2, total: 3 });
    fake.emit('task.progress', { task: 'another', done: 99, total: 100 });
    expect(tasks.exportRun).toMatchObject({ phase: 'running', done: 2, total: 3 });
    await vi.advanceTimersByTimeAsync(TASK_POLL_MS);
    (await fake.pending('task.get')).answer({ ...view('done', 3), problems: [], inserted: null, updated: null, rows: 3 });
    await vi.advanceTimersByTimeAsync(0);
    const first = await fake.pending('export.chunk');
    expect(first.input).toEqual({ taskId: 't1', offset: 0 });
    first.answer({ fileName: 'review.csv', data: btoa('\xEF\xBB\xBFcrd\r\n'), nextOffset: 8 });
    const second = await fake.pending('export.chunk');
    expect(second.input).toEqual({ taskId: 't1', offset: 8 });
    second.answer({ fileName: 'review.csv', data: btoa('1\r\n'), nextOffset: null });
    await running;
    expect(tasks.exportRun.phase).toBe('done');
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('review.csv');
    expect([...new Uint8Array(await saved[0].blob.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x63, 0x72, 0x64, 13, 10, 0x31, 13, 10]);
    expect(fake.listeners.size).toBe(0);
  });

  it('Cancel asks the backend to stop the task; the outcome is "cancelled" and nothing is saved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fake = fakeTransport();
    useTransport(fake.transport);
    const tasks = useTasksStore();
    const saved: string[] = [];
    const running = tasks.startExport({ target: { kind: 'selection', registrationIds: [1] } }, (name) => saved.push(name));
    const view = (state: string) => ({ id: 't2', kind: 'export', state, done: 0, total: 1, message: null, startedAt: '2024-09-01T15:00:00Z' });
    (await fake.pending('export.start')).answer(view('running'));
    (await fake.pending('task.get')).answer({ ...view('running'), problems: [], inserted: null, updated: null, rows: null });
    const cancelling = tasks.cancel('export');
    (await fake.pending('task.cancel')).answer(view('running'));
    await cancelling;
    await vi.advanceTimersByTimeAsync(TASK_POLL_MS);
    (await fake.pending('task.get')).answer({ ...view('cancelled'), problems: [], inserted: null, updated: null, rows: null });
    await running;
    expect(tasks.exportRun.phase).toBe('cancelled');
    expect(saved).toEqual([]);
  });
});

describe('import task', () => {
  it('sends the file in base64 slices, then shows the validation report when nothing was imported', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fake = fakeTransport();
    useTransport(fake.transport);
    const tasks = useTasksStore();
    const file = new File(['{"crd":"1"}\n{"crd":"1"}\n'], 'people.jsonl');
    const running = tasks.startImport(file);
    const begin = await fake.pending('import.begin');
    expect(begin.input).toEqual({ fileName: 'people.jsonl', format: 'jsonl' });
    begin.answer({ uploadId: 'u1' });
    const append = await fake.pending('import.append');
    expect(atob(append.input.chunk as string)).toBe('{"crd":"1"}\n{"crd":"1"}\n');
    append.answer({ bytes: 24 });
    const view = (state: string) => ({ id: 't3', kind: 'import', state, done: 2, total: 2, message: null, startedAt: '2024-09-01T15:00:00Z' });
    (await fake.pending('import.start')).answer(view('running'));
    const problems = [{ line: 2, field: 'crd', problem: 'the same CRD as line 1' }];
    (await fake.pending('task.get')).answer({ ...view('failed'), problems, inserted: null, updated: null, rows: null });
    await running;
    expect(tasks.importRun).toMatchObject({ phase: 'failed', fileName: 'people.jsonl', bytesSent: 24 });
    expect(tasks.importRun.report?.problems).toEqual(problems);
  });

  it('refuses a file that is neither .jsonl nor .csv without calling the backend', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const tasks = useTasksStore();
    await tasks.startImport(new File(['x'], 'people.xlsx'));
    expect(tasks.importRun).toMatchObject({ phase: 'failed', problem: { kind: 'format' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('Cancel during the upload stops before the next slice and never starts the import', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const tasks = useTasksStore();
    const running = tasks.startImport(new File([new Uint8Array(2 * 720 * 1024)], 'big.csv'));
    (await fake.pending('import.begin')).answer({ uploadId: 'u2' });
    const first = await fake.pending('import.append');
    await tasks.cancel('import');
    first.answer({ bytes: 720 * 1024 });
    await running;
    expect(tasks.importRun.phase).toBe('cancelled');
    expect(fake.calls.map((c) => c.procedure)).toEqual(['import.begin', 'import.append']);
  });
});

describe('notes', () => {
  const note = (id: string, extra: Partial<NoteView> = {}): NoteView => ({
    id, crd: '501', category: null, text: 'first', version: 1, updatedBy: 'Ann', updatedAt: '2024-09-01T15:00:00Z', pending: false, conflict: null, ...extra,
  });

  it('adds a saved note, replaces a resolved one, and keeps a failure with the note it belongs to', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const notes = useReviewNotesStore();
    const loading = notes.load('501');
    (await fake.pending('note.list')).answer([note('n1', { conflict: { text: 'theirs', stationId: 's2', updatedAt: '2024-09-01T16:00:00Z', version: 2 } })]);
    await loading;
    expect(notes.conflicts).toBe(1);

    const adding = notes.save({ id: null, crd: '501', category: 'GS', text: 'call back Monday' });
    (await fake.pending('note.save')).answer(note('n2', { category: 'GS', text: 'call back Monday', pending: true }));
    await adding;
    expect(notes.notes.map((n) => n.id)).toEqual(['n1', 'n2']);

    const failing = notes.resolve('n1', 'merged');
    (await fake.pending('note.resolve')).fail('CONFLICT', 'changed again');
    await failing;
    expect(notes.saveError?.key).toBe('n1');

    const resolving = notes.resolve('n1', 'merged');
    (await fake.pending('note.resolve')).answer(note('n1', { text: 'merged', pending: true }));
    await resolving;
    expect(notes.conflicts).toBe(0);
    expect(notes.notes[0].text).toBe('merged');
  });

  it('forgets everything when the staff member signs out', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const session = useSessionStore();
    session.staff = { id: 1, username: 'agent1', displayName: 'Agent One', role: 'agent' };
    const notes = useReviewNotesStore();
    const loading = notes.load('501');
    (await fake.pending('note.list')).answer([note('n1')]);
    await loading;
    expect(notes.notes).toHaveLength(1);
    session.staff = null;
    await settle();
    expect(notes.notes).toEqual([]);
    expect(notes.crd).toBeNull();
  });
});
