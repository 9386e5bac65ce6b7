/**
 * Opens (creating if needed) the station's SQLite database through TypeORM and brings its schema up to date.
 * DESIGN §3: WAL, foreign keys, busy timeout; migrations are explicit classes; a backup is copied before migrating;
 * a database written by a newer version is refused and left untouched.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { KNOWN_MIGRATION_NAMES, MIGRATIONS } from './migrations';

export const DATABASE_FILE = 'mqp.sqlite';
const MIGRATIONS_TABLE = 'migrations';

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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE);
  const existed = existsSync(file) && statSync(file).size > 0;

  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      db.pragma('synchronous = FULL');
    },
  });
  await dataSource.initialize();
  const db = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;

  try {
    const applied = appliedMigrations(db);
    const unknown = applied.filter((name) => !KNOWN_MIGRATION_NAMES.includes(name));
    if (unknown.length > 0) throw new DatabaseTooNewError(file, unknown);

    let backupFile: string | null = null;
    const pending = KNOWN_MIGRATION_NAMES.filter((name) => !applied.includes(name));
    if (pending.length > 0 && existed) {
      backupFile = await backupBeforeMigrating(db, dataDir, pending[0]);
    }
    if (pending.length > 0) await dataSource.runMigrations({ transaction: 'all' });

    return { dataSource, db, file, backupFile, close: () => dataSource.destroy() };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

function appliedMigrations(db: BetterSqlite3.Database): string[] {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return [];
  return (db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
}

async function backupBeforeMigrating(db: BetterSqlite3.Database, dataDir: string, firstPending: string): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `mqp-${stamp}-before-${firstPending}.sqlite`);
  // SQLite's online backup: a consistent copy even with WAL content not yet checkpointed.
  await db.backup(target);
  return target;
}
