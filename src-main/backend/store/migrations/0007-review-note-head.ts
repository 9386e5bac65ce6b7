import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offline review notes (issue 5): a station may edit a note several times before the central service answers, and
 * each edit must name the version it builds on. `head_version` is the version this station's latest text will have
 * once every edit it queued applies — the base of the next edit. It cannot be derived from `version` (the central
 * version last seen) and the outbox: an applied edit leaves the outbox before the pull that reports its version.
 * Append-only: never edit after it has landed.
 */
export class ReviewNoteHead1764201600007 implements MigrationInterface {
  static readonly migrationName = 'ReviewNoteHead1764201600007';
  name = ReviewNoteHead1764201600007.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_note ADD COLUMN head_version INTEGER NOT NULL DEFAULT 0`);
    await q.query(`UPDATE review_note SET head_version = version`);
  }

  async down(): Promise<void> {
    throw new Error('ReviewNoteHead cannot be reverted; restore the backup taken before migrating.');
  }
}
