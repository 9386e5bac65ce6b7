/** Pure helpers of the review workspace (issue 5): filter ↔ query, keyset cursors, the page cache, scroll geometry, file slices. */
import { describe, expect, it } from 'vitest';
import { CursorChain, splitIntoPages, type LoadPlan } from '../../../src-renderer/src/workspace/cursor-chain';
import { assembleExport } from '../../../src-renderer/src/workspace/export-file';
import { bytesToBase64, fileSlices, importFormatOf, SLICE_BYTES } from '../../../src-renderer/src/workspace/file-slices';
import {
  activeFilterCount,
  DEFAULT_SORT,
  emptyFilter,
  filterToQuery,
  queryToFilter,
  sameFilter,
  sameQuery,
} from '../../../src-renderer/src/workspace/filter-query';
import { PageCache, pagesToLoad } from '../../../src-renderer/src/workspace/page-cache';
import {
  MAX_SPACER_PX,
  scale,
  scrollTopFromVirtual,
  spacerHeight,
  virtualTopFromScroll,
  virtualTopToShow,
  visibleRows,
  type Geometry,
} from '../../../src-renderer/src/workspace/scroll-geometry';
import { addWithinLimit, idsInRange } from '../../../src-renderer/src/workspace/selection';

describe('filter ↔ route query', () => {
  it('the empty filter with the default sort is an empty query', () => {
    expect(filterToQuery(emptyFilter(), DEFAULT_SORT)).toEqual({});
  });

  it('round-trips every kind of filter, the sort and the worklist', () => {
    const filter = {
      ...emptyFilter(),
      text: 'smith',
      reasons: ['WINDOW_CLOSED', 'ELIGIBLE'] as const,
      windows: ['first'] as const,
      categories: ['GS', 'GP'],
      levels: ['principal'] as const,
      states: ['NY', 'CA'],
      enrollByFrom: '2024-09-01',
      enrollByTo: '2024-12-31',
      deadlineWithinDays: 30,
      enrollmentStatuses: ['none', 'payment_pending'] as const,
      pendingOverHours: 48,
      flagged: true,
      hasNotes: false,
      finproLikelyDeleted: true,
    };
    const sort = { column: 'crd', direction: 'desc' } as const;
    const query = filterToQuery({ ...filter, reasons: [...filter.reasons], windows: [...filter.windows], levels: [...filter.levels], enrollmentStatuses: [...filter.enrollmentStatuses] }, sort, 'builtin:enroll-14');
    expect(query).toMatchObject({ q: 'smith', reason: 'ELIGIBLE,WINDOW_CLOSED', within: '30', flagged: 'yes', notes: 'no', sort: '-crd', worklist: 'builtin:enroll-14' });
    const parsed = queryToFilter(query);
    expect(parsed.sort).toEqual(sort);
    expect(parsed.worklistId).toBe('builtin:enroll-14');
    expect(sameFilter(parsed.filter, { ...emptyFilter(), ...filter, reasons: ['ELIGIBLE', 'WINDOW_CLOSED'], windows: ['first'], levels: ['principal'], enrollmentStatuses: ['payment_pending', 'none'] })).toBe(true);
    expect(parsed.filter.deadlineWithinDays).toBe(30);
    expect(parsed.filter.hasNotes).toBe(false);
  });

  it('a query edited by hand keeps what is valid and drops what the contract refuses', () => {
    const parsed = queryToFilter({ q: 'ann', reason: 'ELIGIBLE,NOT_A_REASON', within: 'soon', state: 'NY', from: '2024-02-30x', sort: '-nope' });
    expect(parsed.filter.text).toBe('ann');
    expect(parsed.filter.reasons).toEqual([]);
    expect(parsed.filter.deadlineWithinDays).toBeNull();
    expect(parsed.filter.states).toEqual(['NY']);
    expect(parsed.filter.enrollByFrom).toBeNull();
    expect(parsed.sort).toEqual(DEFAULT_SORT);
  });

  it('counts active filters, and compares queries by their first values', () => {
    expect(activeFilterCount(emptyFilter())).toBe(0);
    expect(activeFilterCount({ ...emptyFilter(), text: 'x', flagged: false, states: ['NY', 'NJ'] })).toBe(3);
    expect(sameQuery({ a: '1', b: ['2'] }, { b: '2', a: ['1', 'x'] })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '1', b: '2' })).toBe(false);
  });
});

describe('keyset cursor chain', () => {
  const chain = () => new CursorChain(50, 4);

  it('loads the first page from the start, and the next one with the cursor it answered', () => {
    const c = chain();
    const first = c.plan(0);
    expect(first).toEqual({ direction: 'forward', cursor: null, pages: [0], limit: 50 });
    c.learn(first, 50, 'c50');
    expect(c.plan(1)).toEqual({ direction: 'forward', cursor: 'c50', pages: [1], limit: 50 });
  });

  it('with the total known, the last page is one reversed call with no cursor (short last page)', () => {
    const c = chain();
    c.setTotal(1_000_020);
    const last = c.pageCount() - 1;
    expect(last).toBe(20_000);
    expect(c.plan(last)).toEqual({ direction: 'backward', cursor: null, pages: [last], limit: 20 });
  });

  it('walks to a far page from the nearer end, several pages per call, and keeps the cursors it learns', () => {
    const c = chain();
    c.setTotal(10_000); // 200 pages
    const step = c.plan(190);
    expect(step).toMatchObject({ direction: 'backward', cursor: null, pages: [199, 198, 197, 196], limit: 200 });
    c.learn(step, 200, 'r195');
    expect(c.plan(190)).toMatchObject({ direction: 'backward', cursor: 'r195', pages: [195, 194, 193, 192] });
    const near = c.plan(6);
    expect(near).toMatchObject({ direction: 'forward', cursor: null, pages: [0, 1, 2, 3], limit: 200 });
    c.learn(near, 200, 'f4');
    expect(c.plan(6)).toMatchObject({ direction: 'forward', cursor: 'f4', pages: [4, 5, 6], limit: 150 });
  });

  it('a forward answer without a next cursor tells the total, and a new total forgets the backward cursors', () => {
    const c = chain();
    c.setTotal(500);
    c.learn({ direction: 'backward', cursor: null, pages: [9, 8], limit: 100 }, 100, 'r7');
    expect(c.plan(7).cursor).toBe('r7');
    c.learn({ direction: 'forward', cursor: null, pages: [0], limit: 50 }, 30, null);
    expect(c.knownTotal).toBe(30);
    expect(c.plan(0)).toMatchObject({ direction: 'forward', cursor: null });
  });

  it('without a total, pages beyond the known ones are reached forward only', () => {
    const c = chain();
    c.learn(c.plan(0), 50, 'c1');
    expect(c.furthestForwardPage).toBe(1);
    expect(c.plan(3)).toMatchObject({ direction: 'forward', cursor: 'c1', pages: [1, 2, 3] });
  });

  it('splits answers into pages in table order; a short backward page is not placed', () => {
    const forward: LoadPlan = { direction: 'forward', cursor: null, pages: [0, 1], limit: 4 };
    expect([...splitIntoPages(forward, [1, 2, 3], () => 2)]).toEqual([[0, [1, 2]], [1, [3]]]);
    const backward: LoadPlan = { direction: 'backward', cursor: null, pages: [5, 4], limit: 3 };
    expect([...splitIntoPages(backward, [9, 8, 7], (p) => (p === 5 ? 1 : 2))]).toEqual([[5, [9]], [4, [7, 8]]]);
    expect([...splitIntoPages(backward, [9, 8], (p) => (p === 5 ? 1 : 2))]).toEqual([[5, [9]]]);
  });
});

describe('page cache', () => {
  it('finds rows by table index and drops the least recently used page beyond its capacity', () => {
    const cache = new PageCache<string>(2, 2);
    cache.set(0, ['a', 'b']);
    cache.set(1, ['c', 'd']);
    expect(cache.rowAt(1)).toBe('b'); // page 0 is now the most recently used
    cache.set(2, ['e']);
    expect(cache.has(1)).toBe(false);
    expect(cache.rowAt(0)).toBe('a');
    expect(cache.rowAt(4)).toBe('e');
    expect(cache.rowAt(2)).toBeUndefined();
  });

  it('updates loaded rows in place', () => {
    const cache = new PageCache<{ id: number; flags: string[] }>(2, 10);
    cache.set(0, [{ id: 1, flags: [] }, { id: 2, flags: [] }]);
    expect(cache.update((r) => r.id === 2, (r) => ({ ...r, flags: ['escalate'] }))).toBe(1);
    expect(cache.rowAt(1)?.flags).toEqual(['escalate']);
  });

  it('loads the visible pages first, then one page of margin each side', () => {
    expect(pagesToLoad(120, 160, 50, 10)).toEqual([2, 3, 4, 1]);
    expect(pagesToLoad(0, 10, 50, 1)).toEqual([0]);
    expect(pagesToLoad(0, 10, 50, 0)).toEqual([]);
  });
});

describe('scroll geometry of a table taller than the browser allows', () => {
  const small: Geometry = { rowCount: 1_000, rowHeight: 36, viewportHeight: 720 };
  const huge: Geometry = { rowCount: 2_000_000, rowHeight: 36, viewportHeight: 720 };

  it('is native scrolling (scale 1) while the table fits under the cap', () => {
    expect(scale(small)).toBe(1);
    expect(spacerHeight(small)).toBe(36_000);
    expect(visibleRows(small, 3_618)).toEqual({ first: 100, count: 21, offset: 18 });
  });

  it('caps the spacer and scales the scrollbar so that its end is the last row', () => {
    expect(spacerHeight(huge)).toBe(MAX_SPACER_PX);
    const end = virtualTopFromScroll(huge, MAX_SPACER_PX - 720);
    const rows = visibleRows(huge, end);
    expect(rows.first + rows.count).toBe(2_000_000);
    expect(scrollTopFromVirtual(huge, end)).toBeCloseTo(MAX_SPACER_PX - 720);
    expect(visibleRows(huge, virtualTopFromScroll(huge, 0)).first).toBe(0);
  });

  it('moves as little as possible to show a row', () => {
    expect(virtualTopToShow(small, 3_600, 105)).toBe(3_600);
    expect(virtualTopToShow(small, 3_600, 99)).toBe(3_564);
    expect(virtualTopToShow(small, 3_600, 120)).toBe(121 * 36 - 720);
  });
});

describe('selection', () => {
  it('takes the loaded rows of a shift-click range in either direction', () => {
    const ids = [10, 11, undefined, 13];
    expect(idsInRange(3, 0, (i) => ids[i])).toEqual([10, 11, 13]);
  });

  it('stops at the limit and says so', () => {
    const { next, truncated } = addWithinLimit(new Set([1]), [1, 2, 3, 4], 3);
    expect([...next]).toEqual([1, 2, 3]);
    expect(truncated).toBe(true);
  });
});

const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('import file slices', () => {
  it('knows the formats by extension', () => {
    expect(importFormatOf('people.JSONL')).toBe('jsonl');
    expect(importFormatOf('x.csv')).toBe('csv');
    expect(importFormatOf('x.xlsx')).toBeNull();
  });

  it('sends the raw bytes in base64 slices that join back into the file (BOM, accents and bad bytes kept)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('crd,name\r\n1,José Müller\r\n'), 0xff]);
    const slices: { base64: string; bytesRead: number }[] = [];
    for await (const slice of fileSlices(new Blob([bytes]), 6)) slices.push(slice);
    expect(slices.length).toBe(Math.ceil(bytes.length / 6));
    expect(slices.at(-1)?.bytesRead).toBe(bytes.length);
    const joined = slices.flatMap((s) => [...fromBase64(s.base64)]);
    expect(joined).toEqual([...bytes]);
  });

  it('a slice of the default size, in base64 with its envelope, stays under the web host\'s 1 MiB request limit', () => {
    const base64 = bytesToBase64(new Uint8Array(SLICE_BYTES).fill(0xfe));
    const body = JSON.stringify({ uploadId: '00000000-0000-0000-0000-000000000000', chunk: base64 });
    expect(SLICE_BYTES % 3).toBe(0);
    expect(body.length).toBeLessThan(1024 * 1024);
    expect(fromBase64(base64).every((b) => b === 0xfe)).toBe(true);
    expect(fromBase64(base64).length).toBe(SLICE_BYTES);
  });

  it('an empty file yields no slice', async () => {
    const slices = [];
    for await (const slice of fileSlices(new Blob([]))) slices.push(slice);
    expect(slices).toEqual([]);
  });
});

describe('export assembly', () => {
  it('reads the base64 slices in order into one Blob, keeping the byte-order mark', async () => {
    const text = '\uFEFFcrd,name\r\n1,"Ann, ""Jo"""\r\n2,"José\nMüller"\r\n';
    const file = new TextEncoder().encode(text);
    const offsets: number[] = [];
    const assembled = await assembleExport(async (offset) => {
      offsets.push(offset);
      const end = Math.min(file.length, offset + 10);
      return { fileName: 'review.csv', data: bytesToBase64(file.subarray(offset, end)), nextOffset: end >= file.length ? null : end };
    });
    expect(offsets).toEqual([0, 10, 20, 30, 40]);
    expect(assembled.fileName).toBe('review.csv');
    const bytes = new Uint8Array(await assembled.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });

  it('stops with a sentence when the backend does not move on', async () => {
    await expect(assembleExport(async () => ({ fileName: 'x.csv', data: 'YQ==', nextOffset: 0 }))).rejects.toThrow(/could not be read past/);
  });
});
