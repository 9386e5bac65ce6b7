import { InitialSchema1764201600001 } from './0001-initial-schema';
import { Sync1764201600002 } from './0002-sync';
import { EnrollmentJourney1764201600003 } from './0003-enrollment-journey';
import { Supervision1764201600004 } from './0004-supervision';
import { ReviewNotesFlags1764201600005 } from './0005-review-notes-flags';
import { ReviewWorkspace1764201600006 } from './0006-review-workspace';
import { ReviewNoteHead1764201600007 } from './0007-review-note-head';
import { SearchPrefixIndex1764201600008 } from './0008-search-prefix-index';
import { NameOrderSearch1764201600009 } from './0009-name-order-search';

/** Every migration, in order. Append only: a landed migration is never edited or removed. */
export const MIGRATIONS = [InitialSchema1764201600001, Sync1764201600002, EnrollmentJourney1764201600003, Supervision1764201600004, ReviewNotesFlags1764201600005, ReviewWorkspace1764201600006, ReviewNoteHead1764201600007, SearchPrefixIndex1764201600008, NameOrderSearch1764201600009];
export const KNOWN_MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => m.migrationName);
