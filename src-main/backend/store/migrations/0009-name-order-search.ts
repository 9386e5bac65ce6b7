import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text workspace pages at a million people (issue 5):
 *
 * - Sorted by name: `individual_fts` hands out matches in individual-id order, so a page sorted by name had to read
 *   every match first (80,000 people for "mar": 120 ms). Each individual now has a rank in name order
 *   (`name_rank`, store/name-order.ts), and a second search index, `individual_name_fts`, is keyed by that rank: it
 *   hands out the matches in name order, 50 at a time. (`individual_fts` stays: its rowid is the individual id the
 *   workspace rows carry.)
 * - Sorted by a date: the walk along the enroll-by index checks each row's person against the matches; the index now
 *   carries the individual id, and the individual index the enroll-by key, so neither plan reads the table.
 *
 * Append-only: never edit after it has landed.
 */
export class NameOrderSearch1764201600009 implements MigrationInterface {
  static readonly migrationName = 'NameOrderSearch1764201600009';
  name = NameOrderSearch1764201600009.migrationName;

  async up(q: QueryRunner): Promise<void> {
    // The same key the workspace sorts names by (workspace_row.name_key).
    await q.query(`ALTER TABLE individual ADD COLUMN name_key TEXT GENERATED ALWAYS AS (lower(last_name || ' ' || first_name)) VIRTUAL`);
    await q.query(`ALTER TABLE individual ADD COLUMN name_rank INTEGER NOT NULL DEFAULT 0`);
    // Existing people, spread evenly over the ranked range (below 2^40, UNRANKED_BASE in store/name-order.ts).
    await q.query(`UPDATE individual SET name_rank = o.n * (${2 ** 40} / (o.total + 1))
      FROM (SELECT id, row_number() OVER (ORDER BY name_key, id) AS n, count(*) OVER () AS total FROM individual) o
      WHERE individual.id = o.id`);
    await q.query(`CREATE UNIQUE INDEX individual_name_rank ON individual(name_rank)`);
    await q.query(`CREATE INDEX individual_name_order ON individual(name_key, name_rank)`);

    // Both search indexes also index prefixes of 5 and 6 characters: a longer word ("smith", "thomas") was gathered
    // from every term it starts each time a page ran the query — 2–4 ms at 1M, often twice a page (measured: text
    // pages p99 20 → 12 ms, the indexes 166 → 214 and 233 → 298 MB). Filled in rowid order: FTS5 flushes its
    // buffer whenever a rowid goes backwards ('rebuild' by rank took 40 s at 1M, this 20 s).
    const triggers = (await q.query(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'individual' AND name LIKE 'individual_fts_%' ORDER BY name`,
    )) as { name: string; sql: string }[];
    for (const t of triggers) await q.query(`DROP TRIGGER ${t.name}`);
    await q.query(`DROP TABLE individual_fts`);
    await q.query(`CREATE VIRTUAL TABLE individual_fts USING fts5(
      crd, first_name, last_name, email,
      content='individual', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6')`);
    await q.query(`INSERT INTO individual_fts(rowid, crd, first_name, last_name, email) SELECT id, crd, first_name, last_name, email FROM individual ORDER BY id`);
    for (const t of triggers) await q.query(t.sql);

    await q.query(`CREATE VIRTUAL TABLE individual_name_fts USING fts5(
      crd, first_name, last_name, email,
      content='individual', content_rowid='name_rank',
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6')`);
    await q.query(`INSERT INTO individual_name_fts(rowid, crd, first_name, last_name, email)
      SELECT name_rank, crd, first_name, last_name, email FROM individual ORDER BY name_rank`);
    // Each index as one segment, as a large import leaves it (import-individuals.ts).
    await q.query(`INSERT INTO individual_fts(individual_fts) VALUES ('optimize')`);
    await q.query(`INSERT INTO individual_name_fts(individual_name_fts) VALUES ('optimize')`);
    // Only ranked people are in it (rank < 2^40, UNRANKED_BASE in store/name-order.ts): a provisional rank is
    // replaced at the end of its batch, and indexing it first would write every new person twice.
    const ranked = (rank: string) => `${rank} < ${2 ** 40}`;
    await q.query(`CREATE TRIGGER individual_name_fts_insert AFTER INSERT ON individual WHEN ${ranked('new.name_rank')} BEGIN
      INSERT INTO individual_name_fts(rowid, crd, first_name, last_name, email)
      VALUES (new.name_rank, new.crd, new.first_name, new.last_name, new.email);
    END`);
    await q.query(`CREATE TRIGGER individual_name_fts_delete AFTER DELETE ON individual WHEN ${ranked('old.name_rank')} BEGIN
      INSERT INTO individual_name_fts(individual_name_fts, rowid, crd, first_name, last_name, email)
      VALUES ('delete', old.name_rank, old.crd, old.first_name, old.last_name, old.email);
    END`);
    // Only a real change re-indexes (a re-import rewrites every column of every person it names).
    await q.query(`CREATE TRIGGER individual_name_fts_update AFTER UPDATE OF crd, first_name, last_name, email, name_rank ON individual
      WHEN old.crd IS NOT new.crd OR old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name
        OR old.email IS NOT new.email OR old.name_rank IS NOT new.name_rank BEGIN
      INSERT INTO individual_name_fts(individual_name_fts, rowid, crd, first_name, last_name, email)
      SELECT 'delete', old.name_rank, old.crd, old.first_name, old.last_name, old.email WHERE ${ranked('old.name_rank')};
      INSERT INTO individual_name_fts(rowid, crd, first_name, last_name, email)
      SELECT new.name_rank, new.crd, new.first_name, new.last_name, new.email WHERE ${ranked('new.name_rank')};
    END`);

    // Covering indexes for the two full-text plans of a date sort (same order as before, one more column each).
    await q.query(`DROP INDEX workspace_row_enroll`);
    await q.query(`CREATE INDEX workspace_row_enroll ON workspace_row(enroll_key, cell, registration_id, term_key, rereg_key, individual_id)`);
    await q.query(`DROP INDEX workspace_row_individual`);
    await q.query(`CREATE INDEX workspace_row_individual ON workspace_row(individual_id, cell, enroll_key)`);
  }

  async down(): Promise<void> {
    throw new Error('NameOrderSearch cannot be reverted; restore the backup taken before migrating.');
  }
}
