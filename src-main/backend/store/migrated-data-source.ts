/**
 * One way to open a SQLite database under TypeORM for both the station and the reference central service:
 * WAL, foreign keys, busy timeout, `synchronize: false`, explicit entity and migration lists; a database whose
 * applied migrations this code does not know is refused and left untouched; an existing database is copied to
 * backups/ before it is migrated.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type MixedList, type EntitySchema, type MigrationInterface } from 'typeorm';

type MigrationClass = (new () => MigrationInterface) & { migrationName: string };

export interface MigratedDataSourceOptions {
  file: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MigrationClass[];
  migrationsTable: string;
  /** FULL: an fsync per commit; NORMAL: survives a process kill, not a power loss (measured choice per caller). */
  synchronous: 'FULL' | 'NORMAL';
  tooNew: (file: string, unknownMigrations: string[]) => Error;
}

export interface MigratedDataSource {
  dataSource: DataSource;
  db: BetterSqlite3.Database;
  backupFile: string | null;
}

export async function openMigratedDataSource(options: MigratedDataSourceOptions): Promise<MigratedDataSource> {
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const existed = existsSync(options.file) && statSync(options.file).size > 0;
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.file,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: options.migrationsTable,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      db.pragma(`synchronous = ${options.synchronous}`);
    },
  });
  await dataSource.initialize();
  const db = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  try {
    const known = options.migrations.map((m) => m.migrationName);
    const applied = appliedMigrations(db, options.migrationsTable);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw options.tooNew(options.file, unknown);
    const pending = known.filter((name) => !applied.includes(name));
    let backupFile: string | null = null;
    if (pending.length > 0 && existed) backupFile = await backupBeforeMigrating(db, options.file, pending[0]);
    if (pending.length > 0) await dataSource.runMigrations({ transaction: 'all' });
    return { dataSource, db, backupFile };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

function appliedMigrations(db: BetterSqlite3.Database, table: string): string[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  if (!exists) return [];
  return (db.prepare(`SELECT name FROM ${table} ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
}

async function backupBeforeMigrating(db: BetterSqlite3.Database, file: string, firstPending: string): Promise<string> {
  const dir = join(dirname(file), 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${stamp}-before-${firstPending}.sqlite`);
  // SQLite's online backup: a consistent copy even with WAL content not yet checkpointed.
  await db.backup(target);
  return target;
}
