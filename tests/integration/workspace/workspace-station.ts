/**
 * A station for the workspace tests: demo individuals imported, staff of every role, and enrollments, flags and
 * notes written straight into the tables (as sync and the notes service would). `expectedRows` is the oracle: every
 * workspace row derived in plain TypeScript from the source tables — never from workspace_row or workspace_cell.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { WorkspaceFilter, WorkspaceRow, WorkspaceSort } from '../../../src-main/contract';
import { addDays, daysBetween, finproAccountStatus } from '../../../src-main/backend/domain';
import { SeededRandom } from '../../../src-main/backend/domain/demo/seeded-random';
import { ftsPrefixQuery } from '../../../src-main/backend/services/individual/fts-query';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { callOk, staffWithEveryRole, testBackend } from '../../support/test-backend';

export async function workspaceStation(options: { individuals: number; now?: string }) {
  const t = await testBackend({ individuals: options.individuals, now: options.now });
  const tokens = await staffWithEveryRole(t.backend);
  const db = new Database(join(t.dataDir, DATABASE_FILE));
  db.pragma('busy_timeout = 10000');
  return {
    ...t,
    tokens,
    db,
    async close() {
      db.close();
      await t.close();
    },
  };
}
export type WorkspaceStation = Awaited<ReturnType<typeof workspaceStation>>;

const STATUSES = ['draft', 'payment_pending', 'payment_failed', 'enrolled', 'removed', 'ended'] as const;
const FLAGS = ['follow-up', 'data-issue', 'call-back', 'escalate'] as const;

/**
 * Enrollments (several per person for some, so "the latest" matters), flags and notes on a share of the people,
 * on a category or on the person as a whole (category ''), deterministic for a seed.
 */
export function seedReviewData(db: Database.Database, now: Date, seed = 1): void {
  const rng = new SeededRandom(`workspace-review:${seed}`);
  const people = db.prepare(`SELECT i.crd, json_group_array(r.category) AS categories FROM individual i JOIN registration r ON r.individual_id = i.id GROUP BY i.id`).all() as {
    crd: string;
    categories: string;
  }[];
  const enrollment = db.prepare(
    `INSERT INTO enrollment (id, crd, categories, enroll_window, status, status_reason, status_at, confirmation_number, fee_usd, station_id, staff_id)
     VALUES (?, ?, ?, 'standard', ?, NULL, ?, NULL, 100, 'station-test', NULL)`,
  );
  const mark = db.prepare(`INSERT OR IGNORE INTO review_mark (crd, category, flag, set_by, station_id, set_at) VALUES (?, ?, ?, NULL, 'station-test', ?)`);
  const note = db.prepare(`INSERT INTO review_note (id, crd, category, text, updated_by, station_id, updated_at) VALUES (?, ?, ?, 'a note', 'tester', 'station-test', ?)`);
  let n = 0;
  db.transaction(() => {
    for (const p of people) {
      const categories = JSON.parse(p.categories) as string[];
      if (rng.chance(0.12)) {
        for (let k = rng.int(1, 3); k > 0; k--) {
          const chosen = categories.filter(() => rng.chance(0.7));
          if (chosen.length === 0) chosen.push(categories[0]);
          // Status times around "now": some Payment Pending ones are older than 48 hours, some are not.
          const at = new Date(now.getTime() - rng.int(1, 120) * 3_600_000).toISOString();
          enrollment.run(`enr-${++n}`, p.crd, JSON.stringify(chosen), rng.pick(STATUSES), at);
        }
      }
      if (rng.chance(0.08)) mark.run(p.crd, rng.chance(0.3) ? '' : rng.pick(categories), rng.pick(FLAGS), now.toISOString());
      if (rng.chance(0.03)) mark.run(p.crd, rng.pick(categories), rng.pick(FLAGS), now.toISOString());
      if (rng.chance(0.06)) note.run(`note-${++n}`, p.crd, rng.chance(0.4) ? '' : rng.pick(categories), now.toISOString());
    }
  })();
}

export interface ExpectedRow extends WorkspaceRow {
  individualId: number;
  pendingSince: string | null;
}

/** Every workspace row, derived from the source tables in TypeScript (the test oracle). */
export function expectedRows(db: Database.Database, today: string): ExpectedRow[] {
  const registrations = db
    .prepare(
      `SELECT r.id, r.individual_id AS individualId, r.category, r.level, r.termination_date AS terminationDate, r.eligible, r.reason,
              r.enroll_window AS window, r.enroll_by AS enrollBy, r.reregister_by AS reregisterBy, r.evaluated_on AS evaluatedOn,
              i.crd, i.first_name AS firstName, i.last_name AS lastName, i.state, i.finpro_last_login AS lastLogin
       FROM registration r JOIN individual i ON i.id = r.individual_id`,
    )
    .all() as Record<string, never>[];
  const enrollments = db.prepare(`SELECT id, crd, categories, status, status_at AS at FROM enrollment`).all() as { id: string; crd: string; categories: string; status: string; at: string }[];
  const marks = db.prepare(`SELECT crd, category, flag FROM review_mark`).all() as { crd: string; category: string; flag: string }[];
  const notes = db.prepare(`SELECT crd, category FROM review_note`).all() as { crd: string; category: string }[];

  return registrations.map((r: Record<string, never>) => {
    const covering = enrollments
      .filter((e) => e.crd === r.crd && (JSON.parse(e.categories) as string[]).includes(r.category))
      .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    const latest = covering[0];
    const onRow = (x: { crd: string; category: string }) => x.crd === r.crd && (x.category === r.category || x.category === '');
    return {
      registrationId: r.id,
      individualId: r.individualId,
      crd: r.crd,
      name: `${r.lastName}, ${r.firstName}`,
      category: r.category,
      level: r.level,
      state: r.state,
      terminationDate: r.terminationDate,
      eligible: r.eligible === 1,
      reason: r.reason,
      window: r.window,
      enrollBy: r.enrollBy,
      daysLeft: r.enrollBy === null ? null : daysBetween(today, r.enrollBy),
      reregisterBy: r.reregisterBy,
      enrollmentStatus: (latest?.status ?? 'none') as WorkspaceRow['enrollmentStatus'],
      pendingSince: latest?.status === 'payment_pending' ? latest.at : null,
      flags: [...new Set(marks.filter(onRow).map((m) => m.flag))].sort(),
      notes: notes.filter(onRow).length,
      // R19 as of the day the row was evaluated (the rollover keeps that day current).
      finproLikelyDeleted: finproAccountStatus(r.lastLogin, r.evaluatedOn).status === 'likely-deleted',
    };
  });
}

/** The filter's meaning, written out plainly (contract/review-workspace.ts), over oracle rows. */
export function matchesFilter(db: Database.Database, f: WorkspaceFilter, today: string, now: Date): (row: ExpectedRow) => boolean {
  const textIds = f.text === '' ? null : textMatches(db, f.text);
  const from = f.enrollByFrom;
  const to = f.enrollByTo;
  return (row) =>
    (textIds === null || textIds.has(row.individualId)) &&
    (f.reasons.length === 0 || f.reasons.includes(row.reason)) &&
    (f.windows.length === 0 || (row.window !== null && f.windows.includes(row.window))) &&
    (f.categories.length === 0 || f.categories.includes(row.category)) &&
    (f.levels.length === 0 || f.levels.includes(row.level)) &&
    (f.states.length === 0 || f.states.includes(row.state)) &&
    (from === null || (row.enrollBy !== null && row.enrollBy >= from)) &&
    (to === null || (row.enrollBy !== null && row.enrollBy <= to)) &&
    (f.deadlineWithinDays === null || (row.enrollBy !== null && row.enrollBy >= today && row.enrollBy <= addDays(today, f.deadlineWithinDays))) &&
    (f.enrollmentStatuses.length === 0 || f.enrollmentStatuses.includes(row.enrollmentStatus)) &&
    (f.pendingOverHours === null || (row.pendingSince !== null && row.pendingSince < new Date(now.getTime() - f.pendingOverHours * 3_600_000).toISOString())) &&
    (f.flagged === null || row.flags.length > 0 === f.flagged) &&
    (f.hasNotes === null || row.notes > 0 === f.hasNotes) &&
    (f.finproLikelyDeleted === null || row.finproLikelyDeleted === f.finproLikelyDeleted);
}

function textMatches(db: Database.Database, text: string): Set<number> {
  const query = ftsPrefixQuery(text);
  if (query === null) return new Set();
  return new Set(db.prepare(`SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?`).pluck().all(query) as number[]);
}

/** A complete filter (the contract's defaults filled in). */
export function filterOf(partial: Partial<WorkspaceFilter>): WorkspaceFilter {
  return {
    text: '', reasons: [], windows: [], categories: [], levels: [], states: [], enrollByFrom: null, enrollByTo: null,
    deadlineWithinDays: null, enrollmentStatuses: [], pendingOverHours: null, flagged: null, hasNotes: null, finproLikelyDeleted: null,
    ...partial,
  };
}

export interface Page {
  rows: WorkspaceRow[];
  next: string | null;
  asOf: string;
}

/** Every page of a filter and sort, following the cursors to the end. */
export async function allPages(s: WorkspaceStation, filter: Partial<WorkspaceFilter>, sort: WorkspaceSort, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const page: Page = await callOk<Page>(s.backend, 'workspace.page', { filter, sort, after, limit }, s.tokens.agent);
    pages.push(page);
    after = page.next;
  } while (after !== null && pages.length < 10_000);
  return pages;
}
