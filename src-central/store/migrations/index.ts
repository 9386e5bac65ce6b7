import { CentralSchema1767225600001 } from './0001-central-schema';
import { ReviewNotesMarks1767225600002 } from './0002-review-notes-marks';

/** Every migration of the central database, in order. Append only: a landed migration is never edited or removed. */
export const CENTRAL_MIGRATIONS = [CentralSchema1767225600001, ReviewNotesMarks1767225600002];
export const KNOWN_CENTRAL_MIGRATIONS: readonly string[] = CENTRAL_MIGRATIONS.map((m) => m.migrationName);
