/**
 * The review workspace (issue 5) on the imported store: keyset pages (first, next, deep and last pages of a mix of
 * worklists, facet filters and enroll-by ranges, every sort column both ways), full-text filtered pages, facet
 * counts after filter changes, and the midnight re-evaluation. Each is timed through the handler (input parsed by
 * the contract's schema, cursor decoded, page and rows read) and compared with raw better-sqlite3 where a baseline
 * means something: the obvious SQL (ORDER BY … LIMIT/OFFSET, GROUP BY per facet) over the same stored rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { procedures, WORKSPACE_SORT_COLUMNS, type WorkspaceFacets, type WorkspaceFilter, type WorkspaceSort } from '../../src-main/contract';
import type { Clock } from '../../src-main/backend/clock';
import { addDays, todayInNewYork } from '../../src-main/backend/domain';
import { SeededRandom } from '../../src-main/backend/domain/demo/seeded-random';
import type { HandlerContext } from '../../src-main/backend/services/handler-context';
import { ftsPrefixQuery } from '../../src-main/backend/services/individual/fts-query';
import { ROLLOVER_SLICE, reevaluateSlice } from '../../src-main/backend/services/workspace/date-rollover';
import { BUILT_IN_WORKLISTS } from '../../src-main/backend/services/workspace/worklists';
import { workspaceHandlers } from '../../src-main/backend/services/workspace/workspace-handlers';
import { recheckPassedDeadlines } from '../../src-main/backend/sync/recheck-deadlines';
import type { Store } from '../../src-main/backend/store/open-store';
import { latency, type Latency, now, round } from './measure';
import type { BenchQuery } from './query-mix';
import { rounded } from './search-bench';

export const PAGE_P99_TARGET_MS = 20;
export const FACETS_P99_TARGET_MS = 150;
export const TARGET_COUNT = 1_000_000;
const LIMIT = 50;

type Position = 'first' | 'next' | 'deep' | 'last';

export interface WorkspaceResult {
  workspaceRows: number;
  facetCells: number;
  pages: {
    queries: number;
    latency: Latency;
    byPosition: Record<Position, Latency>;
    /** Raw better-sqlite3, the obvious SQL: ORDER BY the same key, LIMIT 51 (first pages) / OFFSET (last pages). */
    baseline: { firstPages: Latency; lastPagesByOffset: Latency };
    slowest: { ms: number; what: string }[];
  };
  text: { queries: number; latency: Latency; byKind: Record<string, Latency & { meanMatches: number }>; baseline: Latency };
  facets: { requests: number; latency: Latency; baseline: Latency; baselineRequests: number };
  /** One New York day later: the whole background pass, and each slice (the longest a call can wait behind it). */
  rollover: { seconds: number; slices: number; sliceSize: number; sliceMs: Latency; reevaluated: number; deadlineFlags: number };
  target: { pageP99Ms: number; facetsP99Ms: number; atIndividuals: number; pagesMet: boolean; facetsMet: boolean; applies: boolean };
  baselineNote: string;
}

export const WORKSPACE_BASELINE_NOTE =
  'baseline = the same filter as plain SQL over workspace_row ⋈ workspace_cell with ORDER BY … LIMIT 51 (first pages) or LIMIT 50 OFFSET n (last pages), SQLite choosing the plan; facets: one plain GROUP BY per facet over the same rows; text: the FTS5 MATCH alone';

export function benchWorkspace(
  store: Store,
  clock: Clock,
  textQueries: readonly BenchQuery[],
  options: { pages: number; facets: number; seed: number | string; individuals: number },
  log: (message: string) => void,
): WorkspaceResult {
  const db = store.db;
  const today = todayInNewYork(clock.now());
  const ctx = { db, now: clock.now() } as HandlerContext;
  const pageInput = procedures['workspace.page'].input;
  const facetsInput = procedures['workspace.facets'].input;
  const page = (input: unknown) => workspaceHandlers['workspace.page'](pageInput.parse(input), ctx) as { rows: { registrationId: number }[]; next: string | null };
  const facets = (filter: Partial<WorkspaceFilter>) => workspaceHandlers['workspace.facets'](facetsInput.parse({ filter }), ctx) as WorkspaceFacets;
  const rng = new SeededRandom(`workspace-bench:${options.seed}`);
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;

  log('workspace: seeding review activity (enrollments, flags, notes) as synced stations would leave it');
  seedReviewActivity(db, clock.now(), rng);

  // — pages: a mix of what reviewers open, at every position of the list
  const filters = filterMix(today, rng);
  const maxId = count(`SELECT max(registration_id) FROM workspace_row`);
  type PageCase = { input: { filter: Partial<WorkspaceFilter>; sort: WorkspaceSort; after: string | null; limit: number }; position: Position; what: string; offset: number };
  const cases: PageCase[] = [];
  log(`workspace: preparing ${options.pages} page requests (cursors for next, deep and last pages are found untimed)`);
  while (cases.length < options.pages + 100) {
    const [label, filter] = rng.pick(filters);
    const sort = pickSort(rng);
    const position = rng.weighted<Position>([['first', 40], ['next', 30], ['deep', 15], ['last', 15]]);
    const what = `${label} / ${sort.column} ${sort.direction} / ${position}`;
    const prepared = cursorFor(position, filter, sort);
    if (prepared) cases.push({ input: { filter, sort, after: prepared.after, limit: LIMIT }, position, what, offset: prepared.offset });
  }

  function cursorFor(position: Position, filter: Partial<WorkspaceFilter>, sort: WorkspaceSort): { after: string | null; offset: number } | null {
    if (position === 'first') return { after: null, offset: 0 };
    if (position === 'next') {
      let after: string | null = null;
      const pages = rng.int(1, 4);
      for (let i = 0; i < pages; i++) {
        after = page({ filter, sort, after, limit: LIMIT }).next;
        if (after === null) return null;
      }
      return { after, offset: pages * LIMIT };
    }
    const total = facets(filter).total;
    if (total <= 2 * LIMIT) return null;
    if (position === 'last') {
      // The last page starts after the 51st row from the end: the first rows of the reverse order.
      const reverse = page({ filter, sort: { ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' }, after: null, limit: LIMIT + 1 });
      const anchor = reverse.rows[LIMIT].registrationId;
      return { after: cursorAt(anchor, sort), offset: total - LIMIT };
    }
    // Deep: the page after a matching row picked at random, anywhere in the list.
    const { where, params } = rawWhere(filter, today, clock.now());
    const matches = db.prepare(`SELECT 1 FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell WHERE w.registration_id = ? AND ${where}`).pluck();
    for (let tries = 0; tries < 300; tries++) {
      const id = rng.int(1, maxId);
      if (matches.get(id, ...params)) return { after: cursorAt(id, sort), offset: -1 };
    }
    return null;
  }

  /** The cursor just after a row (the same tuple the page query writes). */
  function cursorAt(registrationId: number, sort: WorkspaceSort): string {
    const value = SORT_VALUE[sort.column];
    const [v, cell, enrollKey] = db
      .prepare(`SELECT ${value}, w.cell, w.enroll_key FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell WHERE w.registration_id = ?`)
      .raw()
      .get(registrationId) as [string | number, number, string];
    return Buffer.from(JSON.stringify({ s: sort.column, d: sort.direction, k: [v, cell, enrollKey, registrationId] })).toString('base64url');
  }

  log('workspace: timing pages');
  for (const c of cases.slice(0, 100)) page(c.input); // warm-up
  const timedCases = cases.slice(100);
  const pageMs: number[] = [];
  const byPosition: Record<Position, number[]> = { first: [], next: [], deep: [], last: [] };
  const slowest: { ms: number; what: string }[] = [];
  for (const c of timedCases) {
    const t = now();
    const result = page(c.input);
    const ms = now() - t;
    if (c.position === 'last' && result.next !== null) throw new Error(`the last page of ${c.what} offered another page`);
    pageMs.push(ms);
    byPosition[c.position].push(ms);
    slowest.push({ ms: round(ms, 3), what: c.what });
  }
  slowest.sort((a, b) => b.ms - a.ms);

  log('workspace: raw baseline for a sample of first and last pages (ORDER BY … LIMIT / OFFSET)');
  const firstBaseline = timedCases.filter((c) => c.position === 'first').slice(0, 40).map((c) => timeRaw(c, 0));
  const lastBaseline = timedCases.filter((c) => c.position === 'last').slice(0, 15).map((c) => timeRaw(c, c.offset));

  function timeRaw(c: PageCase, offset: number): number {
    const { sql, params } = rawPageSql(c.input.filter, c.input.sort, today, clock.now());
    const statement = db.prepare(`${sql} LIMIT ${offset === 0 ? LIMIT + 1 : LIMIT} OFFSET ${offset}`).raw();
    const t = now();
    statement.all(...params);
    return now() - t;
  }

  // — full text: what reviewers type, as a filter of the workspace (default order)
  log(`workspace: ${textQueries.length} full-text filtered pages`);
  const textMs: number[] = [];
  const rawTextMs: number[] = [];
  const byKind = new Map<string, { ms: number[]; matches: number }>();
  const match = db.prepare(`SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?`).pluck();
  for (const [i, q] of textQueries.entries()) {
    const input = { filter: { text: q.text }, sort: { column: i % 3 === 0 ? 'name' : 'enrollBy', direction: 'asc' }, after: null, limit: LIMIT };
    const t = now();
    page(input);
    const ms = now() - t;
    const fts = ftsPrefixQuery(q.text);
    const r = now();
    const matches = fts ? match.all(fts).length : 0;
    rawTextMs.push(now() - r);
    textMs.push(ms);
    const k = byKind.get(q.kind) ?? { ms: [], matches: 0 };
    k.ms.push(ms);
    k.matches += matches;
    byKind.set(q.kind, k);
  }

  // — facets after a filter change: a reviewer narrowing down step by step, then starting again
  log(`workspace: ${options.facets} facet requests after filter changes`);
  const steps = facetSteps(filters, rng, options.facets + 20);
  for (const f of steps.slice(0, 20)) facets(f);
  const facetMs: number[] = [];
  for (const f of steps.slice(20)) {
    const t = now();
    facets(f);
    facetMs.push(now() - t);
  }
  log('workspace: raw baseline for facets (a plain GROUP BY per facet) on a sample');
  const baselineSteps = steps.slice(20, 25);
  const facetBaselineMs = baselineSteps.map((f) => {
    const t = now();
    rawFacets(db, f, today, clock.now());
    return now() - t;
  });

  // — the midnight re-evaluation: one New York day later, in slices, as the backend runs it
  log('workspace: re-evaluation for the next day, in slices');
  const rolloverResult = rollover(store, clock);

  const pages = rounded(latency(pageMs));
  const facetLatency = rounded(latency(facetMs));
  return {
    workspaceRows: count(`SELECT count(*) FROM workspace_row`),
    facetCells: count(`SELECT count(*) FROM workspace_cell WHERE row_count > 0`),
    pages: {
      queries: pageMs.length,
      latency: pages,
      byPosition: Object.fromEntries(Object.entries(byPosition).map(([k, v]) => [k, rounded(latency(v))])) as Record<Position, Latency>,
      baseline: { firstPages: rounded(latency(firstBaseline)), lastPagesByOffset: rounded(latency(lastBaseline)) },
      slowest: slowest.slice(0, 8),
    },
    text: {
      queries: textMs.length,
      latency: rounded(latency(textMs)),
      byKind: Object.fromEntries([...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, k]) => [kind, { ...rounded(latency(k.ms)), meanMatches: round(k.matches / k.ms.length, 1) }])),
      baseline: rounded(latency(rawTextMs)),
    },
    facets: { requests: facetMs.length, latency: facetLatency, baseline: rounded(latency(facetBaselineMs)), baselineRequests: facetBaselineMs.length },
    rollover: rolloverResult,
    target: {
      pageP99Ms: PAGE_P99_TARGET_MS,
      facetsP99Ms: FACETS_P99_TARGET_MS,
      atIndividuals: TARGET_COUNT,
      pagesMet: pages.p99 <= PAGE_P99_TARGET_MS,
      facetsMet: facetLatency.p99 <= FACETS_P99_TARGET_MS,
      applies: options.individuals >= TARGET_COUNT,
    },
    baselineNote: WORKSPACE_BASELINE_NOTE,
  };
}

/**
 * Enrollments (a few per cent of people, some with several), flags and notes, written as sync and the notes service
 * write them — so worklists like "Payment Pending over 48 hours" and the flag/note facets have rows. Untimed.
 */
function seedReviewActivity(db: BetterSqlite3.Database, at: Date, rng: SeededRandom): void {
  const people = db.prepare(`SELECT i.crd, r.category FROM individual i JOIN registration r ON r.individual_id = i.id AND r.position = 0`).raw().all() as [string, string][];
  const enrollment = db.prepare(
    `INSERT INTO enrollment (id, crd, categories, enroll_window, status, status_reason, status_at, confirmation_number, fee_usd, station_id, staff_id)
     VALUES (?, ?, ?, 'standard', ?, NULL, ?, NULL, 100, 'station-bench', NULL)`,
  );
  const mark = db.prepare(`INSERT OR IGNORE INTO review_mark (crd, category, flag, set_by, station_id, set_at) VALUES (?, ?, ?, NULL, 'station-bench', ?)`);
  const note = db.prepare(`INSERT INTO review_note (id, crd, category, text, updated_by, station_id, updated_at) VALUES (?, ?, ?, 'bench note', 'bench', 'station-bench', ?)`);
  const statuses = ['payment_pending', 'enrolled', 'enrolled', 'payment_failed', 'draft', 'removed'];
  const flags = ['follow-up', 'data-issue', 'call-back', 'escalate'];
  let n = 0;
  db.transaction(() => {
    for (const [crd, category] of people) {
      if (rng.chance(0.03)) enrollment.run(`bench-enr-${++n}`, crd, JSON.stringify([category]), rng.pick(statuses), new Date(at.getTime() - rng.int(1, 200) * 3_600_000).toISOString());
      if (rng.chance(0.02)) mark.run(crd, rng.chance(0.3) ? '' : category, rng.pick(flags), at.toISOString());
      if (rng.chance(0.01)) note.run(`bench-note-${++n}`, crd, rng.chance(0.5) ? '' : category, at.toISOString());
    }
  }).immediate();
}

/** The sort value of a row, as the page query orders it (workspace-sorts.ts). */
const SORT_VALUE: Record<WorkspaceSort['column'], string> = {
  crd: 'w.crd_number', name: 'w.name_key', terminationDate: 'w.term_key', enrollBy: 'w.enroll_key', reregisterBy: 'w.rereg_key',
  category: 'c.category', reason: 'c.reason', window: 'c.enroll_window', enrollmentStatus: 'c.enrollment_status', flags: 'c.flags', notes: 'c.notes',
};

/** Reviewers mostly keep the default order (enroll-by) or sort by name; every column both ways appears. */
function pickSort(rng: SeededRandom): WorkspaceSort {
  const column = rng.chance(0.35) ? 'enrollBy' : rng.chance(0.25) ? 'name' : rng.pick(WORKSPACE_SORT_COLUMNS);
  return { column, direction: rng.chance(0.7) ? 'asc' : 'desc' };
}

const STATES = ['NY', 'NJ', 'CA', 'TX', 'FL', 'IL', 'PA', 'MA', 'GA', 'OH', 'CO', 'WA'];

function filterMix(today: string, rng: SeededRandom): [string, Partial<WorkspaceFilter>][] {
  const month = () => {
    const from = addDays(today, rng.int(-400, 500));
    return { enrollByFrom: from, enrollByTo: addDays(from, rng.int(28, 92)) };
  };
  return [
    ...BUILT_IN_WORKLISTS.map((w): [string, Partial<WorkspaceFilter>] => [w.id, w.filter]),
    ['everything', {}],
    ['eligible', { reasons: ['ELIGIBLE'] }],
    ['window closed', { reasons: ['WINDOW_CLOSED'] }],
    ['tenure', { reasons: ['TENURE_UNDER_ONE_YEAR'] }],
    ['CE inactive or statutory', { reasons: ['CE_INACTIVE', 'STATUTORY_DISQUALIFICATION'] }],
    ['GS', { categories: ['GS'] }],
    ['principal', { levels: ['principal'] }],
    ['second window', { windows: ['second'] }],
    ['a state', { states: [rng.pick(STATES)] }],
    ['eligible in a state', { reasons: ['ELIGIBLE'], states: [rng.pick(STATES)] }],
    ['eligible in two states, principal', { reasons: ['ELIGIBLE'], states: [rng.pick(STATES), rng.pick(STATES)], levels: ['principal'] }],
    ['GS, deadline within 90 days', { categories: ['GS'], deadlineWithinDays: 90 }],
    ['flagged', { flagged: true }],
    ['with notes', { hasNotes: true }],
    ['enrolled', { enrollmentStatuses: ['enrolled'] }],
    ['FinPro kept, eligible', { finproLikelyDeleted: false, reasons: ['ELIGIBLE'] }],
    ['an enroll-by month or quarter', month()],
    ['another enroll-by range, representative', { ...month(), levels: ['representative'] }],
  ];
}

/** Filter states a reviewer goes through: start from a list, add a condition, change a value, clear, again. */
function facetSteps(filters: [string, Partial<WorkspaceFilter>][], rng: SeededRandom, n: number): Partial<WorkspaceFilter>[] {
  const steps: Partial<WorkspaceFilter>[] = [];
  const additions: Partial<WorkspaceFilter>[] = [
    { states: [rng.pick(STATES)] }, { levels: ['representative'] }, { flagged: false }, { deadlineWithinDays: 120 },
    { text: rng.pick(['smith', 'maria', 'john sm', 'gar', '4321']) }, { categories: ['GS', 'IR'] }, { finproLikelyDeleted: true },
  ];
  while (steps.length < n) {
    let current = { ...rng.pick(filters)[1] };
    steps.push(current);
    for (let k = rng.int(1, 4); k > 0 && steps.length < n; k--) {
      current = { ...current, ...rng.pick(additions) };
      steps.push(current);
    }
  }
  return steps;
}

/** Conditions of a filter as plain SQL over workspace_row w ⋈ workspace_cell c (for the baselines). */
function rawWhere(f: Partial<WorkspaceFilter>, today: string, at: Date, skip?: string): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length || column === skip) return;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('c.reason', f.reasons);
  anyOf('c.enroll_window', f.windows);
  anyOf('c.category', f.categories);
  anyOf('c.level', f.levels);
  anyOf('c.state', f.states);
  anyOf('c.enrollment_status', f.pendingOverHours ? ['payment_pending'] : f.enrollmentStatuses);
  if (f.flagged != null && skip !== 'flagged') parts.push(f.flagged ? `c.flags <> ''` : `c.flags = ''`);
  if (f.hasNotes != null && skip !== 'hasNotes') parts.push(f.hasNotes ? 'c.notes > 0' : 'c.notes = 0');
  if (f.finproLikelyDeleted != null && skip !== 'finpro') parts.push(`c.finpro_likely_deleted = ${f.finproLikelyDeleted ? 1 : 0}`);
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.enrollByFrom) add('w.enroll_key >= ?', f.enrollByFrom);
  if (f.enrollByTo) add('w.enroll_key <= ?', f.enrollByTo);
  if (f.deadlineWithinDays != null) add('w.enroll_key BETWEEN ? AND ?', today, addDays(today, f.deadlineWithinDays));
  if (f.pendingOverHours) add('w.pending_since < ?', new Date(at.getTime() - f.pendingOverHours * 3_600_000).toISOString());
  const text = f.text ? ftsPrefixQuery(f.text) : null;
  if (text) add('w.individual_id IN (SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?)', text);
  return { where: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

function rawPageSql(f: Partial<WorkspaceFilter>, sort: WorkspaceSort, today: string, at: Date): { sql: string; params: unknown[] } {
  const { where, params } = rawWhere(f, today, at);
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    sql: `SELECT w.registration_id FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell WHERE ${where}
          ORDER BY ${SORT_VALUE[sort.column]} ${dir}, w.cell ${dir}, w.enroll_key ${dir}, w.registration_id ${dir}`,
    params,
  };
}

/** Facet counts the plain way: one GROUP BY over the rows per facet, under the other facets' conditions. */
function rawFacets(db: BetterSqlite3.Database, f: Partial<WorkspaceFilter>, today: string, at: Date): void {
  const facets: [string, string][] = [
    ['c.reason', 'c.reason'], ['c.enroll_window', 'c.enroll_window'], ['c.category', 'c.category'], ['c.level', 'c.level'], ['c.state', 'c.state'],
    ['c.enrollment_status', 'c.enrollment_status'], ['flagged', `c.flags <> ''`], ['hasNotes', 'c.notes > 0'], ['finpro', 'c.finpro_likely_deleted'],
  ];
  for (const [skip, value] of facets) {
    const { where, params } = rawWhere(f, today, at, skip);
    db.prepare(`SELECT ${value}, count(*) FROM workspace_row w JOIN workspace_cell c ON c.id = w.cell WHERE ${where} GROUP BY 1`).raw().all(...params);
  }
}

/** The date rollover's work for the next New York day, slice by slice as date-rollover.ts runs it. */
function rollover(store: Store, clock: Clock): WorkspaceResult['rollover'] {
  const next = addDays(todayInNewYork(clock.now()), 1);
  const at = new Date(`${next}T15:00:00Z`);
  const sliceMs: number[] = [];
  const started = now();
  const deadlineFlags = recheckPassedDeadlines(store.db, next, at);
  let reevaluated = 0;
  let slices = 0;
  for (let after = 0; after !== -1; slices++) {
    const t = now();
    const slice = reevaluateSlice(store, next, after);
    sliceMs.push(now() - t);
    reevaluated += slice.reevaluated;
    after = slice.nextAfter;
  }
  return { seconds: round((now() - started) / 1000, 2), slices, sliceSize: ROLLOVER_SLICE, sliceMs: rounded(latency(sliceMs)), reevaluated, deadlineFlags };
}
