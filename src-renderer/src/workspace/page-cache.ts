/**
 * Loaded rows, a page at a time, keyed by page index (row index = page × page size + position). The table may hold
 * millions of rows; the cache keeps only the most recently used pages (least recently used ones are dropped and
 * simply load again when scrolled back to), so memory stays bounded however far the reviewer scrolls.
 */
export class PageCache<T> {
  /** Map keeps insertion order: re-inserting on every read makes the first key the least recently used. */
  private readonly pages = new Map<number, T[]>();

  constructor(
    readonly pageSize: number,
    readonly capacity: number,
  ) {}

  get size(): number {
    return this.pages.size;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  set(page: number, rows: T[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }

  /** The row at a table index, or undefined while its page is not loaded. */
  rowAt(index: number): T | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page);
    if (!rows) return undefined;
    this.pages.delete(page);
    this.pages.set(page, rows);
    return rows[index - page * this.pageSize];
  }

  /** Changes loaded rows in place (e.g. a flag set here), without reloading them. Answers how many changed. */
  update(matches: (row: T) => boolean, change: (row: T) => T): number {
    let changed = 0;
    for (const rows of this.pages.values()) {
      for (let i = 0; i < rows.length; i++) {
        if (!matches(rows[i])) continue;
        rows[i] = change(rows[i]);
        changed++;
      }
    }
    return changed;
  }

  clear(): void {
    this.pages.clear();
  }
}

/** The pages that hold rows first..last (inclusive), the visible ones first, then one page of margin on each side. */
export function pagesToLoad(first: number, last: number, pageSize: number, pageCount: number): number[] {
  if (pageCount <= 0 || last < first) return [];
  const from = Math.floor(first / pageSize);
  const to = Math.min(pageCount - 1, Math.floor(last / pageSize));
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  if (to + 1 < pageCount) pages.push(to + 1);
  if (from - 1 >= 0) pages.push(from - 1);
  return pages;
}
