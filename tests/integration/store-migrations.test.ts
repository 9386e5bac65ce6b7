import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DatabaseTooNewError, openStore } from '../../src-main/backend/store/open-store';
import { KNOWN_MIGRATION_NAMES, MIGRATIONS } from '../../src-main/backend/store/migrations';
import { DataSource } from 'typeorm';
import { tempDir } from '../support/temp-dir';

const dirs: { cleanup(): void }[] = [];
const newDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('store: migrations', () => {
  it('creates every table from an empty folder, with WAL and foreign keys on', async () => {
    const store = await openStore(newDir());
    const tables = (store.db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table')`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['staff', 'staff_session', 'individual', 'registration', 'disqualification', 'audit_event', 'setting', 'individual_fts']));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = (store.db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name);
    expect(applied).toEqual([...KNOWN_MIGRATION_NAMES]);
    expect(store.backupFile).toBeNull(); // nothing to back up in a new database
    await store.close();
  });

  it('opens an up-to-date database again without migrating or backing up', async () => {
    const dir = newDir();
    await (await openStore(dir)).close();
    const again = await openStore(dir);
    expect(again.backupFile).toBeNull();
    await again.close();
  });

  it('copies an existing database to backups/ before migrating it', async () => {
    const dir = newDir();
    const legacy = new Database(join(dir, DATABASE_FILE));
    legacy.exec(`CREATE TABLE legacy_note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO legacy_note (body) VALUES ('kept');`);
    legacy.close();

    const store = await openStore(dir);
    expect(store.backupFile).not.toBeNull();
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    const backup = new Database(store.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT body FROM legacy_note').pluck().get()).toBe('kept');
    expect(backup.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'individual'`).pluck().get()).toBe(0);
    backup.close();
    await store.close();
  });

  it('migrates a database at the previous schema, backing it up first, and keeps its rows', async () => {
    const dir = newDir();
    // A station as the previous release left it: only the first migration applied, with data in it.
    const previous = new DataSource({ type: 'better-sqlite3', database: join(dir, DATABASE_FILE), migrations: [MIGRATIONS[0]], synchronize: false });
    await previous.initialize();
    await previous.runMigrations();
    await previous.query(`INSERT INTO setting (key, value) VALUES ('station_id', 'station-old')`);
    await previous.destroy();

    const store = await openStore(dir);
    expect(store.backupFile).toMatch(/before-Sync1764201600002\.sqlite$/);
    expect(store.db.prepare(`SELECT value FROM setting WHERE key = 'station_id'`).pluck().get()).toBe('station-old');
    expect(store.db.prepare(`SELECT count(*) FROM outbox`).pluck().get()).toBe(0); // the new table exists
    const backup = new Database(store.backupFile!, { readonly: true });
    expect(backup.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'outbox'`).pluck().get()).toBe(0);
    backup.close();
    await store.close();
  });

  it('gives payment attempts submitted before migration 0004 the enrollment their audit event names', async () => {
    const dir = newDir();
    const previous = new DataSource({ type: 'better-sqlite3', database: join(dir, DATABASE_FILE), migrations: MIGRATIONS.slice(0, 3), synchronize: false });
    await previous.initialize();
    await previous.runMigrations();
    await previous.query(`INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES (1, 'agent', 'A', 'agent', 'x', '2026-01-01')`);
    await previous.query(`INSERT INTO enrollment_draft (id, crd, kind, step, state, language, created_by, updated_by, created_at, updated_at)
      VALUES ('d1', '123', 'new', 'confirmation', 'submitted', 'en', 1, 1, '2026-01-01', '2026-01-01')`);
    for (const [key, status] of [['paid', 'submitted'], ['left', 'abandoned']]) {
      await previous.query(`INSERT INTO payment_attempt (key, draft_id, crd, amount_usd, status, staff_id, started_at) VALUES (?, 'd1', '123', 100, ?, 1, '2026-01-01')`, [key, status]);
    }
    await previous.query(`INSERT INTO audit_event (seq, at, staff_id, station_id, action, entity, entity_id, details, prev_hash, hash)
      VALUES (1, '2026-01-01', 1, 's', 'payment.submitted', 'individual', '123', '{"attemptKey":"paid","enrollmentId":"enr-9"}', 'p', 'h')`);
    await previous.destroy();

    const store = await openStore(dir);
    expect(store.db.prepare(`SELECT key, enrollment_id AS enrollmentId FROM payment_attempt ORDER BY key`).all()).toEqual([
      { key: 'left', enrollmentId: null },
      { key: 'paid', enrollmentId: 'enr-9' },
    ]);
    expect(store.db.prepare(`SELECT count(*) FROM review_decision`).pluck().get()).toBe(0);
    await store.close();
  });

  it('rebuilds the search index of a station that already has people (0008), with its triggers', async () => {
    const dir = newDir();
    const previous = new DataSource({ type: 'better-sqlite3', database: join(dir, DATABASE_FILE), migrations: MIGRATIONS.slice(0, 7), synchronize: false });
    await previous.initialize();
    await previous.runMigrations();
    for (const [id, crd, first, last] of [[1, '501', 'Maria', 'Cohen'], [2, '502', 'Mark', 'Lee']] as const) {
      await previous.query(`INSERT INTO individual (id, crd, first_name, last_name, date_of_birth, email, phone, street, city, state, zip, country,
        finpro_last_login, firm_domains, updated_at) VALUES (?, ?, ?, ?, NULL, ?, '', '', '', 'NY', '', 'US', NULL, '[]', '2026-01-01')`, [id, crd, first, last, `${first}@x.org`]);
    }
    await previous.destroy();

    const store = await openStore(dir);
    const match = (q: string) => store.db.prepare(`SELECT rowid FROM individual_fts WHERE individual_fts MATCH ? ORDER BY rowid`).pluck().all(q);
    expect(store.db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'individual_fts'`).pluck().get()).toMatch(/prefix='1 2 3 4 5 6'/); // 0009 added 5 and 6
    expect(match('"m"*')).toEqual([1, 2]);
    expect(match('"mari"*')).toEqual([1]);
    // The triggers came back: a new person and a renamed one are searchable at once.
    store.db.prepare(`UPDATE individual SET last_name = 'Quill' WHERE id = 2`).run();
    expect(match('"quill"')).toEqual([2]);
    expect(match('"lee"')).toEqual([]);
    expect(store.db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'individual_fts_%'`).pluck().get()).toBe(3);
    await store.close();
  });

  it('ranks the people of a station in name order and indexes them by rank (0009), with its triggers', async () => {
    const dir = newDir();
    const previous = new DataSource({ type: 'better-sqlite3', database: join(dir, DATABASE_FILE), migrations: MIGRATIONS.slice(0, 8), synchronize: false });
    await previous.initialize();
    await previous.runMigrations();
    // Ids in another order than names.
    for (const [id, crd, first, last] of [[1, '601', 'Zoe', 'Young'], [2, '602', 'Ann', 'Baker'], [3, '603', 'Mia', 'Moss'], [4, '604', 'Al', 'Baker']] as const) {
      await previous.query(`INSERT INTO individual (id, crd, first_name, last_name, date_of_birth, email, phone, street, city, state, zip, country,
        finpro_last_login, firm_domains, updated_at) VALUES (?, ?, ?, ?, NULL, ?, '', '', '', 'NY', '', 'US', NULL, '[]', '2026-01-01')`, [id, crd, first, last, `${first}@x.org`]);
    }
    await previous.destroy();

    const store = await openStore(dir);
    const byRank = (q: string) =>
      store.db.prepare(`SELECT i.id FROM individual_name_fts f JOIN individual i ON i.name_rank = f.rowid WHERE individual_name_fts MATCH ? ORDER BY f.rowid`).pluck().all(q);
    expect(store.db.prepare(`SELECT id FROM individual ORDER BY name_rank`).pluck().all()).toEqual([4, 2, 3, 1]);
    expect(byRank('"x"')).toEqual([4, 2, 3, 1]); // everyone, in name order
    expect(byRank('"baker"')).toEqual([4, 2]);
    // The triggers came back: a rename and a new person reach the name-ordered index.
    store.db.prepare(`UPDATE individual SET last_name = 'Quill' WHERE id = 3`).run();
    expect(byRank('"quill"')).toEqual([3]);
    expect(byRank('"moss"')).toEqual([]);
    expect(store.db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'individual_name_fts_%'`).pluck().get()).toBe(3);
    store.db.prepare(`INSERT INTO individual_name_fts(individual_name_fts) VALUES ('integrity-check')`).run();
    // The date plans' indexes cover the person.
    expect(store.db.prepare(`SELECT name FROM pragma_index_info('workspace_row_enroll')`).pluck().all()).toContain('individual_id');
    expect(store.db.prepare(`SELECT name FROM pragma_index_info('workspace_row_individual')`).pluck().all()).toEqual(['individual_id', 'cell', 'enroll_key']);
    await store.close();
  });

  it('refuses a database written by a newer version, names the unknown migration, and leaves the file unchanged', async () => {
    const dir = newDir();
    const store = await openStore(dir);
    store.db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(1900000000000, 'FutureFeature1900000000000');
    await store.close();
    const file = join(dir, DATABASE_FILE);
    const before = sha(file);

    const opening = openStore(dir);
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(opening).rejects.toThrow(/newer version of MQP Assist.*FutureFeature1900000000000.*not changed/s);
    expect(sha(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
