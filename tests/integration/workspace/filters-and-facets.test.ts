/**
 * Issue 5: each workspace filter selects exactly the rows its meaning names (checked against rows derived in plain
 * TypeScript from the source tables), and facet counts equal brute-force counts under every other filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACETS, type WorkspaceFacets, type WorkspaceFilter } from '../../../src-main/contract';
import { todayInNewYork } from '../../../src-main/backend/domain';
import { callOk } from '../../support/test-backend';
import { allPages, expectedRows, filterOf, matchesFilter, seedReviewData, workspaceStation, type ExpectedRow, type WorkspaceStation } from './workspace-station';

let s: WorkspaceStation;
let today: string;
let oracle: ExpectedRow[];
beforeAll(async () => {
  s = await workspaceStation({ individuals: 2000 });
  seedReviewData(s.db, s.clock.now());
  today = todayInNewYork(s.clock.now());
  oracle = expectedRows(s.db, today);
});
afterAll(() => s.close());

const EACH_FILTER: Record<string, Partial<WorkspaceFilter>> = {
  'full text (a name prefix)': { text: 'smi' },
  // These two are filled in from the imported people (below).
  'full text (first name, start of last name)': {},
  'full text (a CRD)': {},
  reasons: { reasons: ['ELIGIBLE', 'WINDOW_CLOSED'] },
  windows: { windows: ['second'] },
  categories: { categories: ['GS', 'GP'] },
  levels: { levels: ['principal'] },
  states: { states: ['NY', 'TX'] },
  'enroll-by from': { enrollByFrom: '2025-01-01' },
  'enroll-by to': { enrollByTo: '2024-12-31' },
  'enroll-by range': { enrollByFrom: '2024-10-01', enrollByTo: '2025-03-31' },
  'deadline within N days': { deadlineWithinDays: 60 },
  'enrollment status (none among them)': { enrollmentStatuses: ['none', 'payment_pending'] },
  'enrollment status (enrolled)': { enrollmentStatuses: ['enrolled'] },
  'Payment Pending over 48 hours': { pendingOverHours: 48 },
  flagged: { flagged: true },
  'not flagged': { flagged: false },
  'has notes': { hasNotes: true },
  'no notes': { hasNotes: false },
  'FinPro likely deleted (R19)': { finproLikelyDeleted: true },
  'FinPro kept': { finproLikelyDeleted: false },
  'several at once': { reasons: ['ELIGIBLE'], levels: ['representative'], deadlineWithinDays: 365, hasNotes: false, states: ['NY', 'CA', 'TX', 'FL'] },
};

describe('each filter selects what it means', () => {
  for (const [label, partial] of Object.entries(EACH_FILTER)) {
    it(label, async () => {
      const [last, first] = oracle[5].name.split(', ');
      const filter =
        label === 'full text (a CRD)' ? { text: oracle[17].crd } : label.startsWith('full text (first name') ? { text: `${first} ${last.slice(0, 3)}` } : partial;
      const expected = oracle.filter(matchesFilter(s.db, filterOf(filter), today, s.clock.now()));
      expect(expected.length, 'the seeded data has rows for this filter').toBeGreaterThan(0);
      const rows = (await allPages(s, filter, { column: 'crd', direction: 'asc' }, 200)).flatMap((p) => p.rows);
      expect(rows.map((r) => r.registrationId).sort((a, b) => a - b)).toEqual(expected.map((r) => r.registrationId).sort((a, b) => a - b));
    });
  }

  it('shows each row as stored: eligibility, days left, status, flags, notes and R19', async () => {
    const rows = (await allPages(s, {}, { column: 'enrollBy', direction: 'asc' }, 200)).flatMap((p) => p.rows);
    const byId = new Map(oracle.map(({ individualId: _i, pendingSince: _p, ...row }) => [row.registrationId, row]));
    expect(rows).toHaveLength(oracle.length);
    for (const row of rows) expect(row).toEqual(byId.get(row.registrationId));
  });

  it('a text without any searchable word matches nobody', async () => {
    const [page] = await allPages(s, { text: '***' }, { column: 'name', direction: 'asc' }, 50);
    expect(page.rows).toEqual([]);
  });
});

/** Per facet, the values' counts among rows passing every filter but that facet's own (brute force). */
function bruteForceFacets(filter: WorkspaceFilter): { total: number; facets: Record<string, Map<string, number>> } {
  const without: Record<(typeof FACETS)[number], Partial<WorkspaceFilter>> = {
    reason: { reasons: [] },
    window: { windows: [] },
    category: { categories: [] },
    level: { levels: [] },
    state: { states: [] },
    enrollmentStatus: { enrollmentStatuses: [] },
    flagged: { flagged: null },
    hasNotes: { hasNotes: null },
    finproLikelyDeleted: { finproLikelyDeleted: null },
  };
  const value: Record<(typeof FACETS)[number], (r: ExpectedRow) => string | null> = {
    reason: (r) => r.reason,
    window: (r) => r.window,
    category: (r) => r.category,
    level: (r) => r.level,
    state: (r) => r.state,
    enrollmentStatus: (r) => r.enrollmentStatus,
    flagged: (r) => String(r.flags.length > 0),
    hasNotes: (r) => String(r.notes > 0),
    finproLikelyDeleted: (r) => String(r.finproLikelyDeleted),
  };
  const facets: Record<string, Map<string, number>> = {};
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    // Payment Pending over N hours is a condition on the enrollment status too: it stays when that facet is counted.
    const others = { ...filter, ...without[facet] };
    for (const row of oracle.filter(matchesFilter(s.db, others, today, s.clock.now()))) {
      const v = value[facet](row);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[facet] = counts;
  }
  return { total: oracle.filter(matchesFilter(s.db, filter, today, s.clock.now())).length, facets };
}

describe('facet counts', () => {
  const CASES: Record<string, Partial<WorkspaceFilter>> = {
    'no filter': {},
    'one value chosen in a facet': { reasons: ['ELIGIBLE'] },
    'several facets': { reasons: ['ELIGIBLE', 'WINDOW_CLOSED', 'TENURE_UNDER_ONE_YEAR'], levels: ['representative'], flagged: false, states: ['NY', 'CA'] },
    'an enroll-by range': { deadlineWithinDays: 120, categories: ['GS'] },
    'full text': { text: 'ma', finproLikelyDeleted: false },
    'Payment Pending over 48 hours': { pendingOverHours: 48 },
    'nothing matches': { reasons: ['CE_INACTIVE'], windows: ['first'], states: ['NY'] },
  };
  for (const [label, partial] of Object.entries(CASES)) {
    it(`${label}: equal brute-force counts under every other filter`, async () => {
      const result = await callOk<WorkspaceFacets>(s.backend, 'workspace.facets', { filter: partial }, s.tokens.agent);
      const expected = bruteForceFacets(filterOf(partial));
      expect(result.total).toBe(expected.total);
      expect(result.asOf).toBe(today);
      for (const facet of FACETS) {
        const got = new Map(result.facets[facet].filter((v) => v.count > 0).map((v) => [v.value, v.count]));
        expect(got, facet).toEqual(expected.facets[facet]);
      }
    });
  }

  it('keeps a chosen value listed when nothing has it, and lists both answers of a yes/no facet', async () => {
    const result = await callOk<WorkspaceFacets>(s.backend, 'workspace.facets', { filter: { states: ['WY'], reasons: ['ELIGIBLE'] } }, s.tokens.agent);
    expect(result.facets.state).toContainEqual({ value: 'WY', count: 0 });
    expect(result.facets.flagged.map((v) => v.value).sort()).toEqual(['false', 'true']);
  });

  it('the total is the number of rows the pages hold', async () => {
    const filter: Partial<WorkspaceFilter> = { reasons: ['ELIGIBLE'], text: 'an' };
    const result = await callOk<WorkspaceFacets>(s.backend, 'workspace.facets', { filter }, s.tokens.agent);
    const rows = (await allPages(s, filter, { column: 'name', direction: 'asc' }, 200)).flatMap((p) => p.rows);
    expect(result.total).toBe(rows.length);
  });
});
