/**
 * Submitted enrollments as the review queue shows them: who worked them, their automatic flags (gathered here,
 * judged by domain/review/review-flags) and the latest supervisor decision.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ReviewItem } from '../../../contract';
import { todayInNewYork } from '../../domain';
import { firmEmailWarning } from '../../domain/contact/personal-email';
import { reviewFlags } from '../../domain/review/review-flags';
import { prepared } from '../../store/prepared';

interface SubmittedRow {
  draftId: string;
  crd: string;
  name: string;
  categories: string;
  emailWarning: string | null;
  email: string | null;
  firmDomains: string | null;
  termsAcceptance: string | null;
  createdBy: number;
  submittedAt: string;
  agent: string;
  status: string | null;
  statusAt: string | null;
  confirmationNumber: string | null;
}

/** Drafts with a submitted payment; the latest submission names the agent, status and confirmation. */
const SUBMITTED = `
  SELECT d.id AS draftId, d.crd, coalesce(i.first_name || ' ' || i.last_name, d.crd) AS name, d.categories,
    d.email_warning AS emailWarning, i.email, i.firm_domains AS firmDomains, d.terms_acceptance AS termsAcceptance,
    d.created_by AS createdBy, a.submitted_at AS submittedAt, s.display_name AS agent,
    e.status, e.status_at AS statusAt, coalesce(e.confirmation_number, d.confirmation_number) AS confirmationNumber
  FROM enrollment_draft d
  JOIN payment_attempt a ON a.key = (
    SELECT key FROM payment_attempt WHERE draft_id = d.id AND status = 'submitted' ORDER BY submitted_at DESC LIMIT 1)
  JOIN staff s ON s.id = a.staff_id
  LEFT JOIN individual i ON i.crd = d.crd
  LEFT JOIN enrollment e ON e.id = a.enrollment_id`;

/** Actions by which a staff member works an enrollment (a supervisor's own review or audit reads are not work). */
const WORK_ACTIONS = `(action LIKE 'enrollment.%' OR action LIKE 'payment.%' OR action = 'individual.contactUpdated')`;

export function reviewItem(db: BetterSqlite3.Database, draftId: string, viewerId: number, now: Date): ReviewItem | null {
  const row = prepared(db, `${SUBMITTED} WHERE d.id = ?`).get(draftId) as SubmittedRow | undefined;
  return row ? toItem(db, row, viewerId, now) : null;
}

export function reviewQueue(db: BetterSqlite3.Database, state: 'open' | 'decided' | 'all', viewerId: number, now: Date): ReviewItem[] {
  const rows = prepared(db, `${SUBMITTED} ORDER BY a.submitted_at DESC`).all() as SubmittedRow[];
  return rows
    .map((r) => toItem(db, r, viewerId, now))
    .filter((item) => state === 'all' || (state === 'decided') === (item.decision?.decision === 'approved'))
    .sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0));
}

/** Everyone who worked the enrollment: they may not review it. */
export function workersOf(db: BetterSqlite3.Database, draftId: string, crd: string, createdBy: number): Set<number> {
  const ids = prepared(
    db,
    `SELECT DISTINCT staff_id FROM audit_event
     WHERE entity = 'individual' AND entity_id = ? AND ${WORK_ACTIONS} AND json_extract(details, '$.draftId') = ? AND staff_id IS NOT NULL
     UNION SELECT staff_id FROM payment_attempt WHERE draft_id = ?`,
  )
    .pluck()
    .all(crd, draftId, draftId) as number[];
  return new Set([createdBy, ...ids]);
}

export function decisionsOf(db: BetterSqlite3.Database, draftId: string): NonNullable<ReviewItem['decision']>[] {
  return prepared(
    db,
    `SELECT r.decision, r.note, s.display_name AS by, r.at FROM review_decision r JOIN staff s ON s.id = r.staff_id
     WHERE r.draft_id = ? ORDER BY r.id`,
  ).all(draftId) as NonNullable<ReviewItem['decision']>[];
}

function toItem(db: BetterSqlite3.Database, r: SubmittedRow, viewerId: number, now: Date): ReviewItem {
  const decisions = decisionsOf(db, r.draftId);
  return {
    draftId: r.draftId,
    crd: r.crd,
    name: r.name,
    categories: JSON.parse(r.categories) as string[],
    agent: r.agent,
    submittedAt: r.submittedAt,
    status: r.status,
    confirmationNumber: r.confirmationNumber,
    flags: reviewFlags(factsOf(db, r, now)),
    decision: decisions.at(-1) ?? null,
    own: workersOf(db, r.draftId, r.crd, r.createdBy).has(viewerId),
  };
}

function factsOf(db: BetterSqlite3.Database, r: SubmittedRow, now: Date) {
  const consent = prepared(
    db,
    `SELECT details FROM audit_event WHERE entity = 'individual' AND entity_id = ? AND action = 'enrollment.consentRecorded'
       AND json_extract(details, '$.draftId') = ? ORDER BY seq DESC LIMIT 1`,
  )
    .pluck()
    .get(r.crd, r.draftId) as string | undefined;
  const consentedAt = r.termsAcceptance ? (JSON.parse(r.termsAcceptance) as { acceptedAt: string }).acceptedAt : null;
  return {
    emailWarning: r.emailWarning ?? (r.email ? firmEmailWarning(r.email, JSON.parse(r.firmDomains ?? '[]') as string[]) : null),
    submittedOn: todayInNewYork(new Date(r.submittedAt)),
    enrollBy: consent ? ((JSON.parse(consent) as { enrollBy?: Record<string, string | null> }).enrollBy ?? {}) : {},
    abandonedAttempts: prepared(db, `SELECT count(*) FROM payment_attempt WHERE draft_id = ? AND status = 'abandoned'`).pluck().get(r.draftId) as number,
    pendingSince: r.status === 'payment_pending' ? r.statusAt : null,
    contactEditsAfterConsent: consentedAt
      ? (prepared(db, `SELECT count(*) FROM audit_event WHERE entity = 'individual' AND entity_id = ? AND action = 'individual.contactUpdated' AND at > ?`)
          .pluck()
          .get(r.crd, consentedAt) as number)
      : 0,
    now,
  };
}
