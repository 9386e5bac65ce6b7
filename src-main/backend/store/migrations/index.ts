import { InitialSchema1764201600001 } from './0001-initial-schema';
import { Sync1764201600002 } from './0002-sync';

/** Every migration, in order. Append only: a landed migration is never edited or removed. */
export const MIGRATIONS = [InitialSchema1764201600001, Sync1764201600002];
export const KNOWN_MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => m.migrationName);
