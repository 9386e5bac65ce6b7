/**
 * Prepared statements that write one individual with registrations (and their stored eligibility). A new or renamed
 * person gets a provisional name rank: the batch places them in name order at its end (store/name-order.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EligibilityResult, IndividualRecord } from '../../contract';
import { provisionalRanks } from './name-order';

export function individualWriter(db: BetterSqlite3.Database, updatedAt: string) {
  const findId = db.prepare(`SELECT id FROM individual WHERE crd = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO individual (crd, first_name, last_name, date_of_birth, email, phone, street, city, state, zip, country,
                             finpro_last_login, firm_domains, updated_at, name_rank)
     VALUES (@crd, @firstName, @lastName, @dateOfBirth, @email, @phone, @street, @city, @state, @zip, @country,
             @finproLastLogin, @firmDomains, @updatedAt, @rank)`,
  );
  const update = db.prepare(
    `UPDATE individual SET first_name = @firstName, last_name = @lastName, date_of_birth = @dateOfBirth, email = @email,
       phone = @phone, street = @street, city = @city, state = @state, zip = @zip, country = @country,
       finpro_last_login = @finproLastLogin, firm_domains = @firmDomains, updated_at = @updatedAt,
       name_rank = CASE WHEN name_key IS lower(@lastName || ' ' || @firstName) THEN name_rank ELSE @rank END
     WHERE id = @id`,
  );
  const clearRegistrations = db.prepare(`DELETE FROM registration WHERE individual_id = ?`);
  const clearDisqualifications = db.prepare(`DELETE FROM disqualification WHERE individual_id = ?`);
  const insertRegistration = db.prepare(
    `INSERT INTO registration (individual_id, position, category, series, level, start_date, termination_date,
                               termination_type, eligible, reason, enroll_window, enroll_by, reregister_by, evaluated_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDisqualification = db.prepare(`INSERT INTO disqualification (individual_id, kind, date) VALUES (?, ?, ?)`);
  const nextProvisionalRank = provisionalRanks(db);

  return {
    upsert(r: IndividualRecord, eligibility: EligibilityResult, evaluatedOn: string): 'inserted' | 'updated' {
      const row = {
        crd: r.crd,
        firstName: r.firstName,
        lastName: r.lastName,
        dateOfBirth: r.dateOfBirth ?? null,
        email: r.email,
        phone: r.phone ?? null,
        street: r.address.street,
        city: r.address.city,
        state: r.address.state,
        zip: r.address.zip,
        country: r.address.country,
        finproLastLogin: r.finproLastLogin ?? null,
        firmDomains: JSON.stringify(r.firmDomains),
        updatedAt,
        rank: nextProvisionalRank(),
      };
      let id = findId.get(r.crd) as number | undefined;
      const outcome = id === undefined ? 'inserted' : 'updated';
      if (id === undefined) {
        id = Number(insert.run(row).lastInsertRowid);
      } else {
        update.run({ ...row, id });
        clearRegistrations.run(id);
        clearDisqualifications.run(id);
      }
      r.registrations.forEach((reg, i) => {
        const q = eligibility.qualifications[i];
        insertRegistration.run(id, i, reg.category, reg.series ?? null, reg.level, reg.startDate, reg.terminationDate ?? null,
          reg.terminationType ?? null, q.eligible ? 1 : 0, q.reason, q.window, q.enrollBy, q.reregisterBy, evaluatedOn);
      });
      for (const d of r.disqualifications) insertDisqualification.run(id, d.kind, d.date);
      return outcome;
    },
  };
}
