/** Drives export and import tasks through the backend as the console does, and fingerprints a station's database. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Backend } from '../../../src-main/backend';
import type { ProcedureOutput, TaskView } from '../../../src-main/contract';
import { callOk } from '../../support/test-backend';

export type TaskDetails = ProcedureOutput<'task.get'>;

/** Sends a file in base64 slices (import.begin → import.append* → import.start), as the console does. */
export async function startImport(backend: Backend, token: string, content: string | Buffer, format: 'jsonl' | 'csv', sliceBytes = 512 * 1024): Promise<TaskView> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { uploadId } = await callOk<{ uploadId: string }>(backend, 'import.begin', { fileName: `people.${format}`, format }, token);
  for (let offset = 0; offset < bytes.length; offset += sliceBytes) {
    await callOk(backend, 'import.append', { uploadId, chunk: bytes.subarray(offset, offset + sliceBytes).toString('base64') }, token);
  }
  return callOk<TaskView>(backend, 'import.start', { uploadId }, token);
}

/** Waits (on task.progress events) until the task has ended, and returns its details. */
export async function finished(backend: Backend, token: string, taskId: string, timeoutMs = 120_000): Promise<TaskDetails> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await callOk<TaskDetails>(backend, 'task.get', { taskId }, token);
    if (task.state !== 'running') return task;
    if (Date.now() > deadline) throw new Error(`task ${taskId} still running after ${timeoutMs} ms: ${JSON.stringify(task)}`);
    await nextProgress(backend, taskId, 200);
  }
}

/** Resolves on the task's next task.progress event (or after `maxMs`, so a missed event cannot hang a test). */
export function nextProgress(backend: Backend, taskId: string, maxMs: number, accept: (payload: { done: number; total: number | null }) => boolean = () => true): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, maxMs);
    const stop = backend.onEvent((event) => {
      if (event.name === 'task.progress' && event.payload.task === taskId && accept(event.payload)) done();
    });
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/** Downloads a finished export through export.chunk and returns its bytes and file name. */
export async function download(backend: Backend, token: string, taskId: string): Promise<{ fileName: string; bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  let fileName = '';
  while (offset !== null) {
    const chunk: ProcedureOutput<'export.chunk'> = await callOk(backend, 'export.chunk', { taskId, offset }, token);
    parts.push(Buffer.from(chunk.data, 'base64'));
    fileName = chunk.fileName;
    offset = chunk.nextOffset;
  }
  return { fileName, bytes: Buffer.concat(parts), chunks: parts.length };
}

/** SHA-256 over every row of every table (search index included), read on a connection of its own. */
export function databaseHash(dataDir: string): string {
  const db = new Database(join(dataDir, 'mqp.sqlite'), { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
      hash.update(`${table}\n${rows.join('\n')}\n`);
    }
    hash.update(db.prepare(`SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_master ORDER BY name)`).pluck().get() as string);
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
