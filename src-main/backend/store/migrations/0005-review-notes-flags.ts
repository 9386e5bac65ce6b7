import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offline review (issue 5): reviewers' saved worklists, and the flags and notes they put on individuals and their
 * registrations. Flags merge across stations (one row per crd × category × flag); notes keep a central version and,
 * when another station changed the same note, that station's text next to ours until a person resolves it.
 * Append-only: never edit after it has landed.
 */
export class ReviewNotesFlags1764201600005 implements MigrationInterface {
  static readonly migrationName = 'ReviewNotesFlags1764201600005';
  name = ReviewNotesFlags1764201600005.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE worklist (
      id TEXT PRIMARY KEY,
      staff_id INTEGER NOT NULL REFERENCES staff(id),
      name TEXT NOT NULL,
      filter TEXT NOT NULL,
      sort TEXT NOT NULL,
      created_at TEXT NOT NULL)`);
    await q.query(`CREATE INDEX worklist_staff ON worklist(staff_id, name)`);

    // category '' = on the individual as a whole (a primary key cannot hold NULL in a useful way).
    await q.query(`CREATE TABLE review_mark (
      crd TEXT NOT NULL,
      category TEXT NOT NULL DEFAULT '',
      flag TEXT NOT NULL,
      set_by INTEGER,
      station_id TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (crd, category, flag))`);

    await q.query(`CREATE TABLE review_note (
      id TEXT PRIMARY KEY,
      crd TEXT NOT NULL,
      category TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 0,
      updated_by TEXT NOT NULL,
      station_id TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      conflict_text TEXT,
      conflict_station TEXT,
      conflict_at TEXT,
      conflict_version INTEGER)`);
    await q.query(`CREATE INDEX review_note_crd ON review_note(crd, category)`);
  }

  async down(): Promise<void> {
    throw new Error('ReviewNotesFlags cannot be reverted; restore the backup taken before migrating.');
  }
}
