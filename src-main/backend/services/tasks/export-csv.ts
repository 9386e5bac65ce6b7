/**
 * The export's CSV, written with csv-stringify: RFC 4180 (CRLF between records; a field holding a comma, a quote
 * or a line break is quoted, quotes doubled), UTF-8, optionally led by a BOM so that Excel reads the accents right.
 * The columns are the review workspace's. A cell that a spreadsheet would run as a formula (=, +, -, @ first) is
 * written with a leading apostrophe (csv-stringify's escape_formulas): an export must never execute anything.
 */
import { stringify } from 'csv-stringify/sync';
import type { WorkspaceRow } from '../../../contract';

export const EXPORT_COLUMNS = [
  { key: 'crd', header: 'CRD' },
  { key: 'name', header: 'Name' },
  { key: 'category', header: 'Category' },
  { key: 'terminationDate', header: 'Termination date' },
  { key: 'reason', header: 'Eligibility reason' },
  { key: 'window', header: 'Window' },
  { key: 'enrollBy', header: 'Enroll by' },
  { key: 'daysLeft', header: 'Days left' },
  { key: 'reregisterBy', header: 'Re-register by' },
  { key: 'enrollmentStatus', header: 'Enrollment status' },
  { key: 'flags', header: 'Flags' },
  { key: 'notes', header: 'Notes' },
] as const;

/** The CSV text of a slice of rows; the first slice carries the header (and the BOM, when asked for). */
export function csvSlice(rows: WorkspaceRow[], first: boolean, bom: boolean): string {
  return stringify(
    rows.map((row) => ({ ...row, flags: row.flags.join('; ') })),
    { columns: [...EXPORT_COLUMNS], header: first, bom: first && bom, record_delimiter: 'windows', escape_formulas: true },
  );
}
