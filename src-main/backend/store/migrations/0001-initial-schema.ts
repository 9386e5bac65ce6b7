import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff, sessions, individuals with registrations and disqualifications, the FTS5 search index kept in step by
 * triggers, the append-only audit log, and station settings. Append-only: never edit after it has landed.
 */
export class InitialSchema1764201600001 implements MigrationInterface {
  static readonly migrationName = 'InitialSchema1764201600001';
  name = InitialSchema1764201600001.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent','supervisor','admin')),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0)`);
    await q.query(`CREATE TABLE staff_session (
      token_hash TEXT PRIMARY KEY,
      staff_id INTEGER NOT NULL REFERENCES staff(id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT)`);
    await q.query(`CREATE INDEX staff_session_staff ON staff_session(staff_id)`);

    await q.query(`CREATE TABLE individual (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      crd TEXT NOT NULL UNIQUE,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      date_of_birth TEXT,
      email TEXT NOT NULL,
      phone TEXT,
      street TEXT NOT NULL,
      city TEXT NOT NULL,
      state TEXT NOT NULL,
      zip TEXT NOT NULL,
      country TEXT NOT NULL,
      finpro_last_login TEXT,
      firm_domains TEXT NOT NULL DEFAULT '[]',
      updated_at TEXT NOT NULL)`);
    await q.query(`CREATE TABLE registration (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      individual_id INTEGER NOT NULL REFERENCES individual(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      category TEXT NOT NULL,
      series TEXT,
      level TEXT NOT NULL CHECK (level IN ('representative','principal','state')),
      start_date TEXT NOT NULL,
      termination_date TEXT,
      termination_type TEXT CHECK (termination_type IN ('full','partial')),
      eligible INTEGER NOT NULL,
      reason TEXT NOT NULL,
      enroll_window TEXT,
      enroll_by TEXT,
      reregister_by TEXT,
      evaluated_on TEXT NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX registration_individual_position ON registration(individual_id, position)`);
    await q.query(`CREATE INDEX registration_reason_enroll_by ON registration(reason, enroll_by)`);
    await q.query(`CREATE TABLE disqualification (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      individual_id INTEGER NOT NULL REFERENCES individual(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('statutory','ce-inactive-2y')),
      date TEXT NOT NULL)`);
    await q.query(`CREATE INDEX disqualification_individual ON disqualification(individual_id)`);

    // Full-text search over name, e-mail and CRD; diacritics folded so "Jose" finds "José".
    await q.query(`CREATE VIRTUAL TABLE individual_fts USING fts5(
      crd, first_name, last_name, email,
      content='individual', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3')`);
    await q.query(`CREATE TRIGGER individual_fts_insert AFTER INSERT ON individual BEGIN
      INSERT INTO individual_fts(rowid, crd, first_name, last_name, email)
      VALUES (new.id, new.crd, new.first_name, new.last_name, new.email);
    END`);
    await q.query(`CREATE TRIGGER individual_fts_delete AFTER DELETE ON individual BEGIN
      INSERT INTO individual_fts(individual_fts, rowid, crd, first_name, last_name, email)
      VALUES ('delete', old.id, old.crd, old.first_name, old.last_name, old.email);
    END`);
    await q.query(`CREATE TRIGGER individual_fts_update AFTER UPDATE OF crd, first_name, last_name, email ON individual BEGIN
      INSERT INTO individual_fts(individual_fts, rowid, crd, first_name, last_name, email)
      VALUES ('delete', old.id, old.crd, old.first_name, old.last_name, old.email);
      INSERT INTO individual_fts(rowid, crd, first_name, last_name, email)
      VALUES (new.id, new.crd, new.first_name, new.last_name, new.email);
    END`);

    await q.query(`CREATE TABLE audit_event (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      staff_id INTEGER,
      station_id TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL)`);
    // DESIGN §6: the log is append-only; the app never updates or deletes an event.
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN
      SELECT RAISE(ABORT, 'audit events are append-only');
    END`);
    await q.query(`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN
      SELECT RAISE(ABORT, 'audit events are append-only');
    END`);

    await q.query(`CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  }

  async down(): Promise<void> {
    // Migrations are append-only and never rolled back: a database is restored from backups/ instead.
    throw new Error('InitialSchema cannot be reverted; restore the backup taken before migrating.');
  }
}
