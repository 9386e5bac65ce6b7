/**
 * The read side of the pull stream (GET /v1/changes), a hot path: raw prepared statements on the shared
 * connection. A page is the next `limit` change_log rows after the cursor, joined by sequence range to the
 * entities' current rows — one query per table, never one per entity. Must run inside CentralDb.read (one
 * snapshot, so every `upsert` row finds its entity and the counts agree).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { reviewMarkId, type Change, type ChangesPage } from '../../src-main/contract/central-api';
import type { AgreementVersionRow, EnrollmentRow, IndividualRow, LearningPlanItemRow, NoteRow, ReviewMarkRow } from '../store/entities';
import type { ChangeKind, ChangeOp } from './change-log';
import {
  agreementVersion, enrollmentRecord, individualRecord, learningPlanItem, reviewMarkRecord, reviewNoteRecord, type DisqualificationFields, type RegistrationFields,
} from './record-mapping';

interface LogRow {
  seq: number;
  kind: ChangeKind;
  entityId: string;
  op: ChangeOp;
}

/** FROM/WHERE for the rows of `table` (as `alias`) whose entity has an upsert in the page: seq in (after, last]. */
function inPage(kind: ChangeKind, table: string, alias: string, key: 'crd' | 'id'): string {
  return `FROM change_log c JOIN ${table} ${alias} ON ${alias}.${key} = c.entity_id
    WHERE c.seq > ? AND c.seq <= ? AND c.kind = '${kind}' AND c.op = 'upsert'`;
}

export type ChangeFeed = ReturnType<typeof changeFeed>;

export function changeFeed(db: BetterSqlite3.Database) {
  const log = db.prepare(`SELECT seq, kind, entity_id AS entityId, op FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`);
  const countAfter = db.prepare(`SELECT COUNT(*) FROM change_log WHERE seq > ?`).pluck();
  const individuals = db.prepare(`SELECT i.crd, i.first_name AS firstName, i.last_name AS lastName, i.date_of_birth AS dateOfBirth,
      i.email, i.phone, i.street, i.city, i.state, i.zip, i.country, i.finpro_last_login AS finproLastLogin,
      i.firm_domains AS firmDomains, i.updated_at AS updatedAt ${inPage('individual', 'individual', 'i', 'crd')}`);
  const registrations = db.prepare(`SELECT r.crd, r.category, r.series, r.level, r.start_date AS startDate,
      r.termination_date AS terminationDate, r.termination_type AS terminationType
      ${inPage('individual', 'registration', 'r', 'crd')} ORDER BY r.crd, r.position`);
  const disqualifications = db.prepare(`SELECT d.crd, d.kind, d.date ${inPage('individual', 'disqualification', 'd', 'crd')} ORDER BY d.crd, d.position`);
  const enrollments = db.prepare(`SELECT e.id, e.crd, e.categories, e.enroll_window AS "window", e.status, e.status_reason AS statusReason,
      e.status_at AS statusAt, e.confirmation_number AS confirmationNumber, e.fee_cents AS feeCents, e.station_id AS stationId,
      e.staff_id AS staffId ${inPage('enrollment', 'enrollment', 'e', 'id')}`);
  const items = db.prepare(`SELECT l.id, l.crd, l.category, l.element, l.title, l.due_date AS dueDate, l.completed_date AS completedDate
      ${inPage('learningPlanItem', 'learning_plan_item', 'l', 'id')}`);
  const agreements = db.prepare(`SELECT a.id, a.kind, a.version, a.language, a.text, a.effective_from AS effectiveFrom
      ${inPage('agreementVersion', 'agreement_version', 'a', 'id')}`);

  const notes = db.prepare(`SELECT n.id, n.crd, n.category, n.text, n.version, n.station_id AS stationId, n.updated_by AS updatedBy,
      n.updated_at AS updatedAt ${inPage('note', 'note', 'n', 'id')}`);
  // A flag's entity id is `crd/category/flag`: joined through the CRD (the key's first column), then matched whole.
  const marks = db.prepare(`SELECT m.crd, m.category, m.flag, m.station_id AS stationId, m.set_by AS setBy, m.set_at AS setAt
      FROM change_log c JOIN review_mark m ON m.crd = substr(c.entity_id, 1, instr(c.entity_id, '/') - 1)
        AND c.entity_id = m.crd || '/' || m.category || '/' || m.flag
      WHERE c.seq > ? AND c.seq <= ? AND c.kind = 'mark' AND c.op = 'upsert'`);

  return {
    page(after: number, limit: number): ChangesPage {
      const entries = log.all(after, limit) as LogRow[];
      if (entries.length === 0) return { changes: [], nextCursor: String(after), hasMore: false, remaining: 0 };
      const last = Number(entries[entries.length - 1].seq);
      const remaining = countAfter.get(after) as number;
      const kinds = new Set(entries.filter((e) => e.op === 'upsert').map((e) => e.kind));

      const data = new Map<string, Change>();
      if (kinds.has('individual')) {
        const regs = groupByCrd(registrations.all(after, last) as (RegistrationFields & { crd: string })[]);
        const disqs = groupByCrd(disqualifications.all(after, last) as (DisqualificationFields & { crd: string })[]);
        for (const row of individuals.all(after, last) as IndividualRow[]) {
          const record = individualRecord(row, regs.get(row.crd) ?? [], disqs.get(row.crd) ?? []);
          data.set(`individual:${row.crd}`, { kind: 'individual', op: 'upsert', id: row.crd, data: record, updatedAt: row.updatedAt });
        }
      }
      if (kinds.has('enrollment')) {
        for (const row of enrollments.all(after, last) as EnrollmentRow[]) data.set(`enrollment:${row.id}`, { kind: 'enrollment', op: 'upsert', id: row.id, data: enrollmentRecord(row) });
      }
      if (kinds.has('learningPlanItem')) {
        for (const row of items.all(after, last) as LearningPlanItemRow[]) data.set(`learningPlanItem:${row.id}`, { kind: 'learningPlanItem', op: 'upsert', id: row.id, data: learningPlanItem(row) });
      }
      if (kinds.has('agreementVersion')) {
        for (const row of agreements.all(after, last) as AgreementVersionRow[]) data.set(`agreementVersion:${row.id}`, { kind: 'agreementVersion', op: 'upsert', id: row.id, data: agreementVersion(row) });
      }

      if (kinds.has('note')) {
        for (const row of notes.all(after, last) as NoteRow[]) data.set(`note:${row.id}`, { kind: 'note', op: 'upsert', id: row.id, data: reviewNoteRecord(row) });
      }
      if (kinds.has('mark')) {
        for (const row of marks.all(after, last) as ReviewMarkRow[]) {
          const id = reviewMarkId(row);
          data.set(`mark:${id}`, { kind: 'mark', op: 'upsert', id, data: reviewMarkRecord(row) });
        }
      }

      const changes = entries.map((e): Change => {
        if (e.op === 'delete') {
          if (e.kind === 'note') throw new Error(`change_log seq ${e.seq} deletes note ${e.entityId}; notes are never deleted`);
          return { kind: e.kind, op: 'delete', id: e.entityId };
        }
        const change = data.get(`${e.kind}:${e.entityId}`);
        // Same snapshot as the log row: a missing entity is a bug in a writer, not a state to paper over.
        if (!change) throw new Error(`change_log seq ${e.seq} names ${e.kind} ${e.entityId}, which does not exist`);
        return change;
      });
      return { changes, nextCursor: String(last), hasMore: remaining > entries.length, remaining };
    },
  };
}

function groupByCrd<T extends { crd: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.crd);
    if (list) list.push(row);
    else map.set(row.crd, [row]);
  }
  return map;
}
