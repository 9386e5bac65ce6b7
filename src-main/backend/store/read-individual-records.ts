/** Streams every individual as an import-shaped record, in numeric CRD order (for checksums and exports). */
import type BetterSqlite3 from 'better-sqlite3';
import type { IndividualRecord } from '../../contract';

interface Row {
  id: number;
  crd: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string;
  phone: string | null;
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  finproLastLogin: string | null;
  firmDomains: string;
}

export function* readIndividualRecords(db: BetterSqlite3.Database): Generator<IndividualRecord> {
  const regs = db.prepare(
    `SELECT category, series, level, start_date AS startDate, termination_date AS terminationDate, termination_type AS terminationType
     FROM registration WHERE individual_id = ? ORDER BY position`,
  );
  const disq = db.prepare(`SELECT kind, date FROM disqualification WHERE individual_id = ? ORDER BY date, kind`);
  const rows = db
    .prepare(
      `SELECT id, crd, first_name AS firstName, last_name AS lastName, date_of_birth AS dateOfBirth, email, phone, street, city,
              state, zip, country, finpro_last_login AS finproLastLogin, firm_domains AS firmDomains
       FROM individual ORDER BY CAST(crd AS INTEGER)`,
    )
    .iterate() as IterableIterator<Row>;
  for (const r of rows) {
    yield {
      crd: r.crd,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth,
      email: r.email,
      phone: r.phone,
      address: { street: r.street, city: r.city, state: r.state, zip: r.zip, country: r.country },
      finproLastLogin: r.finproLastLogin,
      firmDomains: JSON.parse(r.firmDomains) as string[],
      registrations: regs.all(r.id) as IndividualRecord['registrations'],
      disqualifications: disq.all(r.id) as IndividualRecord['disqualifications'],
    };
  }
}
