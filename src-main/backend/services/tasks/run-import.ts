/**
 * Runs a console import in a worker thread (import-job.ts) and turns its messages into the task's progress and
 * outcome. A cancel sets a shared flag the worker reads between records; its transaction then rolls back. The
 * uploaded file is deleted once the import has ended, whatever the outcome.
 */
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportJobMessage } from './import-job';
import type { StationTasks } from './station-tasks';
import { removeTaskFile } from './task-files';
import type { Task } from './task-registry';

/**
 * From the TypeScript sources (tests, tsx) the worker starts through a bootstrap that registers tsx; the built app
 * starts its bundled entry, out/main/import-worker.js, next to the bundled backend.
 */
function importWorkerUrl(): URL {
  const entry = import.meta.url.endsWith('.ts') ? './import-worker-bootstrap.mjs' : './import-worker.js';
  return new URL(entry, import.meta.url);
}

export function runImport(station: StationTasks, task: Task, job: Omit<ImportJob, 'cancelFlag'>, onImported: () => void): void {
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(importWorkerUrl(), { workerData: { ...job, cancelFlag } satisfies ImportJob });
  let ended = false;
  const end = (state: 'done' | 'failed' | 'cancelled', message: string | null) => {
    if (ended) return;
    ended = true;
    removeTaskFile(job.file);
    station.finish(task, state, message);
  };
  task.onCancel = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);

  worker.on('message', (message: ImportJobMessage) => {
    switch (message.type) {
      case 'progress':
        station.tasks.progress(task, message.done, message.total, message.phase);
        break;
      case 'refused': {
        task.problems = message.problems;
        const count = message.problems.length === 1 ? 'a problem' : `${message.problems.length} problems`;
        end('failed', `Nothing was imported: the file has ${count} (see the report). Fix the file and import it again.`);
        break;
      }
      case 'imported':
        Object.assign(task, { inserted: message.inserted, updated: message.updated, done: message.records, total: message.records });
        end('done', null);
        onImported();
        break;
      case 'cancelled':
        end('cancelled', 'The import was cancelled; nothing was imported.');
        break;
      case 'failed':
        end('failed', `The import failed and nothing was imported (${message.message}). Try again; if it keeps failing, tell your supervisor.`);
        break;
    }
  });
  worker.on('error', (error) => end('failed', `The import stopped (${error.message}); nothing was imported. Try again.`));
  worker.on('exit', () => end('failed', 'The import stopped unexpectedly; nothing was imported. Try again.'));
}
