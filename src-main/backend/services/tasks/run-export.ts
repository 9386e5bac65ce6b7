/**
 * Writes an export in the background, a slice of rows at a time: between slices the backend's event loop serves
 * other calls, progress goes out with counts, and a cancel stops the export and deletes its partial file. The file
 * lives in the station's task folder until it is fully read (export.chunk) or an hour has passed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvSlice } from './export-csv';
import type { RowSource } from './export-rows';
import type { StationTasks } from './station-tasks';
import { removeTaskFile } from './task-files';
import type { Task } from './task-registry';

const EXPORT_SLICE_ROWS = 500;

export function runExport(station: StationTasks, task: Task, source: RowSource, file: string, bom: boolean): void {
  const fd = openSync(file, 'w', 0o600);
  let done = 0;
  const end = (state: 'done' | 'failed' | 'cancelled', message: string | null) => {
    try {
      source.close();
      closeSync(fd);
    } catch (error) {
      [state, message] = ['failed', `The export could not be finished (${(error as Error).message}). Try again.`];
    }
    if (state === 'done') task.file = file;
    else removeTaskFile(file);
    Object.assign(task, { done, rows: done, total: state === 'done' ? done : task.total });
    station.finish(task, state, message);
  };
  const step = () => {
    try {
      if (task.cancelRequested) return end('cancelled', 'The export was cancelled; its partial file was deleted.');
      const rows = source.next(EXPORT_SLICE_ROWS);
      writeSync(fd, csvSlice(rows, done === 0, bom));
      done += rows.length;
      if (rows.length < EXPORT_SLICE_ROWS) return end('done', null);
      station.tasks.progress(task, done, source.total);
      setImmediate(step);
    } catch (error) {
      end('failed', `The export could not be written (${(error as Error).message}). Try again.`);
    }
  };
  setImmediate(step);
}
