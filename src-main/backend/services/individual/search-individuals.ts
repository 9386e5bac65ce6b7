/**
 * Caller lookup: FTS5 prefix search over name, e-mail and CRD, best matches first. A hot path (DESIGN §3):
 * raw prepared statements on the shared connection, measured in tests/bench.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DisqualificationInput, RegistrationInput, SearchHit } from '../../../contract';
import { evaluateEligibility } from '../../domain';
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

const statements = new WeakMap<BetterSqlite3.Database, { search: BetterSqlite3.Statement; regs: BetterSqlite3.Statement; disq: BetterSqlite3.Statement }>();

function prepared(db: BetterSqlite3.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      search: db.prepare(
        `SELECT i.id, i.crd, i.first_name AS firstName, i.last_name AS lastName, i.email, i.city, i.state
         FROM individual_fts JOIN individual i ON i.id = individual_fts.rowid
         WHERE individual_fts MATCH ? ORDER BY individual_fts.rank LIMIT ?`,
      ),
      regs: db.prepare(
        `SELECT category, series, level, start_date AS startDate, termination_date AS terminationDate,
                termination_type AS terminationType
         FROM registration WHERE individual_id = ? ORDER BY position`,
      ),
      disq: db.prepare(`SELECT kind, date FROM disqualification WHERE individual_id = ?`),
    };
    statements.set(db, s);
  }
  return s;
}

export function searchIndividuals(db: BetterSqlite3.Database, text: string, limit: number, asOf: string): SearchHit[] {
  const query = ftsPrefixQuery(text);
  if (!query) return [];
  const s = prepared(db);
  const rows = s.search.all(query, limit) as HitRow[];
  // Eligible categories are counted on today's date, so the list never disagrees with the individual view.
  return rows.map(({ id, ...hit }) => {
    const registrations = s.regs.all(id) as RegistrationInput[];
    const disqualifications = s.disq.all(id) as DisqualificationInput[];
    const result = evaluateEligibility({ crd: hit.crd, registrations, disqualifications }, asOf);
    return { ...hit, eligibleCount: result.qualifications.filter((q) => q.eligible).length };
  });
}
