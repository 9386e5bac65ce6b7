import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assisted enrollment journey (MQP-RULES §3): drafts that survive sign-out, restarts and handoffs; payment
 * attempts (idempotency key, token/brand/last 4 only — never card data); R22 payment locks; call notes and
 * dispositions. Append-only: never edit after it has landed.
 */
export class EnrollmentJourney1764201600003 implements MigrationInterface {
  static readonly migrationName = 'EnrollmentJourney1764201600003';
  name = EnrollmentJourney1764201600003.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enrollment_draft (
      id TEXT PRIMARY KEY,
      crd TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('new','add')),
      step TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open','submitted','closed')),
      language TEXT NOT NULL,
      contact_confirmed INTEGER NOT NULL DEFAULT 0,
      email_warning TEXT,
      categories TEXT NOT NULL DEFAULT '[]',
      fee_usd REAL,
      fee_basis TEXT,
      terms_acceptance TEXT,
      payment_acceptance TEXT,
      enrollment_id TEXT,
      confirmation_number TEXT,
      created_by INTEGER NOT NULL REFERENCES staff(id),
      updated_by INTEGER NOT NULL REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`);
    await q.query(`CREATE INDEX enrollment_draft_crd ON enrollment_draft(crd, state)`);

    await q.query(`CREATE TABLE payment_attempt (
      key TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL REFERENCES enrollment_draft(id),
      crd TEXT NOT NULL,
      amount_usd REAL NOT NULL,
      method TEXT,
      status TEXT NOT NULL CHECK (status IN ('started','tokenized','submitted','abandoned','failed')),
      token TEXT,
      brand TEXT,
      last4 TEXT,
      staff_id INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      abandoned_at TEXT,
      submitted_at TEXT,
      failure_reason TEXT)`);
    await q.query(`CREATE INDEX payment_attempt_draft ON payment_attempt(draft_id, started_at)`);

    await q.query(`CREATE TABLE payment_lock (
      crd TEXT PRIMARY KEY,
      abandoned_at TEXT NOT NULL,
      locked_until TEXT NOT NULL,
      staff_id INTEGER NOT NULL,
      reason TEXT NOT NULL,
      attempt_key TEXT)`);

    await q.query(`CREATE TABLE call_note (
      id TEXT PRIMARY KEY,
      crd TEXT NOT NULL,
      staff_id INTEGER NOT NULL,
      at TEXT NOT NULL,
      text TEXT NOT NULL)`);
    await q.query(`CREATE INDEX call_note_crd ON call_note(crd, at)`);

    await q.query(`CREATE TABLE call_wrap_up (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      crd TEXT NOT NULL,
      staff_id INTEGER NOT NULL,
      at TEXT NOT NULL,
      disposition TEXT NOT NULL,
      draft_id TEXT)`);
  }

  async down(): Promise<void> {
    throw new Error('EnrollmentJourney cannot be reverted; restore the backup taken before migrating.');
  }
}
