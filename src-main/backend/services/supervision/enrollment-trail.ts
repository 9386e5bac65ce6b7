/**
 * An enrollment's whole audit trail for supervisors (issue 6): every event in order with what it changed and whether
 * its chain link holds, the consent evidence with the agreement texts of the versions accepted, the scripts shown,
 * the payment attempts (token, brand and last four only) and the review decisions.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError, type EnrollmentTrail, type Language, type TrailEvent } from '../../../contract';
import { auditHash, type ChainedFields } from '../../audit/audit-hash';
import { verifyEvents } from '../../audit/verify-chain';
import { findDraft } from '../enrollment/draft-repository';
import { agreementTexts } from '../enrollment/texts';
import { prepared } from '../../store/prepared';
import { decisionsOf, reviewItem } from './review-items';
import { trailChanges } from './trail-changes';

type EventRow = ChainedFields & { hash: string; staff: string | null };

const EVENT_COLUMNS = `e.seq, e.at, e.staff_id AS staffId, e.station_id AS stationId, e.action, e.entity, e.entity_id AS entityId,
  e.details, e.prev_hash AS prevHash, e.hash`;

export function enrollmentTrail(db: BetterSqlite3.Database, draftId: string, viewerId: number, now: Date, resourcesDir: string): EnrollmentTrail {
  const draft = findDraft(db, draftId);
  const item = draft ? reviewItem(db, draftId, viewerId, now) : null;
  if (!draft || !item) throw new AppError('NOT_FOUND', `No submitted enrollment ${draftId} on this station. Open it from the review queue or the dashboard.`);

  const rows = prepared(
    db,
    `SELECT ${EVENT_COLUMNS}, s.display_name AS staff FROM audit_event e LEFT JOIN staff s ON s.id = e.staff_id
     WHERE e.entity = 'individual' AND e.entity_id = ? AND json_extract(e.details, '$.draftId') = ? ORDER BY e.seq`,
  ).all(draft.crd, draftId) as EventRow[];
  const details = rows.map((r) => JSON.parse(r.details) as Record<string, unknown>);
  const changes = trailChanges(rows.map((r, i) => ({ action: r.action, details: details[i] })));
  const events: TrailEvent[] = rows.map((r, i) => ({
    seq: r.seq, at: r.at, staff: r.staff, stationId: r.stationId, action: r.action, details: details[i], changes: changes[i],
    prevHash: r.prevHash, hash: r.hash, chain: linkHolds(db, r) ? 'ok' : 'broken',
  }));

  return {
    item,
    feeUsd: draft.feeUsd,
    consent: consentEvidence(db, draft.termsAcceptance, draft.paymentAcceptance, resourcesDir),
    scripts: events
      .filter((e) => e.action === 'enrollment.stepShown')
      .map((e) => {
        const shown = e.details as { step?: unknown; scriptVersion?: unknown };
        return { step: String(shown.step), version: String(shown.scriptVersion ?? ''), at: e.at };
      }),
    attempts: prepared(
      db,
      `SELECT a.key, a.method, a.status, a.token, a.brand, a.last4, a.amount_usd AS amountUsd, a.started_at AS startedAt,
         a.submitted_at AS submittedAt, a.failure_reason AS failureReason, s.display_name AS staff
       FROM payment_attempt a JOIN staff s ON s.id = a.staff_id WHERE a.draft_id = ? ORDER BY a.started_at`,
    ).all(draftId) as EnrollmentTrail['attempts'],
    decisions: decisionsOf(db, draftId),
    events,
    chain: segmentReport(db, rows),
    asOf: now.toISOString(),
  };
}

/** The event's own hash recomputes and it links to the event stored before it. */
function linkHolds(db: BetterSqlite3.Database, r: EventRow): boolean {
  let recomputed: string;
  try {
    recomputed = auditHash(r);
  } catch {
    return false;
  }
  if (recomputed !== r.hash) return false;
  const before = prepared(db, `SELECT hash FROM audit_event WHERE seq = ?`).pluck().get(r.seq - 1) as string | undefined;
  // The first kept event (after retention) links to an event no longer stored here: its own hash is the check.
  return before === undefined ? true : before === r.prevHash;
}

/** Every link from the trail's first event to its last, including other events in between. */
function segmentReport(db: BetterSqlite3.Database, rows: EventRow[]): EnrollmentTrail['chain'] {
  if (rows.length === 0) return { ok: true, checked: 0, firstBroken: null };
  const first = rows[0];
  const segment = prepared(
    db,
    `SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId, details,
       prev_hash AS prevHash, hash FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq`,
  ).iterate(first.seq, rows[rows.length - 1].seq) as IterableIterator<ChainedFields & { hash: string }>;
  const before = prepared(db, `SELECT hash FROM audit_event WHERE seq = ?`).pluck().get(first.seq - 1) as string | undefined;
  return verifyEvents(segment, undefined, { seq: first.seq, prevHash: before ?? first.prevHash });
}

interface Acceptance {
  version: string;
  language: Language;
  acceptedAt: string;
  staffId: number;
  scriptVersion: string;
}

function consentEvidence(db: BetterSqlite3.Database, terms: string | null, payment: string | null, resourcesDir: string): EnrollmentTrail['consent'] {
  const name = (id: number) => (prepared(db, `SELECT display_name FROM staff WHERE id = ?`).pluck().get(id) as string | undefined) ?? `staff #${id}`;
  return (
    [
      ['terms', terms],
      ['payment', payment],
    ] as const
  ).flatMap(([kind, json]) => {
    if (!json) return [];
    const a = JSON.parse(json) as Acceptance;
    const text = agreementText(db, resourcesDir, kind, a.version, a.language);
    return [{ kind, version: a.version, language: a.language, acceptedAt: a.acceptedAt, acceptedBy: name(a.staffId), scriptVersion: a.scriptVersion, ...text }];
  });
}

/** The text of the version accepted: the station's own resources, or a version the central service sent. */
function agreementText(db: BetterSqlite3.Database, resourcesDir: string, kind: 'terms' | 'payment', version: string, language: Language) {
  const current = agreementTexts(resourcesDir, language)[kind];
  if (current.version === version) return { title: current.title, text: current.text };
  const synced = prepared(db, `SELECT text FROM agreement_version WHERE kind = ? AND version = ? AND language = ?`).pluck().get(kind, version, language) as
    | string
    | undefined;
  if (synced !== undefined) return { title: current.title, text: synced };
  return { title: current.title, text: `The text of version ${version} is not stored on this station; the central service keeps every version.` };
}
