/**
 * GET /__admin/checksum: the content checksum of every individual, computed exactly as a station computes it
 * (src-main/backend/sync/content-checksum.ts), so a test can tell that a station converged on this service's data.
 * Streams in numeric CRD order (CRDs have no leading zeros: shorter first, then by text). Run inside CentralDb.read.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { contentChecksum } from '../../src-main/backend/sync/content-checksum';
import type { IndividualRecord } from '../../src-main/contract/schemas';
import type { IndividualRow } from '../store/entities';
import { individualRecord, type DisqualificationFields, type RegistrationFields } from './record-mapping';

export function individualChecksum(db: BetterSqlite3.Database): { count: number; sha256: string } {
  return contentChecksum(allIndividuals(db));
}

function* allIndividuals(db: BetterSqlite3.Database): Generator<IndividualRecord> {
  const registrations = db.prepare(`SELECT category, series, level, start_date AS startDate, termination_date AS terminationDate,
      termination_type AS terminationType FROM registration WHERE crd = ? ORDER BY position`);
  const disqualifications = db.prepare(`SELECT kind, date FROM disqualification WHERE crd = ? ORDER BY position`);
  const rows = db.prepare(`SELECT crd, first_name AS firstName, last_name AS lastName, date_of_birth AS dateOfBirth, email, phone, street,
      city, state, zip, country, finpro_last_login AS finproLastLogin, firm_domains AS firmDomains, updated_at AS updatedAt
      FROM individual ORDER BY LENGTH(crd), crd`);
  for (const row of rows.iterate() as Iterable<IndividualRow>) {
    yield individualRecord(row, registrations.all(row.crd) as RegistrationFields[], disqualifications.all(row.crd) as DisqualificationFields[]);
  }
}
