/** Writes an enrollment as the central service reports it (a pulled change, or the answer to a payment). */
import type BetterSqlite3 from 'better-sqlite3';
import type { EnrollmentRecord } from '../../contract/central-api';
import { prepared } from './prepared';

export function saveEnrollmentRecord(db: BetterSqlite3.Database, e: EnrollmentRecord): void {
  prepared(
    db,
    `INSERT INTO enrollment (id, crd, categories, enroll_window, status, status_reason, status_at, confirmation_number, fee_usd, station_id, staff_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET crd = excluded.crd, categories = excluded.categories, enroll_window = excluded.enroll_window,
       status = excluded.status, status_reason = excluded.status_reason, status_at = excluded.status_at,
       confirmation_number = excluded.confirmation_number, fee_usd = excluded.fee_usd, station_id = excluded.station_id,
       staff_id = excluded.staff_id`,
  ).run(e.id, e.crd, JSON.stringify(e.categories), e.window, e.status, e.statusReason, e.statusAt, e.confirmationNumber, e.feeUsd, e.stationId, e.staffId);
}
