/**
 * Where the rows are in a virtual table too tall for the browser. A million individuals make about two million
 * registration rows: at 36 px a row that is 70 million pixels, beyond what a browser can lay out in one element
 * (about 33.5 million px in Chromium, 17.9 million in Firefox), which is why the library scrollers — whose spacer is
 * rows × row height — cannot reach the last rows. Here the spacer is capped and the scrollbar is scaled:
 *
 *   virtual top (px into the full table) = scrollTop × scale
 *
 * Up to the cap the scale is 1 and scrolling is plain native scrolling. Beyond it, the thumb still reaches every row,
 * and the wheel and the keyboard move the virtual top by pixels and rows (the table handles them) so that a wheel
 * notch still moves a few rows, not thousands.
 */
export const MAX_SPACER_PX = 4_000_000;

export interface Geometry {
  rowCount: number;
  rowHeight: number;
  /** Height of the rows' area (the table's window without its header). */
  viewportHeight: number;
}

export function contentHeight(g: Geometry): number {
  return g.rowCount * g.rowHeight;
}

/** The scrollable height given to the browser: the real height, capped. */
export function spacerHeight(g: Geometry): number {
  return Math.max(g.viewportHeight, Math.min(contentHeight(g), MAX_SPACER_PX));
}

export function maxVirtualTop(g: Geometry): number {
  return Math.max(0, contentHeight(g) - g.viewportHeight);
}

/** Virtual pixels per scrollbar pixel: 1 up to the cap. */
export function scale(g: Geometry): number {
  const scrollable = spacerHeight(g) - g.viewportHeight;
  return scrollable <= 0 ? 1 : Math.max(1, maxVirtualTop(g) / scrollable);
}

export function clampVirtualTop(g: Geometry, top: number): number {
  return Math.min(maxVirtualTop(g), Math.max(0, top));
}

export function virtualTopFromScroll(g: Geometry, scrollTop: number): number {
  return clampVirtualTop(g, scrollTop * scale(g));
}

export function scrollTopFromVirtual(g: Geometry, virtualTop: number): number {
  return clampVirtualTop(g, virtualTop) / scale(g);
}

export interface VisibleRows {
  /** Index of the first row drawn. */
  first: number;
  /** How many rows to draw (enough to cover the viewport with the first one partly scrolled out). */
  count: number;
  /** How far the first row is scrolled out of view, in px. */
  offset: number;
}

export function visibleRows(g: Geometry, virtualTop: number): VisibleRows {
  if (g.rowCount === 0 || g.rowHeight <= 0) return { first: 0, count: 0, offset: 0 };
  const top = clampVirtualTop(g, virtualTop);
  const first = Math.min(g.rowCount - 1, Math.floor(top / g.rowHeight));
  const offset = top - first * g.rowHeight;
  const count = Math.min(g.rowCount - first, Math.ceil((g.viewportHeight + offset) / g.rowHeight));
  return { first, count, offset };
}

/** The virtual top that brings row `index` fully into view, moving as little as possible. */
export function virtualTopToShow(g: Geometry, virtualTop: number, index: number): number {
  const rowTop = index * g.rowHeight;
  if (rowTop < virtualTop) return clampVirtualTop(g, rowTop);
  const rowBottom = rowTop + g.rowHeight;
  if (rowBottom > virtualTop + g.viewportHeight) return clampVirtualTop(g, rowBottom - g.viewportHeight);
  return virtualTop;
}

/** Rows that fit in the viewport, for Page Up / Page Down. */
export function rowsPerPage(g: Geometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight));
}
