/**
 * The central database (in process): migrations are the whole truth of the schema — after migrating an empty
 * database, TypeORM finds nothing to change against the entities — and a newer database is refused untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../../src-central/store/migrations';
import { CentralDatabaseTooNewError, openCentralStore } from '../../../src-central/store/open-central-store';
import { tempDir } from '../../support/temp-dir';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('central store', () => {
  it('migrates an empty database to exactly the schema the entities describe', async () => {
    const dir = tempDir('mqp-central-schema-');
    dirs.push(dir);
    const store = await openCentralStore(dir.path);
    try {
      const pending = await store.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(store.db.prepare(`SELECT last_seq FROM change_counter WHERE id = 1`).pluck().get()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('opens its own database again without migrating twice', async () => {
    const dir = tempDir('mqp-central-schema-');
    dirs.push(dir);
    await (await openCentralStore(dir.path)).close();
    const again = await openCentralStore(dir.path);
    try {
      expect(again.db.prepare(`SELECT COUNT(*) FROM central_migrations`).pluck().get()).toBe(CENTRAL_MIGRATIONS.length);
    } finally {
      await again.close();
    }
  });

  it('refuses a database with a migration this code does not know, and leaves it unchanged', async () => {
    const dir = tempDir('mqp-central-schema-');
    dirs.push(dir);
    const store = await openCentralStore(dir.path);
    store.db.prepare(`INSERT INTO central_migrations (timestamp, name) VALUES (?, ?)`).run(1893456000000, 'FromTheFuture1893456000000');
    await store.close();
    await expect(openCentralStore(dir.path)).rejects.toBeInstanceOf(CentralDatabaseTooNewError);
    await expect(openCentralStore(dir.path)).rejects.toThrow(/FromTheFuture1893456000000/);
  });
});
