/**
 * Caller lookup: FTS5 prefix search over name, e-mail and CRD, best matches first. A hot path (DESIGN §3):
 * raw prepared statements on the shared connection, measured in tests/bench.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DisqualificationInput, RegistrationInput, SearchHit } from '../../../contract';
import { evaluateEligibility } from '../../domain';
import { prepared } from '../../store/prepared';
import { ftsPrefixQuery } from './fts-query';

interface HitRow {
  id: number;
  crd: string;
  firstName: string;
  lastName: string;
  email: string;
  city: string;
  state: string;
}

const RANK_WINDOW = 1000;

const SEARCH_SQL =
  // Ranking is capped to the first RANK_WINDOW matches: a two-letter prefix can match most of the table
  // (every ".com"), and ranking all of it took ~60 ms at 100k rows; typing one more letter narrows it anyway.
  `SELECT i.id, i.crd, i.first_name AS firstName, i.last_name AS lastName, i.email, i.city, i.state
   FROM (SELECT rowid, rank FROM individual_fts WHERE individual_fts MATCH ? LIMIT ${RANK_WINDOW}) m
   JOIN individual i ON i.id = m.rowid
   ORDER BY m.rank LIMIT ?`;
const REGISTRATIONS_SQL = `SELECT category, series, level, start_date AS startDate, termination_date AS terminationDate,
         termination_type AS terminationType
  FROM registration WHERE individual_id = ? ORDER BY position`;
const DISQUALIFICATIONS_SQL = `SELECT kind, date FROM disqualification WHERE individual_id = ?`;

export function searchIndividuals(db: BetterSqlite3.Database, text: string, limit: number, asOf: string): SearchHit[] {
  const query = ftsPrefixQuery(text);
  if (!query) return [];
  const rows = prepared(db, SEARCH_SQL).all(query, limit) as HitRow[];
  // Eligible categories are counted on today's date, so the list never disagrees with the individual view.
  return rows.map(({ id, ...hit }) => {
    const registrations = prepared(db, REGISTRATIONS_SQL).all(id) as RegistrationInput[];
    const disqualifications = prepared(db, DISQUALIFICATIONS_SQL).all(id) as DisqualificationInput[];
    const result = evaluateEligibility({ crd: hit.crd, registrations, disqualifications }, asOf);
    return { ...hit, eligibleCount: result.qualifications.filter((q) => q.eligible).length };
  });
}
