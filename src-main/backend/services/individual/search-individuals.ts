/**
 * Caller lookup: FTS5 search over name, e-mail and CRD. A hot path (DESIGN §3): raw prepared statements on the
 * shared connection, measured in tests/bench.
 *
 * Best matches first, in two tiers: people whose every typed word is a whole word of theirs ("james cohen"), then
 * people matched by word starts ("jam coh"); each tier in name order, so the list reads like a directory. No bm25
 * ranking: it counts, for each word, every row that holds it — 30 ms for "com" at a million people — while each
 * tier here reads only the first `limit` matches of the index.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DisqualificationInput, RegistrationInput, SearchHit } from '../../../contract';
import { evaluateEligibility } from '../../domain';
import { prepared } from '../../store/prepared';
import { ftsExactQuery, ftsPrefixQuery } from './fts-query';

interface HitRow {
  id: number;
  crd: string;
  firstName: string;
  lastName: string;
  email: string;
  city: string;
  state: string;
}

const MATCH_SQL = `SELECT rowid FROM individual_fts WHERE individual_fts MATCH ? LIMIT ?`;
const HITS_SQL = `SELECT id, crd, first_name AS firstName, last_name AS lastName, email, city, state
  FROM individual WHERE id IN (SELECT value FROM json_each(?))`;
const REGISTRATIONS_SQL = `SELECT category, series, level, start_date AS startDate, termination_date AS terminationDate,
         termination_type AS terminationType
  FROM registration WHERE individual_id = ? ORDER BY position`;
const DISQUALIFICATIONS_SQL = `SELECT kind, date FROM disqualification WHERE individual_id = ?`;

export function searchIndividuals(db: BetterSqlite3.Database, text: string, limit: number, asOf: string): SearchHit[] {
  const prefix = ftsPrefixQuery(text);
  if (!prefix) return [];
  const match = prepared(db, MATCH_SQL).pluck();
  const whole = new Set(match.all(ftsExactQuery(text), limit) as number[]);
  const ids = [...whole];
  if (ids.length < limit) {
    for (const id of match.all(prefix, limit + ids.length) as number[]) {
      if (ids.length === limit) break;
      if (!whole.has(id)) ids.push(id);
    }
  }
  const rows = prepared(db, HITS_SQL).all(JSON.stringify(ids)) as HitRow[];
  const tier = (row: HitRow) => (whole.has(row.id) ? 0 : 1);
  rows.sort((a, b) => tier(a) - tier(b) || byName(a, b));
  // Eligible categories are counted on today's date, so the list never disagrees with the individual view.
  return rows.map(({ id, ...hit }) => {
    const registrations = prepared(db, REGISTRATIONS_SQL).all(id) as RegistrationInput[];
    const disqualifications = prepared(db, DISQUALIFICATIONS_SQL).all(id) as DisqualificationInput[];
    const result = evaluateEligibility({ crd: hit.crd, registrations, disqualifications }, asOf);
    return { ...hit, eligibleCount: result.qualifications.filter((q) => q.eligible).length };
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: HitRow, b: HitRow) =>
  collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.crd.localeCompare(b.crd);
