/**
 * Background tasks of the workspace (issue 5): a CSV export and a file import, each with counts while it runs
 * (task.progress events, and task.get every second in case an event is lost) and a Cancel button.
 *
 *  - Export: export.start → progress → the file read back in slices (export.chunk) → a Blob download.
 *  - Import: import.begin → the file in slices (import.append) → import.start → progress → task.get's outcome:
 *    imported counts, or the validation report (the backend then imported nothing).
 */
import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import type { ProcedureInput, ProcedureOutput } from '../../../src-main/contract';
import { ApiError, call, onEvent, toApiError } from '../api';
import { assembleExport, saveBlob } from '../workspace/export-file';
import { fileSlices, importFormatOf } from '../workspace/file-slices';
import { resetOnStaffChange } from '../workspace/reset-on-staff-change';

export const TASK_POLL_MS = 1000;

export type TaskReport = ProcedureOutput<'task.get'>;
export type TaskPhase = 'idle' | 'starting' | 'uploading' | 'running' | 'saving' | 'done' | 'failed' | 'cancelled';
/** Why a run stopped without its outcome: the backend's error, or a file the console cannot send. */
export type TaskProblem = { kind: 'api'; error: ApiError } | { kind: 'format' };

export interface TaskRun {
  phase: TaskPhase;
  taskId: string | null;
  /** Rows done and expected (expected null while the backend does not know yet). */
  done: number;
  total: number | null;
  /** Upload of an import file. */
  bytesSent: number;
  bytesTotal: number;
  fileName: string | null;
  /** task.get at the end: state, validation problems, imported counts. */
  report: TaskReport | null;
  problem: TaskProblem | null;
  cancelRequested: boolean;
}

function idle(): TaskRun {
  return { phase: 'idle', taskId: null, done: 0, total: null, bytesSent: 0, bytesTotal: 0, fileName: null, report: null, problem: null, cancelRequested: false };
}

export function isBusy(run: TaskRun): boolean {
  return run.phase === 'starting' || run.phase === 'uploading' || run.phase === 'running' || run.phase === 'saving';
}

export const useTasksStore = defineStore('tasks', () => {
  const exportRun = ref<TaskRun>(idle());
  const importRun = ref<TaskRun>(idle());
  /** Bumped per run and on reset: a run whose ticket is no longer current stops touching the state. */
  const tickets = { export: 0, import: 0 };

  function patch(run: Ref<TaskRun>, change: Partial<TaskRun>): void {
    run.value = { ...run.value, ...change };
  }

  /** Counts from events and polls until the task ends; null when a newer run or a sign-out took over. */
  function follow(run: Ref<TaskRun>, kind: 'export' | 'import', taskId: string): Promise<TaskReport | null> {
    const mine = tickets[kind];
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopEvents = onEvent('task.progress', (progress) => {
        if (progress.task === taskId && mine === tickets[kind] && run.value.phase === 'running') {
          patch(run, { done: progress.done, total: progress.total });
        }
      });
      const finish = (report: TaskReport | null) => {
        stopEvents();
        clearTimeout(timer);
        resolve(report);
      };
      const poll = async () => {
        if (mine !== tickets[kind]) return finish(null);
        try {
          const report = await call('task.get', { taskId });
          if (mine !== tickets[kind]) return finish(null);
          patch(run, { done: report.done, total: report.total });
          if (report.state !== 'running') return finish(report);
        } catch (error) {
          stopEvents();
          return reject(error);
        }
        timer = setTimeout(() => void poll(), TASK_POLL_MS);
      };
      void poll();
    });
  }

  async function cancelTask(run: Ref<TaskRun>, taskId: string): Promise<void> {
    try {
      await call('task.cancel', { taskId });
    } catch (error) {
      // The task may have just ended; the poll tells. Otherwise say why it could not be cancelled.
      if (isBusy(run.value)) patch(run, { problem: { kind: 'api', error: toApiError(error) } });
    }
  }

  /** Asks the running export or import to stop; an upload stops before its next slice. */
  async function cancel(kind: 'export' | 'import'): Promise<void> {
    const run = kind === 'export' ? exportRun : importRun;
    if (!isBusy(run.value) || run.value.cancelRequested) return;
    patch(run, { cancelRequested: true });
    if (run.value.phase === 'running' && run.value.taskId) await cancelTask(run, run.value.taskId);
  }

  /** The task has an id now: a Cancel pressed while it was being started is sent, then its progress followed. */
  function running(run: Ref<TaskRun>, kind: 'export' | 'import', task: ProcedureOutput<'export.start'>): Promise<TaskReport | null> {
    patch(run, { phase: 'running', taskId: task.id, done: task.done, total: task.total });
    if (run.value.cancelRequested) void cancelTask(run, task.id);
    return follow(run, kind, task.id);
  }

  function ended(run: Ref<TaskRun>, report: TaskReport): void {
    const phase: TaskPhase = report.state === 'running' ? 'failed' : report.state;
    patch(run, { phase, report, done: report.done, total: report.total });
  }

  function failed(run: Ref<TaskRun>, error: unknown): void {
    patch(run, { phase: 'failed', problem: { kind: 'api', error: toApiError(error) } });
  }

  /** Exports a selection or everything the filter matches as CSV (optionally with a BOM, for Excel), then saves it. */
  async function startExport(
    input: ProcedureInput<'export.start'>,
    save: (fileName: string, blob: Blob) => void = saveBlob,
  ): Promise<void> {
    if (isBusy(exportRun.value)) return;
    const mine = ++tickets.export;
    exportRun.value = { ...idle(), phase: 'starting' };
    try {
      const task = await call('export.start', input);
      if (mine !== tickets.export) return;
      const report = await running(exportRun, 'export', task);
      if (!report || mine !== tickets.export) return;
      if (report.state !== 'done') return ended(exportRun, report);
      patch(exportRun, { phase: 'saving', report });
      const file = await assembleExport((offset) => call('export.chunk', { taskId: task.id, offset }));
      if (mine !== tickets.export) return;
      if (exportRun.value.cancelRequested) return patch(exportRun, { phase: 'cancelled' });
      save(file.fileName, file.blob);
      patch(exportRun, { phase: 'done', fileName: file.fileName });
    } catch (error) {
      if (mine === tickets.export) failed(exportRun, error);
    }
  }

  /** Sends a .jsonl or .csv file in slices, then imports it — all of it, or nothing with a validation report. */
  async function startImport(file: File): Promise<void> {
    if (isBusy(importRun.value)) return;
    const mine = ++tickets.import;
    const format = importFormatOf(file.name);
    if (!format) {
      importRun.value = { ...idle(), phase: 'failed', fileName: file.name, problem: { kind: 'format' } };
      return;
    }
    importRun.value = { ...idle(), phase: 'uploading', fileName: file.name, bytesTotal: file.size };
    try {
      const { uploadId } = await call('import.begin', { fileName: file.name, format });
      for await (const slice of fileSlices(file)) {
        if (mine !== tickets.import) return;
        if (importRun.value.cancelRequested) return patch(importRun, { phase: 'cancelled' });
        await call('import.append', { uploadId, chunk: slice.base64 });
        if (mine !== tickets.import) return;
        patch(importRun, { bytesSent: slice.bytesRead });
      }
      if (importRun.value.cancelRequested) return patch(importRun, { phase: 'cancelled' });
      const task = await call('import.start', { uploadId });
      if (mine !== tickets.import) return;
      const report = await running(importRun, 'import', task);
      if (report && mine === tickets.import) ended(importRun, report);
    } catch (error) {
      if (mine === tickets.import) failed(importRun, error);
    }
  }

  /** Back to the idle form (after reading an outcome). */
  function dismiss(kind: 'export' | 'import'): void {
    const run = kind === 'export' ? exportRun : importRun;
    if (isBusy(run.value)) return;
    tickets[kind]++;
    run.value = idle();
  }

  function reset(): void {
    tickets.export++;
    tickets.import++;
    exportRun.value = idle();
    importRun.value = idle();
  }
  resetOnStaffChange(reset);

  return { exportRun, importRun, startExport, startImport, cancel, dismiss, hydrate: async () => reset(), dehydrate: reset };
});
