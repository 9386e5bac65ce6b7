/**
 * While a console import is writing (its worker holds the database's write lock in one transaction), a write on the
 * backend's own connection would wait on busy_timeout with the whole thread blocked — every call frozen for
 * seconds, then "database is locked". Instead, writes are refused at once with a sentence, and sync passes wait;
 * reads (search, lists, the workspace) go on as usual.
 */
import type { Store } from '../../store/open-store';
import { importIsWriting } from './station-tasks';

export const IMPORT_WRITING_MESSAGE =
  'An eligibility import is being written to this station right now. Searching and lists work meanwhile; try this again when the import has finished (its progress is on the Review screen).';

/** The reason writes must wait, or null. */
export function importWriteGate(store: Store): () => string | null {
  return () => (importIsWriting(store) ? IMPORT_WRITING_MESSAGE : null);
}
