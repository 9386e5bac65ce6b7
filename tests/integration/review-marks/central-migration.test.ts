/**
 * Central migration 0002 (review notes and flags) on a database the previous release left with notes in it: the
 * notes are kept, as call notes (no category, not fed to stations), and flags can be stored.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { CENTRAL_MIGRATIONS } from '../../../src-central/store/migrations';
import { CENTRAL_DATABASE_FILE, openCentralStore } from '../../../src-central/store/open-central-store';
import { tempDir } from '../../support/temp-dir';

const dir = tempDir('mqp-central-migration-');
afterEach(() => dir.cleanup());

it('keeps the notes of a database at the first central schema, as call notes', async () => {
  const previous = new DataSource({
    type: 'better-sqlite3', database: join(dir.path, CENTRAL_DATABASE_FILE), migrations: [CENTRAL_MIGRATIONS[0]], migrationsTableName: 'central_migrations', synchronize: false,
  });
  await previous.initialize();
  await previous.runMigrations();
  await previous.query(`INSERT INTO note (id, crd, text, version, station_id, updated_at) VALUES ('call-1', '501', 'called back', 1, 's1', '2024-09-01T15:00:00.000Z')`);
  await previous.destroy();

  const store = await openCentralStore(dir.path);
  try {
    expect(store.db.prepare(`SELECT id, text, version, category, updated_by AS updatedBy FROM note`).all()).toEqual([
      { id: 'call-1', text: 'called back', version: 1, category: null, updatedBy: null },
    ]);
    store.db.prepare(`INSERT INTO review_mark (crd, category, flag, station_id, set_by, set_at) VALUES ('501', '', 'follow-up', 's1', NULL, 'now')`).run();
    expect(store.db.prepare(`SELECT count(*) FROM review_mark`).pluck().get()).toBe(1);
  } finally {
    await store.close();
  }
});
