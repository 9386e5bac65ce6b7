/**
 * The folder of a station's task files (uploaded import files, finished exports): `tasks/` beside the database in
 * the station's data directory — never Documents or a synced folder, as they hold personal data. Only the process
 * that wrote a file can still use it, so whatever a previous run left there is deleted on first use.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function prepareTaskDir(databaseFile: string): string {
  const dir = join(dirname(databaseFile), 'tasks');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Deletes a task file; one already gone (or a folder removed with its data directory) is fine. */
export function removeTaskFile(file: string | null): void {
  if (file !== null) rmSync(file, { force: true });
}
