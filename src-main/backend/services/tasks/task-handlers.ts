/**
 * Background tasks of the review workspace (issue 5): CSV export of a selection or a filter, and import of a JSON
 * lines or CSV file sent from the console in slices — both with progress (task.progress events) and cancel.
 */
import { openSync, closeSync, readSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../contract';
import { todayInNewYork } from '../../domain';
import { requireStaff, type HandlerMap } from '../handler-context';
import { openRowSource, type WorkspaceTarget } from './export-rows';
import { runExport } from './run-export';
import { runImport } from './run-import';
import { stationTasks } from './station-tasks';
import { removeTaskFile } from './task-files';
import { taskDetails, taskView } from './task-registry';

/** Raw bytes per export.chunk answer (base64 makes it a third larger on the way). */
const EXPORT_CHUNK_BYTES = 512 * 1024;

export const taskHandlers: HandlerMap<'export.start' | 'export.chunk' | 'import.begin' | 'import.append' | 'import.start' | 'task.get' | 'task.cancel'> = {
  'export.start': (input, ctx) => {
    const staff = requireStaff(ctx);
    const station = stationTasks(ctx);
    const today = todayInNewYork(ctx.now);
    const source = openRowSource(ctx.store.file, input.target, input.sort, today, ctx.now);
    const task = station.tasks.start('export', staff.id, ctx.now, source.total);
    task.fileName = `mqp-review-export-${today}.csv`;
    task.message = 'writing';
    try {
      // Exporting personal data is audited like a change: who, how many rows, which rows.
      ctx.audit({ action: 'workspace.exported', entity: 'registration', entityId: task.id, details: { rows: source.total, target: describeTarget(input.target), sort: input.sort, bom: input.bom } });
    } catch (error) {
      source.close();
      station.finish(task, 'failed', 'The export could not be started. Try again.');
      throw error;
    }
    runExport(station, task, source, join(station.dir, `export-${task.id}.csv`), input.bom);
    return taskView(task);
  },

  'export.chunk': (input, ctx) => {
    const station = stationTasks(ctx);
    const task = station.tasks.get(input.taskId, requireStaff(ctx).id);
    if (task.kind !== 'export') throw new AppError('NOT_FOUND', `Task ${task.id} is an import, not an export: it has no file to download.`);
    if (task.state === 'running') throw new AppError('CONFLICT', `The export is still being written (${task.done} of ${task.total ?? '?'} rows). Download it once it is done.`);
    if (task.state !== 'done') throw new AppError('NOT_FOUND', `The export ended without a file (${task.state}). Start it again.`);
    if (task.file === null) throw new AppError('NOT_FOUND', 'This export was already downloaded in full, and its file deleted. Start the export again for another copy.');
    const { data, size } = readSlice(task.file, input.offset);
    if (input.offset >= size) throw new AppError('INVALID_INPUT', `offset: is past the end of the export (${size} bytes)`, { issues: [{ path: ['offset'], message: 'is past the end of the file' }] });
    const next = input.offset + data.length;
    if (next >= size) {
      // Fully read: the personal data leaves the station's disk now rather than in an hour.
      removeTaskFile(task.file);
      task.file = null;
    }
    return { fileName: task.fileName ?? 'export.csv', data: data.toString('base64'), nextOffset: next >= size ? null : next };
  },

  'import.begin': (input, ctx) => {
    const upload = stationTasks(ctx).uploads.begin(requireStaff(ctx).id, input.fileName, input.format);
    return { uploadId: upload.id };
  },

  'import.append': (input, ctx) => {
    const upload = stationTasks(ctx).uploads.append(input.uploadId, requireStaff(ctx).id, input.chunk);
    return { bytes: upload.bytes };
  },

  // Nothing is written here: the worker's transaction writes the individuals and their audit event, or nothing.
  'import.start': (input, ctx) => {
    const staff = requireStaff(ctx);
    const station = stationTasks(ctx);
    // One writer at a time: a second import would only wait for the first one's lock and then fail.
    if (station.tasks.isRunning('import')) throw new AppError('CONFLICT', 'Another import is running on this station. Start this one when it has finished; your file stays uploaded.');
    const upload = station.uploads.take(input.uploadId, staff.id);
    const task = station.tasks.start('import', staff.id, ctx.now);
    task.message = 'validating';
    const sync = ctx.sync;
    runImport(
      station,
      task,
      {
        databaseFile: ctx.store.file,
        file: upload.file,
        format: upload.format,
        fileName: upload.fileName,
        asOf: todayInNewYork(ctx.now),
        nowIso: ctx.now.toISOString(),
        stationId: ctx.stationId,
        staffId: staff.id,
      },
      () => sync?.nudge(), // the import's audit event waits in the outbox
    );
    return taskView(task);
  },

  'task.get': (input, ctx) => taskDetails(stationTasks(ctx).tasks.get(input.taskId, requireStaff(ctx).id)),

  'task.cancel': (input, ctx) => {
    const { tasks } = stationTasks(ctx);
    const task = tasks.get(input.taskId, requireStaff(ctx).id);
    tasks.requestCancel(task);
    return taskView(task);
  },
};

function describeTarget(target: WorkspaceTarget) {
  return target.kind === 'selection' ? { kind: 'selection', registrations: target.registrationIds.length } : { kind: 'filter', filter: target.filter };
}

function readSlice(file: string, offset: number): { data: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const data = Buffer.alloc(Math.max(0, Math.min(EXPORT_CHUNK_BYTES, size - offset)));
    readSync(fd, data, 0, data.length, offset);
    return { data, size };
  } finally {
    closeSync(fd);
  }
}
