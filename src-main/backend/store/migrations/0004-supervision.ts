import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervisors audit enrollments (issue 6): their decisions, the enrollment each payment attempt produced (so the
 * dashboard counts declines and statuses per attempt), and indexes that keep an enrollment's trail and the step
 * timings one index range each on a million events. Append-only: never edit after it has landed.
 */
export class Supervision1764201600004 implements MigrationInterface {
  static readonly migrationName = 'Supervision1764201600004';
  name = Supervision1764201600004.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE review_decision (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      draft_id TEXT NOT NULL REFERENCES enrollment_draft(id),
      decision TEXT NOT NULL CHECK (decision IN ('approved','follow-up')),
      note TEXT,
      staff_id INTEGER NOT NULL REFERENCES staff(id),
      at TEXT NOT NULL)`);
    await q.query(`CREATE INDEX review_decision_draft ON review_decision(draft_id, id)`);

    await q.query(`ALTER TABLE payment_attempt ADD COLUMN enrollment_id TEXT`);
    // Attempts submitted before this migration: their enrollment is named in their own audit event.
    await q.query(`UPDATE payment_attempt SET enrollment_id = (
        SELECT json_extract(e.details, '$.enrollmentId') FROM audit_event e
        WHERE e.action = 'payment.submitted' AND json_extract(e.details, '$.attemptKey') = payment_attempt.key)
      WHERE status = 'submitted'`);
    await q.query(`CREATE INDEX payment_attempt_submitted ON payment_attempt(status, submitted_at)`);

    await q.query(`CREATE INDEX audit_event_entity ON audit_event(entity, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_action ON audit_event(action, at)`);
  }

  async down(): Promise<void> {
    throw new Error('Supervision cannot be reverted; restore the backup taken before migrating.');
  }
}
