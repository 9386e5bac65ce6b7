/**
 * Background tasks (export, import) of one backend: id, kind, state, done/total and a cancel flag, kept in memory.
 * Each change of progress or state is sent as a `task.progress` event (task = the task id); the console then asks
 * task.get for the details. A task is visible only to the staff member who started it: an export holds personal data.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type BackendEvent, type TaskView } from '../../../contract';
import type { ImportProblem } from '../import/import-individuals';

export type TaskKind = TaskView['kind'];
export type TaskState = TaskView['state'];

export interface Task {
  readonly id: string;
  readonly kind: TaskKind;
  readonly ownerStaffId: number;
  readonly startedAt: string;
  state: TaskState;
  done: number;
  total: number | null;
  /** While running, the phase ('validating', 'importing', 'writing'); once failed or cancelled, why, as a sentence. */
  message: string | null;
  problems: ImportProblem[];
  inserted: number | null;
  updated: number | null;
  /** Export: rows written to the file. */
  rows: number | null;
  cancelRequested: boolean;
  /** Called once when a cancel is requested (the import worker's flag; the export checks cancelRequested itself). */
  onCancel: (() => void) | null;
  /** Export: the finished CSV file and the name it is offered under. */
  file: string | null;
  fileName: string | null;
}

export type TaskDetails = TaskView & { problems: ImportProblem[]; inserted: number | null; updated: number | null; rows: number | null };

export function createTaskRegistry(emit: (event: BackendEvent) => void) {
  const tasks = new Map<string, Task>();

  function publish(task: Task): void {
    emit({ name: 'task.progress', payload: { task: task.id, done: task.done, total: task.total } });
  }

  return {
    start(kind: TaskKind, ownerStaffId: number, startedAt: Date, total: number | null = null): Task {
      const task: Task = {
        id: randomUUID(), kind, ownerStaffId, startedAt: startedAt.toISOString(), state: 'running', done: 0, total, message: null,
        problems: [], inserted: null, updated: null, rows: null, cancelRequested: false, onCancel: null, file: null, fileName: null,
      };
      tasks.set(task.id, task);
      publish(task);
      return task;
    },

    /** The caller's task, or NOT_FOUND (also for another staff member's task: its existence is not revealed). */
    get(id: string, staffId: number): Task {
      const task = tasks.get(id);
      if (!task || task.ownerStaffId !== staffId) {
        throw new AppError('NOT_FOUND', `There is no task ${id} of yours on this station (finished tasks are kept for an hour). Start it again.`);
      }
      return task;
    },

    /** Whether any task of this kind (anyone's) is still running. */
    isRunning(kind: TaskKind): boolean {
      for (const task of tasks.values()) if (task.kind === kind && task.state === 'running') return true;
      return false;
    },

    /** Whether an import is in its writing phase (it holds the database's write lock until it ends). */
    isWriting(): boolean {
      for (const task of tasks.values()) if (task.kind === 'import' && task.state === 'running' && task.message === 'importing') return true;
      return false;
    },

    progress(task: Task, done: number, total: number | null, message: string | null = task.message): void {
      if (task.state !== 'running') return;
      Object.assign(task, { done, total, message });
      publish(task);
    },

    finish(task: Task, state: Exclude<TaskState, 'running'>, message: string | null): void {
      if (task.state !== 'running') return;
      Object.assign(task, { state, message, onCancel: null });
      publish(task);
    },

    requestCancel(task: Task): void {
      if (task.state !== 'running' || task.cancelRequested) return;
      task.cancelRequested = true;
      task.onCancel?.();
    },

    /** Drops a finished task: task.get and export.chunk no longer know it. */
    forget(task: Task): void {
      tasks.delete(task.id);
    },
  };
}

export type TaskRegistry = ReturnType<typeof createTaskRegistry>;

export function taskView(task: Task): TaskView {
  return { id: task.id, kind: task.kind, state: task.state, done: task.done, total: task.total, message: task.message, startedAt: task.startedAt };
}

export function taskDetails(task: Task): TaskDetails {
  return { ...taskView(task), problems: task.problems, inserted: task.inserted, updated: task.updated, rows: task.rows };
}
