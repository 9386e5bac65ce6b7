/**
 * The tasks, uploads and task folder of one station (one open store), made on first use. A finished task — and its
 * export file, if it was never fully downloaded — is let go an hour after it finished; an upload left unfinished
 * for an hour is dropped the next time anyone uses tasks.
 */
import type { HandlerContext } from '../handler-context';
import { prepareTaskDir, removeTaskFile } from './task-files';
import { createTaskRegistry, type Task, type TaskRegistry, type TaskState } from './task-registry';
import { createUploads, type Uploads } from './uploads';

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export interface StationTasks {
  dir: string;
  tasks: TaskRegistry;
  uploads: Uploads;
  /** Ends a running task and schedules its release an hour later. */
  finish(task: Task, state: Exclude<TaskState, 'running'>, message?: string | null): void;
}

const stations = new WeakMap<HandlerContext['store'], StationTasks>();

export function stationTasks(ctx: Pick<HandlerContext, 'store' | 'emit'>): StationTasks {
  let station = stations.get(ctx.store);
  if (!station) {
    const dir = prepareTaskDir(ctx.store.file);
    const tasks = createTaskRegistry(ctx.emit);
    const uploads = createUploads(dir);
    station = {
      dir,
      tasks,
      uploads,
      finish(task, state, message = null) {
        if (task.state !== 'running') return;
        tasks.finish(task, state, message);
        // Timers are unref'd: a pending release never keeps the process alive.
        setTimeout(() => {
          tasks.forget(task);
          removeTaskFile(task.file);
        }, KEEP_FINISHED_MS).unref();
      },
    };
    stations.set(ctx.store, station);
  }
  station.uploads.sweep(Date.now() - KEEP_FINISHED_MS);
  return station;
}

/** True while an import task of this station is in its writing phase (see import-write-gate.ts). */
export function importIsWriting(store: HandlerContext['store']): boolean {
  return stations.get(store)?.tasks.isWriting() ?? false;
}
