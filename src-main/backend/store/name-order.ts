/**
 * Every individual's place in name order, as a number: `individual.name_rank` (migration 0009). Ranks grow with
 * (name_key, name_rank), so `individual_name_fts` — the search index keyed by rank — hands out a query's matches in
 * name order, a page at a time, however many people match (a workspace page sorted by name, issue 5).
 *
 * Ranked people hold ranks below UNRANKED_BASE, spaced so that later arrivals fit between their neighbours.
 * A person just written (inserted, or renamed) first gets a provisional rank at or above UNRANKED_BASE, outside the
 * order, and `placeUnranked` at the end of the write batch spreads them into the gaps of their neighbours.
 * Someone whose gap is too narrow stays provisional: still found by every search, only read apart from the
 * ordered stream (workspace/text-in-name-order.ts).
 *
 * The ranked range, 2^40, leaves a million people 2^20 apart: room for twenty namesakes of a neighbour arriving
 * one by one before a gap runs out, while the index's rowid deltas (varints) stay at three bytes — spread over 2^52
 * the name-ordered index took 282 MB at a million people instead of 166. Every rank stays below 2^53, exact in a
 * JavaScript number.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Ranks at or above this are provisional: outside the name order. */
export const UNRANKED_BASE = 2 ** 40;

/** Provisional ranks for one write batch, above every rank in use. Read lazily: inside the batch's transaction. */
export function provisionalRanks(db: BetterSqlite3.Database): () => number {
  let next: number | null = null;
  return () => {
    if (next === null) {
      const max = db.prepare(`SELECT max(name_rank) FROM individual`).pluck().get() as number | null;
      next = Math.max(UNRANKED_BASE, (max ?? 0) + 1);
    }
    return next++;
  };
}

/**
 * Who is provisional, with the ranks of the ranked neighbours around them (lo, hi): from one pass over the whole
 * name order when many are (a bulk import), from two index seeks each when few are (a sync page).
 */
const NEIGHBOURS_BY_SCAN = `
  SELECT id, name_key, name_rank, lo, min(coalesce((SELECT min(r.name_rank) FROM individual r WHERE r.name_rank > lo), ${UNRANKED_BASE}), ${UNRANKED_BASE}) AS hi
  FROM (SELECT id, name_key, name_rank,
          coalesce(max(CASE WHEN name_rank < ${UNRANKED_BASE} THEN name_rank END) OVER (ORDER BY name_key, name_rank ROWS UNBOUNDED PRECEDING), 0) AS lo
        FROM individual INDEXED BY individual_name_order)
  WHERE name_rank >= ${UNRANKED_BASE}`;

const NEIGHBOURS_BY_SEEK = `
  SELECT id, name_key, name_rank, lo, min(coalesce((SELECT min(r.name_rank) FROM individual r WHERE r.name_rank > lo), ${UNRANKED_BASE}), ${UNRANKED_BASE}) AS hi
  FROM (SELECT u.id, u.name_key, u.name_rank,
          coalesce((SELECT r.name_rank FROM individual r INDEXED BY individual_name_order
                    WHERE r.name_key <= u.name_key AND r.name_rank < ${UNRANKED_BASE}
                    ORDER BY r.name_key DESC, r.name_rank DESC LIMIT 1), 0) AS lo
        FROM individual u INDEXED BY individual_name_rank WHERE u.name_rank >= ${UNRANKED_BASE})`;

/**
 * The k people sharing a gap (lo, hi) take ranks lo + step·1 … lo + step·k, step = (hi - lo) / (k + 1) rounded
 * down, in (name_key, provisional rank) order. A gap with step 0 is left alone. Integer arithmetic throughout:
 * every value stays below 2^53.
 */
const placements = (neighbours: string) => `
  SELECT id, rank FROM (
    SELECT id, lo + ((hi - lo) / (k + 1)) * n AS rank, (hi - lo) / (k + 1) AS step
    FROM (SELECT id, lo, hi, row_number() OVER (PARTITION BY lo ORDER BY name_key, name_rank) AS n, count(*) OVER (PARTITION BY lo) AS k
          FROM (${neighbours})))
  WHERE step >= 1`;

/** Below this share of provisional people, seeking each one's neighbours beats reading the whole order. */
const SEEK_SHARE = 1 / 16;

/**
 * Places the provisional people into the name order; returns how many stay provisional (no room in their gap).
 * Call inside the write batch's transaction.
 *
 * - one by one (a sync page): in rank order, so the name-ordered index's update trigger adds them in rowid order
 *   (FTS5 flushes its buffer whenever a rowid goes backwards);
 * - in bulk (an import of many): one UPDATE, with the caller keeping the index's triggers off and adding the
 *   placed people to it afterwards, in rank order.
 */
export function placeUnranked(db: BetterSqlite3.Database, mode: 'one-by-one' | 'bulk' = 'one-by-one'): { placed: number; left: number } {
  const unranked = db.prepare(`SELECT count(*) FROM individual WHERE name_rank >= ?`).pluck().get(UNRANKED_BASE) as number;
  if (unranked === 0) return { placed: 0, left: 0 };
  // The highest id stands in for the count (which would read a whole index on every sync page that adds someone).
  const total = db.prepare(`SELECT coalesce(max(id), 0) FROM individual`).pluck().get() as number;
  const plan = placements(unranked < total * SEEK_SHARE ? NEIGHBOURS_BY_SEEK : NEIGHBOURS_BY_SCAN);
  let placed: number;
  if (mode === 'bulk') {
    placed = db.prepare(`UPDATE individual SET name_rank = p.rank FROM (${plan}) p WHERE individual.id = p.id`).run().changes;
  } else {
    const moves = db.prepare(`${plan} ORDER BY rank`).raw().all() as [id: number, rank: number][];
    const move = db.prepare(`UPDATE individual SET name_rank = ? WHERE id = ?`);
    for (const [id, rank] of moves) move.run(rank, id);
    placed = moves.length;
  }
  return { placed, left: unranked - placed };
}
