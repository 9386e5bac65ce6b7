/**
 * A full-text page sorted by name, read in name order from `individual_name_fts` (keyed by name rank,
 * store/name-order.ts): people come a batch at a time, so a page costs about its own size, not the number of people
 * matched ("mar" matches 80,000 of a million). Measured in tests/bench/workspace-bench.ts.
 *
 * People are streamed in (name, rank) order, but rows sort by (name, cell, enroll-by, registration id): two people of
 * the same name interleave. So a page is complete only with every namesake of its last row's person read.
 * People still provisional (outside the order, and so not in that index) are few; all of their matches are read
 * through the id-keyed index and merged.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../../store/prepared';
import { UNRANKED_BASE } from '../../store/name-order';
import { keysetOrderSql } from './keyset-order';
import type { SortTuple } from './workspace-sorts';

type Row = { id: number; position: SortTuple };
type Raw = [nameKey: string, id: number, cell: number, enrollKey: string];

/** Batches of people grow up to this (a restrictive filter keeps few of their rows). */
const MAX_BATCH = 4096;

export function textInNameOrder(
  db: BetterSqlite3.Database,
  text: string,
  direction: 'asc' | 'desc',
  after: SortTuple | null,
  take: number,
  /** The page's other conditions on workspace_row `w` (its cells, enroll-by range, …). */
  where: { sql: string; params: unknown[] },
  /**
   * People in the first batch. Each batch runs the query again — a word longer than the prefix index costs its
   * whole match list each time — so the first is generous (256): a page of 50 rows seldom needs a second one.
   */
  firstBatch: number,
): Row[] {
  const asc = direction === 'asc';
  // The rows of some people (by rank) that the filter keeps, after the cursor, with their position.
  const { keyset, keysetParams } = keysetOrderSql('i.name_key', false, direction, after);
  const rowsOf = (ranks: number[]): Row[] =>
    (
      prepared(
        db,
        `SELECT i.name_key, w.registration_id, w.cell, w.enroll_key FROM json_each(?) j
         JOIN individual i INDEXED BY individual_name_rank ON i.name_rank = j.value
         JOIN workspace_row w INDEXED BY workspace_row_individual ON w.individual_id = i.id
         WHERE ${[where.sql, ...(keyset ? [keyset] : [])].join(' AND ')}`,
      )
        .raw()
        .all(JSON.stringify(ranks), ...where.params, ...keysetParams) as Raw[]
    ).map(([nameKey, id, cell, enrollKey]) => ({ id, position: [nameKey, cell, enrollKey, id] }));
  // FTS5 ignores a rowid limit passed as a JavaScript number (bound as a REAL): the casts make them integers.
  const stream = prepared(
    db,
    `SELECT rowid FROM individual_name_fts WHERE individual_name_fts MATCH ?
       AND rowid > CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER) ORDER BY rowid ${asc ? 'ASC' : 'DESC'} LIMIT ?`,
  ).pluck();
  const nameOf = prepared(db, `SELECT name_key FROM individual INDEXED BY individual_name_rank WHERE name_rank = ?`).pluck();
  const sign = asc ? 1 : -1;
  const order = (a: Row, b: Row) => sign * compareTuples(a.position, b.position);

  const found = anyProvisional(db) ? rowsOf(provisionalMatches(db, text)) : [];
  let [low, high] = startRanks(db, asc, after);
  for (let batch = firstBatch; ; batch = Math.min(batch * 4, MAX_BATCH)) {
    const ranks = stream.all(text, low, high, batch) as number[];
    found.push(...rowsOf(ranks));
    if (ranks.length < batch) break;
    const last = ranks[ranks.length - 1];
    if (asc) low = last;
    else high = last;
    if (found.length < take) continue;
    // Everyone after `last` sorts at or after their name. If the page's last row has a name before it, the page is
    // complete; if it has their name, the rest of that run of namesakes completes it (read in one go: demo-like
    // data has hundreds of people of one name, where more batches would each run the query again).
    // (A provisional person's row may sort past `last`: then the stream goes on.)
    found.sort(order);
    const pageEnd = found[take - 1].position[0] as string;
    const versusLast = sign * compareBinary(pageEnd, nameOf.get(last) as string);
    if (versusLast > 0) continue;
    if (versusLast === 0) {
      const runEnd = runBound(db, pageEnd, asc);
      found.push(...rowsOf(stream.all(text, asc ? last : runEnd, asc ? runEnd : last, -1) as number[]));
    }
    break;
  }
  return found.sort(order).slice(0, take);
}

/** Just past the ranks of everyone named `name`: the bound that ends their run in the stream's direction. */
function runBound(db: BetterSqlite3.Database, name: string, asc: boolean): number {
  const rank = prepared(
    db,
    `SELECT ${asc ? 'max' : 'min'}(name_rank) FROM individual INDEXED BY individual_name_order WHERE name_key = ? AND name_rank < ?`,
  ).pluck().get(name, UNRANKED_BASE) as number;
  return asc ? rank + 1 : rank - 1;
}

/** Whether anyone holds a provisional rank: they are not in the name-ordered index. */
function anyProvisional(db: BetterSqlite3.Database): boolean {
  return prepared(db, `SELECT EXISTS (SELECT 1 FROM individual WHERE name_rank >= ?)`).pluck().get(UNRANKED_BASE) === 1;
}

/** The ranks of the provisional people the text matches, found by the id-keyed index. */
function provisionalMatches(db: BetterSqlite3.Database, text: string): number[] {
  return prepared(
    db,
    `SELECT name_rank FROM individual INDEXED BY individual_name_rank
     WHERE name_rank >= ? AND id IN (SELECT rowid FROM individual_fts WHERE individual_fts MATCH ?)`,
  ).pluck().all(UNRANKED_BASE, text) as number[];
}

/** The ranks the stream starts after (ascending) or before (descending): past every name that sorts before the cursor's. */
function startRanks(db: BetterSqlite3.Database, asc: boolean, after: SortTuple | null): [number, number] {
  if (!after) return [0, UNRANKED_BASE];
  const name = after[0] as string;
  if (asc) {
    const low = prepared(
      db,
      `SELECT name_rank FROM individual INDEXED BY individual_name_order WHERE name_key < ? AND name_rank < ?
       ORDER BY name_key DESC, name_rank DESC LIMIT 1`,
    ).pluck().get(name, UNRANKED_BASE) as number | undefined;
    return [low ?? 0, UNRANKED_BASE];
  }
  const high = prepared(
    db,
    `SELECT name_rank FROM individual INDEXED BY individual_name_order WHERE name_key > ? AND name_rank < ?
     ORDER BY name_key, name_rank LIMIT 1`,
  ).pluck().get(name, UNRANKED_BASE) as number | undefined;
  return [0, high ?? UNRANKED_BASE];
}

/** (name, cell, enroll-by key, registration id), ascending, with texts compared as SQLite's BINARY collation does. */
function compareTuples(a: SortTuple, b: SortTuple): number {
  return (
    compareBinary(a[0] as string, b[0] as string) || (a[1] - b[1]) || compareBinary(a[2], b[2]) || (a[3] - b[3])
  );
}

/**
 * Code point order (= the UTF-8 byte order SQLite compares by). JavaScript's `<` compares UTF-16 units, which puts
 * characters beyond U+FFFF (surrogate pairs) before U+E000–U+FFFF: only there do the two orders differ.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
