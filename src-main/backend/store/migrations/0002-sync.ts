import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sync with the central service (DESIGN §4): the outbox (one row per accepted change, its id the idempotency key),
 * the records only the central service writes (enrollment statuses, learning plans, agreement texts), and review
 * flags raised when a pull changes what an agent was told. Append-only: never edit after it has landed.
 */
export class Sync1764201600002 implements MigrationInterface {
  static readonly migrationName = 'Sync1764201600002';
  name = Sync1764201600002.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','failed','conflict')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      conflict_current TEXT)`);
    // Insertion order is push order; rowid keeps it even when clocks disagree.
    await q.query(`CREATE INDEX outbox_due ON outbox(status, next_attempt_at)`);

    await q.query(`CREATE TABLE enrollment (
      id TEXT PRIMARY KEY,
      crd TEXT NOT NULL,
      categories TEXT NOT NULL,
      enroll_window TEXT NOT NULL,
      status TEXT NOT NULL,
      status_reason TEXT,
      status_at TEXT NOT NULL,
      confirmation_number TEXT,
      fee_usd REAL NOT NULL,
      station_id TEXT,
      staff_id INTEGER)`);
    await q.query(`CREATE INDEX enrollment_crd ON enrollment(crd)`);
    await q.query(`CREATE INDEX enrollment_status ON enrollment(status, status_at)`);

    await q.query(`CREATE TABLE learning_plan_item (
      id TEXT PRIMARY KEY,
      crd TEXT NOT NULL,
      category TEXT NOT NULL,
      element TEXT NOT NULL,
      title TEXT NOT NULL,
      due_date TEXT NOT NULL,
      completed_date TEXT)`);
    await q.query(`CREATE INDEX learning_plan_item_crd ON learning_plan_item(crd)`);

    await q.query(`CREATE TABLE agreement_version (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      version TEXT NOT NULL,
      language TEXT NOT NULL,
      text TEXT NOT NULL,
      effective_from TEXT NOT NULL)`);

    await q.query(`CREATE TABLE review_flag (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      crd TEXT NOT NULL,
      kind TEXT NOT NULL,
      message TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '{}',
      raised_at TEXT NOT NULL,
      resolved_at TEXT)`);
    await q.query(`CREATE INDEX review_flag_open ON review_flag(resolved_at, crd)`);
  }

  async down(): Promise<void> {
    throw new Error('Sync cannot be reverted; restore the backup taken before migrating.');
  }
}
