/**
 * Row selection for bulk actions: registration ids, with the range a shift-click adds. Only loaded rows can be
 * selected (an id is needed); "everything the filter matches" is the other bulk target, without a list.
 */

/** A selection target (flag.set, export.start) takes at most this many ids: the contract's limit. */
export const SELECTION_LIMIT = 10_000;

/** The ids of the loaded rows between two table indexes (inclusive, either order). */
export function idsInRange(from: number, to: number, idAt: (index: number) => number | undefined): number[] {
  const ids: number[] = [];
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const id = idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * The selection after adding ids, within the limit. Answers the new set and whether some ids were left out, so the
 * console can say so instead of silently selecting fewer rows.
 */
export function addWithinLimit(selected: ReadonlySet<number>, ids: readonly number[], limit = SELECTION_LIMIT): { next: Set<number>; truncated: boolean } {
  const next = new Set(selected);
  for (const id of ids) {
    if (next.has(id)) continue;
    if (next.size >= limit) return { next, truncated: true };
    next.add(id);
  }
  return { next, truncated: false };
}
