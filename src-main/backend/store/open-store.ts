/**
 * Opens (creating if needed) the station's SQLite database through TypeORM and brings its schema up to date.
 * DESIGN §3: WAL, foreign keys, busy timeout; migrations are explicit classes; a backup is copied before migrating;
 * a database written by a newer version is refused and left untouched.
 */
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { openMigratedDataSource } from './migrated-data-source';
import { MIGRATIONS } from './migrations';

export const DATABASE_FILE = 'mqp.sqlite';

export interface Store {
  dataSource: DataSource;
  /** The same connection TypeORM uses, for measured hot paths (bulk import, search, chain verification). */
  db: BetterSqlite3.Database;
  file: string;
  /** Where the pre-migration backup went, when one was taken during this open. */
  backupFile: string | null;
  close(): Promise<void>;
}

/** The database is from a newer version of the app (or another app): refused, never "repaired". */
export class DatabaseTooNewError extends Error {
  constructor(readonly file: string, readonly unknownMigrations: string[]) {
    super(
      `The database ${file} was written by a newer version of MQP Assist (it has migrations this version does not ` +
        `know: ${unknownMigrations.join(', ')}). It was not changed. Open it with that newer version, or point the ` +
        `console at another data folder.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export async function openStore(dataDir: string): Promise<Store> {
  const file = join(dataDir, DATABASE_FILE);
  const { dataSource, db, backupFile } = await openMigratedDataSource({
    file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTable: 'migrations',
    // Every accepted change must survive a power loss, not only a crash of the app.
    synchronous: 'FULL',
    tooNew: (f, unknown) => new DatabaseTooNewError(f, unknown),
  });
  return { dataSource, db, file, backupFile, close: () => dataSource.destroy() };
}
