/**
 * Opens (creating if needed) the central service's own database and brings its schema up to date.
 * SQLite through better-sqlite3 by default: WAL, foreign keys. `synchronize: false`; migrations and entities are
 * explicit lists; a database with migrations this code does not know is refused and left untouched.
 *
 * WAL with `synchronous = NORMAL`: a commit is written to the WAL file before it is acknowledged, so it survives
 * a kill -9 of this process; only an OS crash or power loss can lose the last commits. Measured: FULL (an fsync
 * per transaction, and every command is its own transaction) made a 500-command batch take ~2 s instead of 0.35 s.
 */
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { openMigratedDataSource } from '../../src-main/backend/store/migrated-data-source';
import { CENTRAL_ENTITIES } from './entities';
import { CENTRAL_MIGRATIONS } from './migrations';

export const CENTRAL_DATABASE_FILE = 'central.sqlite';

export interface CentralStore {
  dataSource: DataSource;
  /** The connection TypeORM uses, for the measured hot paths (seeding, reading change pages). */
  db: BetterSqlite3.Database;
  file: string;
  close(): Promise<void>;
}

export class CentralDatabaseTooNewError extends Error {
  constructor(readonly file: string, readonly unknownMigrations: string[]) {
    super(
      `The central database ${file} has migrations this version does not know (${unknownMigrations.join(', ')}). ` +
        'It was not changed. Run the newer version, or start with another --data directory.',
    );
    this.name = 'CentralDatabaseTooNewError';
  }
}

export async function openCentralStore(dataDir: string): Promise<CentralStore> {
  const file = join(dataDir, CENTRAL_DATABASE_FILE);
  const { dataSource, db } = await openMigratedDataSource({
    file,
    entities: CENTRAL_ENTITIES,
    migrations: CENTRAL_MIGRATIONS,
    migrationsTable: 'central_migrations',
    synchronous: 'NORMAL',
    tooNew: (f, unknown) => new CentralDatabaseTooNewError(f, unknown),
  });
  return { dataSource, db, file, close: () => dataSource.destroy() };
}
