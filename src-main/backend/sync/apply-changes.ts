/**
 * Applies one pulled page and its cursor in ONE transaction (DESIGN §4): a crash leaves either the whole page and
 * the new cursor, or neither. Eligibility is recomputed for every individual that changed, and re-checks raise
 * review flags where a pull changes what an agent may have told a caller. Reviewers' notes and flags (issue 5)
 * follow their own merge and conflict rules (services/review-marks/apply-review-changes.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Change, ChangesPage } from '../../contract/central-api';
import type { IndividualRecord } from '../../contract';
import { saveEnrollmentRecord } from '../store/enrollment-records';
import { evaluateEligibility } from '../domain';
import { individualWriter } from '../store/individual-writer';
import { placeUnranked } from '../store/name-order';
import { reviewChangeApplier } from '../services/review-marks/apply-review-changes';
import { writeCursor } from './sync-state';

export interface ApplyReport {
  applied: number;
  flagsRaised: number;
}

/** How recently this station must have opened a caller for another station's enrollment of them to be flagged. */
export const RECENTLY_HANDLED_MS = 24 * 60 * 60 * 1000;

export function applyChangesPage(db: BetterSqlite3.Database, page: ChangesPage, asOf: string, now: Date, stationId: string): ApplyReport {
  const writer = individualWriter(db, now.toISOString());
  const statements = prepare(db);
  const review = reviewChangeApplier(db, stationId);
  let flagsRaised = 0;
  const raise = (crd: string, kind: string, message: string, details: Record<string, unknown>) => {
    statements.raiseFlag.run(crd, kind, message, JSON.stringify(details), now.toISOString());
    flagsRaised += 1;
  };

  const apply = db.transaction(() => {
    for (const change of page.changes) applyOne(change);
    // New and renamed people take their place in name order (store/name-order.ts).
    placeUnranked(db);
    review.absorbPushConflicts();
    writeCursor(db, page.nextCursor);
  });

  function withPendingContactEdits(record: IndividualRecord): IndividualRecord {
    const pending = statements.pendingContactEdits.all(`%"crd":"${record.crd}"%`) as { payload: string }[];
    let merged = record;
    for (const { payload } of pending) {
      const edit = JSON.parse(payload) as { crd: string; email?: string; phone?: string | null; address?: IndividualRecord['address'] };
      if (edit.crd !== record.crd) continue;
      merged = { ...merged, ...(edit.email ? { email: edit.email } : {}), ...(edit.phone !== undefined ? { phone: edit.phone } : {}), ...(edit.address ? { address: edit.address } : {}) };
    }
    return merged;
  }

  function applyOne(change: Change) {
    if (change.op === 'delete') {
      if (change.kind === 'mark') review.removeMark(change.id);
      else statements.remove[change.kind].run(change.id);
      return;
    }
    switch (change.kind) {
      case 'individual': {
        const before = statements.eligibleCategories.all(change.data.crd) as { category: string }[];
        // Contact edits accepted here but not yet sent stay on top of the pulled record (never silently lost).
        const record = withPendingContactEdits(change.data);
        const eligibility = evaluateEligibility(record, asOf);
        writer.upsert(record, eligibility, asOf);
        // A category the caller could enroll in is no longer open (a deadline passed, a termination was corrected…).
        for (const { category } of before) {
          const now = eligibility.qualifications.find((q) => q.category === category);
          if (!now || !now.eligible) {
            raise(change.data.crd, 'eligibility-changed', `${category} is no longer eligible (${now?.reason ?? 'registration removed'}).`, { category, reason: now?.reason ?? null });
          }
        }
        return;
      }
      case 'enrollment': {
        const previous = statements.enrollmentStatus.get(change.id) as { status: string } | undefined;
        saveEnrollmentRecord(db, change.data);
        const recentlyHandledHere = statements.recentlyViewed.get(change.data.crd, new Date(now.getTime() - RECENTLY_HANDLED_MS).toISOString());
        if (!previous && change.data.stationId !== stationId && change.data.status !== 'draft' && recentlyHandledHere) {
          // Someone else enrolled first: an agent here was working with this caller.
          raise(change.data.crd, 'enrolled-elsewhere', `Another station enrolled this caller (${change.data.categories.join(', ')}, ${change.data.status}).`, {
            enrollmentId: change.id,
            stationId: change.data.stationId,
          });
        }
        if (previous && previous.status !== change.data.status) {
          raise(change.data.crd, 'status-moved', `Enrollment ${change.data.confirmationNumber ?? change.id} moved from ${previous.status} to ${change.data.status}.`, {
            enrollmentId: change.id,
            from: previous.status,
            to: change.data.status,
          });
        }
        return;
      }
      case 'learningPlanItem': {
        const d = change.data;
        statements.upsertLearningPlanItem.run(d.id, d.crd, d.category, d.element, d.title, d.dueDate, d.completedDate);
        return;
      }
      case 'agreementVersion': {
        const d = change.data;
        statements.upsertAgreement.run(d.id, d.kind, d.version, d.language, d.text, d.effectiveFrom);
        return;
      }
      case 'note':
        review.note(change.data);
        return;
      case 'mark':
        review.mark(change.data);
        return;
    }
  }

  apply.immediate();
  return { applied: page.changes.length, flagsRaised };
}

const cache = new WeakMap<BetterSqlite3.Database, ReturnType<typeof build>>();
function prepare(db: BetterSqlite3.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = build(db)));
  return s;
}

function build(db: BetterSqlite3.Database) {
  return {
    remove: {
      individual: db.prepare(`DELETE FROM individual WHERE crd = ?`),
      enrollment: db.prepare(`DELETE FROM enrollment WHERE id = ?`),
      learningPlanItem: db.prepare(`DELETE FROM learning_plan_item WHERE id = ?`),
      agreementVersion: db.prepare(`DELETE FROM agreement_version WHERE id = ?`),
    },
    eligibleCategories: db.prepare(
      `SELECT r.category FROM registration r JOIN individual i ON i.id = r.individual_id WHERE i.crd = ? AND r.eligible = 1`,
    ),
    enrollmentStatus: db.prepare(`SELECT status FROM enrollment WHERE id = ?`),
    recentlyViewed: db.prepare(`SELECT 1 FROM audit_event WHERE action = 'individual.viewed' AND entity_id = ? AND at >= ? LIMIT 1`),
    upsertLearningPlanItem: db.prepare(
      `INSERT INTO learning_plan_item (id, crd, category, element, title, due_date, completed_date) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET crd = excluded.crd, category = excluded.category, element = excluded.element,
         title = excluded.title, due_date = excluded.due_date, completed_date = excluded.completed_date`,
    ),
    upsertAgreement: db.prepare(
      `INSERT INTO agreement_version (id, kind, version, language, text, effective_from) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, version = excluded.version, language = excluded.language,
         text = excluded.text, effective_from = excluded.effective_from`,
    ),
    pendingContactEdits: db.prepare(`SELECT payload FROM outbox WHERE type = 'individual.updateContact' AND status IN ('pending', 'failed') AND payload LIKE ? ORDER BY rowid`),
    raiseFlag: db.prepare(`INSERT INTO review_flag (crd, kind, message, details, raised_at) VALUES (?, ?, ?, ?, ?)`),
  };
}
