import { CentralSchema1767225600001 } from './0001-central-schema';

/** Every migration of the central database, in order. Append only: a landed migration is never edited or removed. */
export const CENTRAL_MIGRATIONS = [CentralSchema1767225600001];
export const KNOWN_CENTRAL_MIGRATIONS: readonly string[] = CENTRAL_MIGRATIONS.map((m) => m.migrationName);
