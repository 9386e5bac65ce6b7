/**
 * Issue 5: the workspace's stored rows and facet cells follow every write, whoever makes it — import and re-import,
 * sync's enrollments, flags and notes, contact edits, deletions — and a database from before the workspace gets
 * its rows when it is migrated. Checked against rows derived in plain TypeScript from the source tables.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndividualRecord } from '../../../src-main/contract';
import { evaluateEligibility, generateDemoIndividuals, todayInNewYork } from '../../../src-main/backend/domain';
import { deferWorkspaceRows } from '../../../src-main/backend/services/workspace/bulk-workspace-rows';
import { individualWriter } from '../../../src-main/backend/store/individual-writer';
import { facetCounts } from '../../../src-main/backend/services/workspace/workspace-facets';
import { resolveFilter } from '../../../src-main/backend/services/workspace/workspace-filter';
import { importIndividuals } from '../../../src-main/backend/services/import/import-individuals';
import { MIGRATIONS } from '../../../src-main/backend/store/migrations';
import { ReviewWorkspace1764201600006 } from '../../../src-main/backend/store/migrations/0006-review-workspace';
import { DATABASE_FILE, openStore } from '../../../src-main/backend/store/open-store';
import { tempDir } from '../../support/temp-dir';
import { allPages, expectedRows, filterOf, seedReviewData, workspaceStation, type WorkspaceStation } from './workspace-station';

/** Every stored row as the workspace shows it, and the cells' counts and bounds, agree with the source tables. */
function expectConsistent(db: Database.Database, today: string, shown?: unknown[]) {
  const oracle = expectedRows(db, today).map(({ individualId: _i, pendingSince: _p, ...row }) => row);
  if (shown) expect(shown).toEqual(expect.arrayContaining(oracle));
  if (shown) expect(shown).toHaveLength(oracle.length);
  const wrongCounts = db
    .prepare(`SELECT c.id, c.row_count, (SELECT count(*) FROM workspace_row w WHERE w.cell = c.id) AS actual FROM workspace_cell c WHERE c.row_count <> actual`)
    .all();
  expect(wrongCounts).toEqual([]);
  // Bounds may be wider than the rows (they only widen), never narrower.
  const outside = db
    .prepare(
      `SELECT w.registration_id FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell
       WHERE w.name_key NOT BETWEEN c.min_name_key AND c.max_name_key OR w.crd_number NOT BETWEEN c.min_crd_number AND c.max_crd_number
          OR w.term_key NOT BETWEEN c.min_term_key AND c.max_term_key OR w.enroll_key NOT BETWEEN c.min_enroll_key AND c.max_enroll_key
          OR w.rereg_key NOT BETWEEN c.min_rereg_key AND c.max_rereg_key`,
    )
    .all();
  expect(outside).toEqual([]);
  const registrations = db.prepare(`SELECT count(*) FROM registration`).pluck().get();
  expect(db.prepare(`SELECT count(*) FROM workspace_row`).pluck().get()).toBe(registrations);
}

describe('the workspace follows every write', () => {
  let s: WorkspaceStation;
  let today: string;
  const shown = async () => (await allPages(s, {}, { column: 'crd', direction: 'asc' }, 200)).flatMap((p) => p.rows);
  beforeAll(async () => {
    s = await workspaceStation({ individuals: 300 });
    today = todayInNewYork(s.clock.now());
  });
  afterAll(() => s.close());

  it('after an import', async () => {
    expectConsistent(s.db, today, await shown());
  });

  it('after enrollments, flags and notes arrive, change and go', async () => {
    seedReviewData(s.db, s.clock.now(), 3);
    expectConsistent(s.db, today, await shown());
    s.db.prepare(`UPDATE enrollment SET status = 'enrolled', status_at = ? WHERE rowid % 3 = 0`).run(s.clock.now().toISOString());
    s.db.prepare(`UPDATE enrollment SET categories = '["GS"]' WHERE rowid % 5 = 0`).run();
    s.db.prepare(`DELETE FROM enrollment WHERE rowid % 7 = 0`).run();
    s.db.prepare(`DELETE FROM review_mark WHERE rowid % 2 = 0`).run();
    s.db.prepare(`UPDATE review_mark SET flag = 'escalate' WHERE rowid % 3 = 0`).run();
    s.db.prepare(`UPDATE review_note SET category = '' WHERE rowid % 2 = 0`).run();
    s.db.prepare(`UPDATE review_note SET text = 'edited'`).run();
    s.db.prepare(`DELETE FROM review_note WHERE rowid % 5 = 0`).run();
    expectConsistent(s.db, today, await shown());
  });

  it('after contact edits: name, state, FinPro login', async () => {
    s.db.prepare(`UPDATE individual SET last_name = 'Zzyzx', state = 'WY' WHERE id % 10 = 0`).run();
    s.db.prepare(`UPDATE individual SET finpro_last_login = '2020-02-29' WHERE id % 10 = 1`).run();
    s.db.prepare(`UPDATE individual SET finpro_last_login = NULL WHERE id % 10 = 2`).run();
    expectConsistent(s.db, today, await shown());
    const [page] = await allPages(s, { text: 'zzyzx', states: ['WY'] }, { column: 'name', direction: 'asc' }, 200);
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it('after a re-import replaces people’s registrations, and new people arrive', async () => {
    const lines = [...generateDemoIndividuals(400, 7)].map((r, i) => JSON.stringify(i % 2 === 0 ? { ...r, registrations: r.registrations.slice(0, 1) } : r));
    const report = await importIndividuals(s.db, lines, { asOf: today, now: s.clock.now(), stationId: 'station-test', staffId: null, source: 'test' });
    expect(report).toMatchObject({ ok: true, inserted: 100, updated: 300 });
    expectConsistent(s.db, today, await shown());
  });

  it('after a bulk import that derives its rows at the end (deferWorkspaceRows), and a rolled-back one', async () => {
    const write = (records: IndividualRecord[]) => {
      const writer = individualWriter(s.db, s.clock.now().toISOString());
      for (const r of records) writer.upsert(r, evaluateEligibility(r, today), today);
    };
    const people = [...generateDemoIndividuals(600, 8)];
    s.db.exec('BEGIN IMMEDIATE');
    const deferred = deferWorkspaceRows(s.db);
    write(people.slice(0, 500));
    deferred.finish();
    s.db.exec('COMMIT');
    expectConsistent(s.db, today, await shown());

    s.db.exec('BEGIN IMMEDIATE');
    deferWorkspaceRows(s.db);
    write(people.slice(500));
    s.db.exec('ROLLBACK');
    // The trigger is back: a later single insert gets its row at once.
    write(people.slice(500, 501));
    expectConsistent(s.db, today, await shown());
  });

  it('after people are deleted (their registrations go with them)', async () => {
    s.db.prepare(`DELETE FROM individual WHERE id % 9 = 0`).run();
    expectConsistent(s.db, today, await shown());
  });
});

describe('facet cells kept in memory', () => {
  it('are read again after a write on the same connection, and after one on another connection', async () => {
    const dir = tempDir();
    const store = await openStore(dir.path);
    try {
      const now = new Date('2024-09-01T15:00:00Z');
      const today = todayInNewYork(now);
      await importIndividuals(store.db, [...generateDemoIndividuals(50, 3)].map((r) => JSON.stringify(r)), { asOf: today, now, stationId: 's', staffId: null, source: 'test' });
      const flagged = () => facetCounts(store.db, resolveFilter(filterOf({}), today, now)).facets.flagged.find((v) => v.value === 'true')!.count;
      expect(flagged()).toBe(0);
      const crd = store.db.prepare(`SELECT crd FROM individual LIMIT 1`).pluck().get() as string;
      const rowsOfPerson = store.db.prepare(`SELECT count(*) FROM registration r JOIN individual i ON i.id = r.individual_id WHERE i.crd = ?`).pluck().get(crd) as number;
      store.db.prepare(`INSERT INTO review_mark (crd, category, flag, station_id, set_at) VALUES (?, '', 'follow-up', 's', ?)`).run(crd, now.toISOString());
      expect(flagged()).toBe(rowsOfPerson);
      const other = new Database(join(dir.path, DATABASE_FILE));
      other.prepare(`DELETE FROM review_mark`).run();
      other.close();
      expect(flagged()).toBe(0);
    } finally {
      await store.close();
      dir.cleanup();
    }
  });
});

describe('migrating a station from before the workspace', () => {
  it('derives the rows and cells of the data it already holds', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, DATABASE_FILE);
      const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ReviewWorkspace1764201600006));
      const previous = new DataSource({ type: 'better-sqlite3', database: file, migrations: before, synchronize: false });
      await previous.initialize();
      await previous.runMigrations();
      await previous.destroy();
      const now = new Date('2024-09-01T15:00:00Z');
      const today = todayInNewYork(now);
      const old = new Database(file);
      // Written as the release before the workspace did, with its columns (today's writer also ranks names).
      const person = old.prepare(
        `INSERT INTO individual (crd, first_name, last_name, date_of_birth, email, phone, street, city, state, zip, country, finpro_last_login, firm_domains, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const registration = old.prepare(
        `INSERT INTO registration (individual_id, position, category, series, level, start_date, termination_date, termination_type, eligible, reason,
           enroll_window, enroll_by, reregister_by, evaluated_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      old.transaction(() => {
        for (const r of generateDemoIndividuals(300, 11)) {
          const { address: a } = r;
          const id = person.run(r.crd, r.firstName, r.lastName, r.dateOfBirth ?? null, r.email, r.phone ?? null, a.street, a.city, a.state, a.zip, a.country,
            r.finproLastLogin ?? null, JSON.stringify(r.firmDomains), now.toISOString()).lastInsertRowid;
          const { qualifications } = evaluateEligibility(r, today);
          r.registrations.forEach((g, i) => {
            const q = qualifications[i];
            registration.run(id, i, g.category, g.series ?? null, g.level, g.startDate, g.terminationDate ?? null, g.terminationType ?? null,
              q.eligible ? 1 : 0, q.reason, q.window, q.enrollBy, q.reregisterBy, today);
          });
        }
      })();
      seedReviewData(old, now, 5);
      old.close();

      const store = await openStore(dir.path);
      expect(store.backupFile).not.toBeNull();
      expectConsistent(store.db, today);
      await store.close();
    } finally {
      dir.cleanup();
    }
  });
});
