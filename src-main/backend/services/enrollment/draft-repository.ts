/** Reads and writes enrollment drafts, payment attempts and R22 locks; turns rows into the contract's views. */
import type BetterSqlite3 from 'better-sqlite3';
import type { EnrollmentDraftView, PaymentLock } from '../../../contract';
import { lockSecondsLeft } from '../../domain';
import { prepared } from '../../store/prepared';

export interface DraftRow {
  id: string;
  crd: string;
  kind: 'new' | 'add';
  step: EnrollmentDraftView['step'];
  state: EnrollmentDraftView['state'];
  language: 'en' | 'es';
  contactConfirmed: number;
  emailWarning: string | null;
  categories: string;
  feeUsd: number | null;
  feeBasis: string | null;
  termsAcceptance: string | null;
  paymentAcceptance: string | null;
  enrollmentId: string | null;
  confirmationNumber: string | null;
  createdBy: number;
  updatedBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttemptRow {
  key: string;
  draftId: string;
  crd: string;
  amountUsd: number;
  method: 'card-token' | 'payment-link' | null;
  status: 'started' | 'tokenized' | 'submitted' | 'abandoned' | 'failed';
  token: string | null;
  brand: string | null;
  last4: string | null;
  staffId: number;
  startedAt: string;
  abandonedAt: string | null;
  submittedAt: string | null;
  failureReason: string | null;
}

const DRAFT_COLUMNS = `id, crd, kind, step, state, language, contact_confirmed AS contactConfirmed, email_warning AS emailWarning,
  categories, fee_usd AS feeUsd, fee_basis AS feeBasis, terms_acceptance AS termsAcceptance,
  payment_acceptance AS paymentAcceptance, enrollment_id AS enrollmentId, confirmation_number AS confirmationNumber,
  created_by AS createdBy, updated_by AS updatedBy, created_at AS createdAt, updated_at AS updatedAt`;

const ATTEMPT_COLUMNS = `key, draft_id AS draftId, crd, amount_usd AS amountUsd, method, status, token, brand, last4,
  staff_id AS staffId, started_at AS startedAt, abandoned_at AS abandonedAt, submitted_at AS submittedAt,
  failure_reason AS failureReason`;

export function findDraft(db: BetterSqlite3.Database, id: string): DraftRow | undefined {
  return prepared(db, `SELECT ${DRAFT_COLUMNS} FROM enrollment_draft WHERE id = ?`).get(id) as DraftRow | undefined;
}

/** The draft being worked for a person: open, or submitted and not yet settled as enrolled. */
export function activeDraftFor(db: BetterSqlite3.Database, crd: string): DraftRow | undefined {
  return prepared(
    db,
    `SELECT ${DRAFT_COLUMNS} FROM enrollment_draft d WHERE crd = ? AND (state = 'open' OR (state = 'submitted' AND NOT EXISTS
       (SELECT 1 FROM enrollment e WHERE e.id = d.enrollment_id AND e.status IN ('enrolled', 'removed', 'ended'))))
     ORDER BY updated_at DESC LIMIT 1`,
  ).get(crd) as DraftRow | undefined;
}

export function insertDraft(db: BetterSqlite3.Database, row: DraftRow): void {
  prepared(
    db,
    `INSERT INTO enrollment_draft (id, crd, kind, step, state, language, contact_confirmed, email_warning, categories, fee_usd,
       fee_basis, terms_acceptance, payment_acceptance, enrollment_id, confirmation_number, created_by, updated_by, created_at, updated_at)
     VALUES (@id, @crd, @kind, @step, @state, @language, @contactConfirmed, @emailWarning, @categories, @feeUsd, @feeBasis,
       @termsAcceptance, @paymentAcceptance, @enrollmentId, @confirmationNumber, @createdBy, @updatedBy, @createdAt, @updatedAt)`,
  ).run(row);
}

const DRAFT_FIELDS: Record<string, string> = {
  step: 'step', state: 'state', language: 'language', contactConfirmed: 'contact_confirmed', emailWarning: 'email_warning',
  categories: 'categories', feeUsd: 'fee_usd', feeBasis: 'fee_basis', termsAcceptance: 'terms_acceptance',
  paymentAcceptance: 'payment_acceptance', enrollmentId: 'enrollment_id', confirmationNumber: 'confirmation_number',
};

export function updateDraft(db: BetterSqlite3.Database, id: string, staffId: number, now: Date, changes: Partial<DraftRow>): void {
  const sets = Object.keys(changes).map((k) => `${DRAFT_FIELDS[k]} = @${k}`);
  db.prepare(`UPDATE enrollment_draft SET ${[...sets, 'updated_by = @staffId', 'updated_at = @now'].join(', ')} WHERE id = @id`).run({
    ...changes,
    staffId,
    now: now.toISOString(),
    id,
  });
}

export function latestAttempt(db: BetterSqlite3.Database, draftId: string): AttemptRow | undefined {
  return prepared(db, `SELECT ${ATTEMPT_COLUMNS} FROM payment_attempt WHERE draft_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`).get(draftId) as
    | AttemptRow
    | undefined;
}

export function findAttempt(db: BetterSqlite3.Database, key: string): AttemptRow | undefined {
  return prepared(db, `SELECT ${ATTEMPT_COLUMNS} FROM payment_attempt WHERE key = ?`).get(key) as AttemptRow | undefined;
}

export function activeLock(db: BetterSqlite3.Database, crd: string, now: Date): PaymentLock | null {
  const row = prepared(
    db,
    `SELECT l.crd, l.abandoned_at AS abandonedAt, l.locked_until AS lockedUntil, l.reason, s.display_name AS abandonedBy
     FROM payment_lock l JOIN staff s ON s.id = l.staff_id WHERE l.crd = ? AND l.locked_until > ?`,
  ).get(crd, now.toISOString()) as Omit<PaymentLock, 'secondsLeft'> | undefined;
  return row ? { ...row, secondsLeft: lockSecondsLeft(new Date(row.lockedUntil), now) } : null;
}

interface EnrollmentStatusRow {
  status: string;
  statusAt: string;
  statusReason: string | null;
}

export function draftView(db: BetterSqlite3.Database, row: DraftRow, lastSyncAt: string | null): EnrollmentDraftView {
  const names = prepared(db, `SELECT display_name FROM staff WHERE id = ?`).pluck();
  const attempt = latestAttempt(db, row.id);
  const enrollment = row.enrollmentId
    ? (prepared(db, `SELECT status, status_at AS statusAt, status_reason AS statusReason FROM enrollment WHERE id = ?`).get(row.enrollmentId) as
        | EnrollmentStatusRow
        | undefined)
    : undefined;
  return {
    id: row.id,
    crd: row.crd,
    kind: row.kind,
    step: row.step,
    state: row.state,
    language: row.language,
    contactConfirmed: row.contactConfirmed === 1,
    emailWarning: row.emailWarning,
    categories: JSON.parse(row.categories) as string[],
    feeUsd: row.feeUsd,
    feeBasis: row.feeBasis,
    agreements: { terms: row.termsAcceptance ? JSON.parse(row.termsAcceptance) : null, payment: row.paymentAcceptance ? JSON.parse(row.paymentAcceptance) : null },
    attempt: attempt
      ? {
          key: attempt.key,
          method: attempt.method,
          status: attempt.status === 'tokenized' ? 'started' : attempt.status,
          brand: attempt.brand,
          last4: attempt.last4,
          amountUsd: attempt.amountUsd,
          startedAt: attempt.startedAt,
          submittedAt: attempt.submittedAt,
          failureReason: attempt.failureReason,
        }
      : null,
    enrollmentId: row.enrollmentId,
    confirmationNumber: row.confirmationNumber,
    enrollmentStatus: enrollment?.status ?? null,
    // The station knows a status as of its last successful pull (or when the status was recorded, if later).
    statusAsOf: enrollment ? [enrollment.statusAt, lastSyncAt ?? ''].sort().at(-1)! : null,
    statusReason: enrollment?.statusReason ?? null,
    createdBy: names.get(row.createdBy) as string,
    updatedBy: names.get(row.updatedBy) as string,
    updatedAt: row.updatedAt,
  };
}
