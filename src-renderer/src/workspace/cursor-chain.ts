/**
 * Cursor bookkeeping for keyset paging (workspace.page takes `after`, the cursor the previous page answered; there is
 * no OFFSET). A page can be loaded in one call only when the cursor in front of it is known, so the chain remembers
 * every cursor it has seen, from both ends:
 *
 *  - forward: page p loads with the cursor answered by page p-1 (page 0 with none);
 *  - backward: with the sort reversed, the table read from its last row. Once the total is known, the last page
 *    loads with no cursor, which is what makes "scroll to the end" one call instead of a walk through every page.
 *
 * A page far from every known cursor is reached by walking from the nearest one, several pages per call; the walk
 * keeps every cursor it learns, so moving on never starts again from the top.
 */

export type Direction = 'forward' | 'backward';

export interface LoadPlan {
  direction: Direction;
  /** The `after` to send (null: from the start, or from the end when backward). */
  cursor: string | null;
  /** The pages this call answers, in the order its rows arrive. */
  pages: number[];
  /** The `limit` to send: the rows of those pages. */
  limit: number;
}

export class CursorChain {
  /** page → the cursor that loads it (forward order); null: the first page. */
  private readonly forward = new Map<number, string | null>([[0, null]]);
  /** page → the reversed-sort cursor that loads it, its last row first; null: the last page. */
  private readonly backward = new Map<number, string | null>();
  private total: number | null = null;

  constructor(
    readonly pageSize: number,
    /** The most pages one call may answer (workspace.page's limit is at most 200 rows). */
    readonly maxPagesPerCall: number,
  ) {}

  get knownTotal(): number | null {
    return this.total;
  }

  /** The row count (from the facets, or found at the end of a forward walk) anchors the backward chain. */
  setTotal(total: number): void {
    if (total === this.total) return;
    // Backward cursors are placed by counting from the end: with another total they point at other pages.
    this.backward.clear();
    this.total = total;
    if (total > 0) this.backward.set(this.pageCount(total) - 1, null);
  }

  pageCount(total = this.total ?? 0): number {
    return Math.ceil(total / this.pageSize);
  }

  /** Rows on a page: full, except the last one. */
  pageLength(page: number): number {
    if (this.total === null) return this.pageSize;
    return Math.max(0, Math.min(this.pageSize, this.total - page * this.pageSize));
  }

  /** The last page a forward walk can reach without knowing the total. */
  get furthestForwardPage(): number {
    return Math.max(...this.forward.keys());
  }

  hasForward(page: number): boolean {
    return this.forward.has(page);
  }

  /** What an answer taught: the cursor after the pages just loaded, or the end of the table when there is none. */
  learn(plan: LoadPlan, rowsReceived: number, next: string | null): void {
    const last = plan.pages[plan.pages.length - 1];
    if (plan.direction === 'forward') {
      if (next !== null) this.forward.set(last + 1, next);
      else this.setTotal(plan.pages[0] * this.pageSize + rowsReceived);
    } else if (next !== null && last > 0) {
      this.backward.set(last - 1, next);
    }
  }

  /** How to load `page`: directly when its cursor is known, else the first step of a walk from the nearest cursor. */
  plan(page: number): LoadPlan {
    if (this.forward.has(page)) return this.forwardPlan(page, page);
    if (this.backward.has(page)) return this.backwardPlan(page, page);
    let from = 0;
    for (const known of this.forward.keys()) if (known < page && known > from) from = known;
    let back = Infinity;
    for (const known of this.backward.keys()) if (known > page && known < back) back = known;
    return back - page < page - from ? this.backwardPlan(back, page) : this.forwardPlan(from, page);
  }

  private forwardPlan(from: number, target: number): LoadPlan {
    const to = Math.min(target, from + this.maxPagesPerCall - 1);
    const pages = range(from, to);
    return { direction: 'forward', cursor: this.forward.get(from) ?? null, pages, limit: this.rowsOf(pages) };
  }

  private backwardPlan(from: number, target: number): LoadPlan {
    const to = Math.max(target, from - this.maxPagesPerCall + 1);
    const pages = range(to, from).reverse();
    return { direction: 'backward', cursor: this.backward.get(from) ?? null, pages, limit: this.rowsOf(pages) };
  }

  private rowsOf(pages: number[]): number {
    return pages.reduce((sum, p) => sum + this.pageLength(p), 0);
  }
}

function range(from: number, to: number): number[] {
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

/**
 * Cuts an answer's rows into the pages of its plan. Backward answers arrive last row first; each page is returned in
 * table order. A short answer (rows deleted meanwhile) fills what it can.
 */
export function splitIntoPages<T>(plan: LoadPlan, rows: readonly T[], pageLength: (page: number) => number): Map<number, T[]> {
  const result = new Map<number, T[]>();
  let at = 0;
  for (const page of plan.pages) {
    const length = pageLength(page);
    const slice = rows.slice(at, at + length);
    at += length;
    if (plan.direction === 'forward') result.set(page, slice);
    // A short backward page holds the page's *last* rows: placed from its top they would sit on the wrong lines.
    else if (slice.length === length) result.set(page, slice.reverse());
    if (at >= rows.length) break;
  }
  return result;
}
