import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review workspace (issue 5): one row per registration with everything its filters and sorts need, kept in
 * step by triggers whoever writes (import, sync, enrollments, flags, notes, the midnight re-evaluation).
 *
 * - `workspace_row_source` (a view) is THE definition of a workspace row, derived from registration, individual,
 *   enrollment, review_mark and review_note. `workspace_row` is its materialization; the triggers re-derive the
 *   rows a change touches from the view, so the derivation is written once.
 * - `workspace_cell` holds one row per combination of facet values (reason, window, category, level, state,
 *   enrollment status, flags, notes, R19). A workspace row points at its cell, so every facet filter is "cell IN
 *   (…)" and facet counts are sums over at most a few thousand cells instead of a scan of millions of rows. Each cell
 *   keeps its row count and, per sort key, bounds that only ever widen: a page walk stops at them instead of reading
 *   to the end of an index.
 * - Sort keys never hold NULL: a missing date is '~', which sorts after every date (NULLs last when ascending).
 *
 * Append-only: never edit after it has landed.
 */
export class ReviewWorkspace1764201600006 implements MigrationInterface {
  static readonly migrationName = 'ReviewWorkspace1764201600006';
  name = ReviewWorkspace1764201600006.migrationName;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW workspace_row_source AS
      SELECT r.id AS registration_id, r.individual_id, i.crd,
        CAST(i.crd AS INTEGER) AS crd_number,
        i.last_name || ', ' || i.first_name AS name,
        lower(i.last_name || ' ' || i.first_name) AS name_key,
        coalesce(r.termination_date, '~') AS term_key,
        coalesce(r.enroll_by, '~') AS enroll_key,
        coalesce(r.reregister_by, '~') AS rereg_key,
        r.reason, coalesce(r.enroll_window, '~') AS enroll_window, r.category, r.level, i.state,
        -- Most people have no enrollment and no flag: a cheap EXISTS spares the sorting subqueries (bulk import).
        CASE WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.crd = i.crd)
          THEN coalesce(${LATEST_ENROLLMENT('e.status')}, 'none') ELSE 'none' END AS enrollment_status,
        CASE WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.crd = i.crd AND e.status = 'payment_pending')
          AND ${LATEST_ENROLLMENT('e.status')} = 'payment_pending' THEN ${LATEST_ENROLLMENT('e.status_at')} END AS pending_since,
        -- (A correlated "IN (r.category, '')" builds a temporary table per row: two equalities are far cheaper.)
        CASE WHEN EXISTS (SELECT 1 FROM review_mark m WHERE m.crd = i.crd)
          THEN coalesce((SELECT group_concat(flag, ',' ORDER BY flag) FROM (SELECT DISTINCT m.flag FROM review_mark m
                  WHERE m.crd = i.crd AND (m.category = r.category OR m.category = ''))), '') ELSE '' END AS flags,
        CASE WHEN EXISTS (SELECT 1 FROM review_note n WHERE n.crd = i.crd)
          THEN (SELECT count(*) FROM review_note n WHERE n.crd = i.crd AND n.category = r.category)
             + (SELECT count(*) FROM review_note n WHERE n.crd = i.crd AND n.category = '') ELSE 0 END AS notes,
        ${FINPRO_DELETED_AFTER} AS finpro_deleted_after,
        -- R19 as of the day the row's eligibility was evaluated; the midnight re-evaluation moves that day on.
        coalesce(${FINPRO_DELETED_AFTER} < r.evaluated_on, 0) AS finpro_likely_deleted,
        r.evaluated_on
      FROM registration r JOIN individual i ON i.id = r.individual_id`);

    await q.query(`CREATE TABLE workspace_cell (
      id INTEGER PRIMARY KEY,
      ${CELL_COLUMNS.map((c) => `${c} ${c === 'notes' || c === 'finpro_likely_deleted' ? 'INTEGER' : 'TEXT'} NOT NULL`).join(',\n      ')},
      row_count INTEGER NOT NULL,
      ${SORT_KEYS.map((k) => `min_${k} ${k === 'crd_number' ? 'INTEGER' : 'TEXT'}, max_${k} ${k === 'crd_number' ? 'INTEGER' : 'TEXT'}`).join(',\n      ')})`);
    await q.query(`CREATE UNIQUE INDEX workspace_cell_values ON workspace_cell(${CELL_COLUMNS.join(', ')})`);

    await q.query(`CREATE TABLE workspace_row (
      registration_id INTEGER PRIMARY KEY,
      individual_id INTEGER NOT NULL,
      cell INTEGER NOT NULL,
      crd_number INTEGER NOT NULL,
      -- What the table shows, so a page reads this row and its cell only.
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      term_key TEXT NOT NULL,
      enroll_key TEXT NOT NULL,
      rereg_key TEXT NOT NULL,
      pending_since TEXT)`);

    // Existing data: cells with their counts and exact bounds, then the rows; indexes are built after the bulk insert.
    await q.query(`INSERT INTO workspace_cell (${CELL_COLUMNS.join(', ')}, row_count, ${SORT_KEYS.map((k) => `min_${k}, max_${k}`).join(', ')})
      SELECT ${CELL_COLUMNS.join(', ')}, count(*), ${SORT_KEYS.map((k) => `min(${k}), max(${k})`).join(', ')}
      FROM workspace_row_source GROUP BY ${CELL_COLUMNS.join(', ')}`);
    await q.query(`${INSERT_ROWS} WHERE TRUE`);

    // One index per sort: the sort key, then the cell (so a facet filter is checked inside the index), then the
    // enroll-by key (so "deadline within N days" is too). Ties are broken by (cell, enroll-by, registration id).
    // The enroll-by index also carries the dates that follow from it (termination, re-register-by), so a sort by
    // them within an enroll-by range finds where its rows lie without reading the table. (The registration id is
    // named before them to keep the sort order (enroll_key, cell, id).)
    await q.query(`CREATE INDEX workspace_row_enroll ON workspace_row(enroll_key, cell, registration_id, term_key, rereg_key)`);
    await q.query(`CREATE INDEX workspace_row_name ON workspace_row(name_key, cell, enroll_key)`);
    await q.query(`CREATE INDEX workspace_row_crd ON workspace_row(crd_number, cell, enroll_key)`);
    await q.query(`CREATE INDEX workspace_row_term ON workspace_row(term_key, cell, enroll_key)`);
    await q.query(`CREATE INDEX workspace_row_rereg ON workspace_row(rereg_key, cell, enroll_key)`);
    // Sorts by a facet value (reason, category, …) walk cell by cell; also the driver of small filtered sets.
    await q.query(`CREATE INDEX workspace_row_cell ON workspace_row(cell, enroll_key)`);
    // Full-text matches are individuals: their rows and cells without reading the table.
    await q.query(`CREATE INDEX workspace_row_individual ON workspace_row(individual_id, cell)`);
    await q.query(`CREATE INDEX workspace_row_pending ON workspace_row(pending_since) WHERE pending_since IS NOT NULL`);

    // A new registration (import, sync): derive its row. The hot path of a bulk import, so no delete first.
    await q.query(`CREATE TRIGGER registration_workspace_insert AFTER INSERT ON registration BEGIN
      ${ensureCells('s.registration_id = NEW.id')};
      ${INSERT_ROWS} WHERE s.registration_id = NEW.id;
      ${countRow('NEW.id', +1)}
    END`);
    await q.query(`CREATE TRIGGER registration_workspace_delete AFTER DELETE ON registration BEGIN
      ${countRow('OLD.id', -1)}
      DELETE FROM workspace_row WHERE registration_id = OLD.id;
    END`);
    await q.query(`CREATE TRIGGER registration_workspace_update AFTER UPDATE ON registration
      WHEN ${changed(['individual_id', 'category', 'level', 'termination_date', 'eligible', 'reason', 'enroll_window', 'enroll_by', 'reregister_by', 'evaluated_on'])}
      BEGIN ${rederive('registration_id = NEW.id')} END`);
    await q.query(`CREATE TRIGGER individual_workspace_update AFTER UPDATE ON individual
      WHEN ${changed(['crd', 'first_name', 'last_name', 'state', 'finpro_last_login'])}
      BEGIN ${rederive('individual_id = NEW.id')} END`);

    // Enrollment status, flags and notes are found by CRD (they sync by CRD, not by our row ids).
    for (const table of ['enrollment', 'review_mark', 'review_note']) {
      await q.query(`CREATE TRIGGER ${table}_workspace_insert AFTER INSERT ON ${table} BEGIN ${rederive('crd = NEW.crd')} END`);
      await q.query(`CREATE TRIGGER ${table}_workspace_delete AFTER DELETE ON ${table} BEGIN ${rederive('crd = OLD.crd')} END`);
    }
    await q.query(`CREATE TRIGGER enrollment_workspace_update AFTER UPDATE ON enrollment
      WHEN ${changed(['crd', 'categories', 'status', 'status_at'])}
      BEGIN ${rederive('crd = OLD.crd')} ${rederive('crd = NEW.crd')} END`);
    await q.query(`CREATE TRIGGER review_mark_workspace_update AFTER UPDATE ON review_mark
      WHEN ${changed(['crd', 'category', 'flag'])}
      BEGIN ${rederive('crd = OLD.crd')} ${rederive('crd = NEW.crd')} END`);
    // Editing a note's text changes no count: only a note moving to another person or category does.
    await q.query(`CREATE TRIGGER review_note_workspace_update AFTER UPDATE ON review_note
      WHEN ${changed(['crd', 'category'])}
      BEGIN ${rederive('crd = OLD.crd')} ${rederive('crd = NEW.crd')} END`);
  }

  async down(): Promise<void> {
    throw new Error('ReviewWorkspace cannot be reverted; restore the backup taken before migrating.');
  }
}

/** The facet values a cell stands for, in the order of its unique index. */
const CELL_COLUMNS = ['reason', 'enroll_window', 'category', 'level', 'state', 'enrollment_status', 'flags', 'notes', 'finpro_likely_deleted'];
/** Sort keys whose bounds a cell keeps. */
const SORT_KEYS = ['crd_number', 'name_key', 'term_key', 'enroll_key', 'rereg_key'];

/** The latest enrollment (by status time) that covers the registration's category: one of its columns. */
const LATEST_ENROLLMENT = (column: string) =>
  `(SELECT ${column} FROM enrollment e, json_each(e.categories) j WHERE e.crd = i.crd AND j.value = r.category
    ORDER BY e.status_at DESC, e.id DESC LIMIT 1)`;

/**
 * R19: the last day FinPro keeps the credentials, last login + 36 months (FINPRO_INACTIVE_MONTHS when this was
 * written). SQLite's '+36 months' rolls Feb 29 over into March; MQP-RULES clamps it to Feb 28, as addMonths does.
 */
const FINPRO_DELETED_AFTER = `CASE
          WHEN i.finpro_last_login IS NULL THEN NULL
          WHEN substr(i.finpro_last_login, 6, 5) = '02-29' THEN printf('%04d-02-28', substr(i.finpro_last_login, 1, 4) + 3)
          ELSE date(i.finpro_last_login, '+36 months') END`;

/**
 * Creates the cells the source rows matching `where` need and that do not exist yet. Not `INSERT OR IGNORE`: inside a
 * trigger fired by an upsert (`INSERT … ON CONFLICT DO UPDATE`, as enrollments are saved) SQLite applies the outer
 * statement's conflict handling, and the IGNORE would turn into an abort.
 */
function ensureCells(where: string): string {
  return `INSERT INTO workspace_cell (${CELL_COLUMNS.join(', ')}, row_count, ${SORT_KEYS.map((k) => `min_${k}, max_${k}`).join(', ')})
        SELECT ${CELL_COLUMNS.join(', ')}, 0, ${SORT_KEYS.map((k) => `min(${k}), max(${k})`).join(', ')} FROM workspace_row_source s
        WHERE (${where}) AND NOT EXISTS (SELECT 1 FROM workspace_cell c WHERE ${CELL_COLUMNS.map((col) => `c.${col} = s.${col}`).join(' AND ')})
        GROUP BY ${CELL_COLUMNS.join(', ')}`;
}

/** Materializes the selected source rows (append `WHERE …` on `s`, the view). Their cells must exist. */
const INSERT_ROWS = `INSERT INTO workspace_row (registration_id, individual_id, cell, crd_number, name, name_key, term_key, enroll_key, rereg_key, pending_since)
        SELECT s.registration_id, s.individual_id, c.id, s.crd_number, s.name, s.name_key, s.term_key, s.enroll_key, s.rereg_key, s.pending_since
        FROM workspace_row_source s JOIN workspace_cell c ON ${CELL_COLUMNS.map((col) => `c.${col} = s.${col}`).join(' AND ')}`;

/**
 * Moves the cell counts for the workspace rows selected by `rows` (a condition on `w`): +1 once they are inserted
 * (widening the cells' bounds), -1 before they are deleted. Written into each trigger rather than kept by a trigger
 * on workspace_row: an INSERT … SELECT into a table with triggers goes through a temporary table, which made every
 * imported registration several times slower (measured).
 */
function countCells(rows: string, sign: 1 | -1): string {
  const bounds = sign > 0 ? `, ${SORT_KEYS.map((k) => `min_${k} = min(c.min_${k}, w.min_${k}), max_${k} = max(c.max_${k}, w.max_${k})`).join(', ')}` : '';
  const aggregates = sign > 0 ? `, ${SORT_KEYS.map((k) => `min(${k}) AS min_${k}, max(${k}) AS max_${k}`).join(', ')}` : '';
  return `UPDATE workspace_cell AS c SET row_count = c.row_count ${sign > 0 ? '+' : '-'} w.n${bounds}
        FROM (SELECT cell, count(*) AS n${aggregates} FROM workspace_row w WHERE ${rows} GROUP BY cell) w WHERE c.id = w.cell;`;
}

/** countCells for one registration's row: the bulk import's path, without the grouping (a third of its cost). */
function countRow(registrationId: string, sign: 1 | -1): string {
  const bounds = sign > 0 ? `, ${SORT_KEYS.map((k) => `min_${k} = min(c.min_${k}, w.${k}), max_${k} = max(c.max_${k}, w.${k})`).join(', ')}` : '';
  return `UPDATE workspace_cell AS c SET row_count = c.row_count ${sign > 0 ? '+' : '-'} 1${bounds}
        FROM workspace_row w WHERE w.registration_id = ${registrationId} AND c.id = w.cell;`;
}

/** Re-derives the workspace rows of the source rows matching `where` (a condition on the view's columns). */
function rederive(where: string): string {
  const rows = `w.registration_id IN (SELECT registration_id FROM workspace_row_source WHERE ${where})`;
  return `${countCells(rows, -1)}
      DELETE FROM workspace_row AS w WHERE ${rows};
      ${ensureCells(`s.${where}`)};
      ${INSERT_ROWS} WHERE s.${where};
      ${countCells(rows, +1)}`;
}

/** A trigger's WHEN: one of these columns really changed (an UPDATE that rewrites the same values costs nothing). */
function changed(columns: string[]): string {
  return `(${columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})`;
}
