/**
 * A large console import runs in a worker thread on its own connection: the backend keeps answering searches (WAL
 * readers) while the import checks the file and while it holds its write transaction; a write meanwhile is refused
 * at once with a sentence rather than blocking the backend on the database's busy timeout — and so is the session's
 * sliding expiry, which calls push forward once a minute.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDemoIndividuals } from '../../../src-main/backend/domain';
import { call, callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';
import { finished, startImport, type TaskDetails } from './task-client';

const COUNT = 50_000;
let t: Awaited<ReturnType<typeof testBackend>>;
let tokens: Awaited<ReturnType<typeof staffWithEveryRole>>;
beforeAll(async () => {
  t = await testBackend({ individuals: 200 });
  tokens = await staffWithEveryRole(t.backend);
});
afterAll(() => t.close());

type Hits = { hits: { crd: string }[] };

it(`answers searches while a ${COUNT.toLocaleString('en-US')}-individual import is being checked and written`, async () => {
  const lines = [...generateDemoIndividuals(COUNT, 23)].map((r, i) => JSON.stringify({ ...r, crd: String(80_000_000 + i), lastName: i === COUNT - 1 ? 'Quillfeather' : r.lastName }));
  const existing = await callOk<Hits>(t.backend, 'individual.search', { query: 'gmail' }, tokens.agent);
  expect(existing.hits.length).toBeGreaterThan(0);

  const started = await startImport(t.backend, tokens.supervisor, lines.join('\n'), 'jsonl');
  const answered: Record<string, number[]> = { validating: [], importing: [] };
  let refusedWrite: { code: string | null; message: string; ms: number } | null = null;
  let touchedDuringImport: { ok: boolean; ms: number } | null = null;
  for (;;) {
    // Let the worker's messages in between calls, as calls arriving over IPC or HTTP would.
    await new Promise((resolve) => setImmediate(resolve));
    const before = await callOk<TaskDetails>(t.backend, 'task.get', { taskId: started.id }, tokens.supervisor);
    if (before.state !== 'running') break;
    const at = performance.now();
    const result = await callOk<Hits>(t.backend, 'individual.search', { query: 'gmail' }, tokens.agent);
    const ms = performance.now() - at;
    const after = await callOk<TaskDetails>(t.backend, 'task.get', { taskId: started.id }, tokens.supervisor);
    expect(result.hits.length).toBeGreaterThan(0);
    // Counted only when the whole search happened inside one phase of the running import.
    if (after.state === 'running' && after.message === before.message && before.message) answered[before.message].push(ms);
    if (before.message === 'importing' && refusedWrite === null) {
      // A write meanwhile is refused at once with a sentence, instead of freezing the backend on the write lock.
      const writeAt = performance.now();
      const write = await call(t.backend, 'call.addNote', { crd: '1234567', text: 'during the import' }, tokens.agent);
      refusedWrite = { code: write.ok ? null : write.error.code, message: write.ok ? '' : write.error.message, ms: performance.now() - writeAt };
      // A minute later a call would push the session's expiry forward — a write. It must not wait on the lock.
      t.clock.advance(61_000);
      const touchAt = performance.now();
      const progress = await call(t.backend, 'task.get', { taskId: started.id }, tokens.supervisor);
      touchedDuringImport = { ok: progress.ok, ms: performance.now() - touchAt };
    }
  }

  const task = await finished(t.backend, tokens.supervisor, started.id);
  expect(task).toMatchObject({ state: 'done', inserted: COUNT, updated: 0, done: COUNT, total: COUNT });
  expect(answered.validating.length).toBeGreaterThan(5);
  expect(answered.importing.length).toBeGreaterThan(5); // while the worker held its write transaction
  // Generous for a shared 2-core machine; a backend blocked by the import would take seconds.
  expect(Math.max(...answered.importing, ...answered.validating)).toBeLessThan(500);
  expect((await callOk<Hits>(t.backend, 'individual.search', { query: 'quillfeather' }, tokens.agent)).hits.map((h) => h.crd)).toEqual([String(80_000_000 + COUNT - 1)]);
  expect(refusedWrite).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/import is being written/) });
  expect(refusedWrite!.ms).toBeLessThan(500);
  expect(touchedDuringImport).toMatchObject({ ok: true });
  expect(touchedDuringImport!.ms).toBeLessThan(500);
  expect((await call(t.backend, 'call.addNote', { crd: '1234567', text: 'after the import' }, tokens.agent)).ok).toBe(true);
});
