/**
 * The wire protocol between a station and the central service (DESIGN §4). `src-central` implements it; the
 * station's sync engine (src-main/backend/sync) speaks it. Every request carries `Authorization: Bearer <station token>`.
 *
 *   GET  /v1/changes?cursor=&limit=   → ChangesPage     (pull; cursor issued by the server, opaque to stations)
 *   POST /v1/commands                 → CommandResults  (push; deduplicated by each command's idempotency key)
 *   POST /v1/payments/tokenize        → CardToken       (card data in, token out; card data never stored or logged)
 *   POST /v1/payments                 → PaymentAccepted (idempotency key; amount checked against the fee rules)
 *   GET  /v1/health                   → { ok: true, serverTime }
 *   GET  /v1/audit/hashes?stationId=&fromSeq=&limit= → AuditHashes (the central copy of a station's chain)
 */
import { z } from 'zod';
import { individualRecord, isoDate } from './schemas';

export const CHANGES_MAX_LIMIT = 5000;

export const enrollmentStatus = z.enum(['draft', 'payment_pending', 'payment_failed', 'enrolled', 'removed', 'ended']);
export type EnrollmentStatus = z.infer<typeof enrollmentStatus>;

export const enrollmentRecord = z.object({
  id: z.string(),
  crd: z.string(),
  categories: z.array(z.string()).min(1),
  window: z.enum(['standard', 'first', 'second']),
  status: enrollmentStatus,
  /** Why removed/ended/failed: ce_not_completed, disqualified, reregistered, max_term, card_declined, … */
  statusReason: z.string().nullable(),
  statusAt: z.string(),
  confirmationNumber: z.string().nullable(),
  feeUsd: z.number(),
  stationId: z.string().nullable(),
  staffId: z.number().int().nullable(),
});
export type EnrollmentRecord = z.infer<typeof enrollmentRecord>;

export const learningPlanItem = z.object({
  id: z.string(),
  crd: z.string(),
  category: z.string(),
  element: z.enum(['regulatory', 'practical']),
  title: z.string(),
  dueDate: isoDate,
  completedDate: isoDate.nullable(),
});
export type LearningPlanItem = z.infer<typeof learningPlanItem>;

export const agreementVersion = z.object({
  id: z.string(),
  kind: z.enum(['terms', 'payment']),
  version: z.string(),
  language: z.enum(['en', 'es']),
  text: z.string(),
  effectiveFrom: isoDate,
});
export type AgreementVersion = z.infer<typeof agreementVersion>;

/**
 * A reviewer's note on an individual (`category` '') or on one of their registrations (issue 5). `version` is the
 * central service's counter for the note; `updatedBy` is the writer's display name at their station.
 */
export const reviewNoteRecord = z.object({
  id: z.string(),
  crd: z.string(),
  category: z.string(),
  text: z.string(),
  version: z.number().int(),
  stationId: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReviewNoteRecord = z.infer<typeof reviewNoteRecord>;

/** A review flag on an individual (`category` '') or a registration; flags from every station merge. */
export const reviewMarkRecord = z.object({
  crd: z.string(),
  category: z.string(),
  flag: z.string(),
  stationId: z.string(),
  setBy: z.string().nullable(),
  setAt: z.string(),
});
export type ReviewMarkRecord = z.infer<typeof reviewMarkRecord>;

/** The change-feed id of a flag: `crd/category/flag` (category may be empty; a CRD and a flag never hold '/'). */
export function reviewMarkId(mark: { crd: string; category: string; flag: string }): string {
  return `${mark.crd}/${mark.category}/${mark.flag}`;
}

export function parseReviewMarkId(id: string): { crd: string; category: string; flag: string } {
  const first = id.indexOf('/');
  const last = id.lastIndexOf('/');
  if (first < 0 || last === first) throw new Error(`"${id}" is not a review flag id (crd/category/flag)`);
  return { crd: id.slice(0, first), category: id.slice(first + 1, last), flag: id.slice(last + 1) };
}

/**
 * One change in the pull stream. `delete` is an explicit tombstone: stations never infer deletion from absence.
 * Discriminated first by `op`, then by `kind` (zod 4 refuses one union keyed by `kind` alone: `individual` would
 * appear twice, as an upsert and as a delete).
 */
export const change = z.discriminatedUnion('op', [
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('individual'),
      op: z.literal('upsert'),
      id: z.string(),
      data: individualRecord,
      /** The server's version of the record: send it back as `baseUpdatedAt` with `individual.updateContact`. */
      updatedAt: z.string().optional(),
    }),
    z.object({ kind: z.literal('enrollment'), op: z.literal('upsert'), id: z.string(), data: enrollmentRecord }),
    z.object({ kind: z.literal('learningPlanItem'), op: z.literal('upsert'), id: z.string(), data: learningPlanItem }),
    z.object({ kind: z.literal('agreementVersion'), op: z.literal('upsert'), id: z.string(), data: agreementVersion }),
    z.object({ kind: z.literal('note'), op: z.literal('upsert'), id: z.string(), data: reviewNoteRecord }),
    z.object({ kind: z.literal('mark'), op: z.literal('upsert'), id: z.string(), data: reviewMarkRecord }),
  ]),
  // Notes are never deleted (their words are kept); an unset flag is a `mark` tombstone.
  z.object({ kind: z.enum(['individual', 'enrollment', 'learningPlanItem', 'agreementVersion', 'mark']), op: z.literal('delete'), id: z.string() }),
]);
export type Change = z.infer<typeof change>;

export const changesPage = z.object({
  changes: z.array(change),
  /** Give this back as `cursor` to continue; stations store it in the same transaction as the applied batch. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
  /** Total changes after the requested cursor (for progress with counts), at the time of the request. */
  remaining: z.number().int(),
});
export type ChangesPage = z.infer<typeof changesPage>;

/** A command a station pushes from its outbox. `key` is the idempotency key (the outbox row id). */
export const command = z.object({
  key: z.string().min(8).max(100),
  type: z.string().min(1).max(64),
  stationId: z.string().min(1),
  /** When the station accepted the change (informational: never used to order anything). */
  createdAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type Command = z.infer<typeof command>;

export const commandBatch = z.object({ commands: z.array(command).min(1).max(500) });

export const commandResult = z.discriminatedUnion('status', [
  z.object({ key: z.string(), status: z.literal('applied') }),
  /** Already applied earlier (a retry): success for the station. */
  z.object({ key: z.string(), status: z.literal('duplicate') }),
  /** Will never apply (bad payload, unknown type, a rule refused it): parked and shown, never retried. */
  z.object({ key: z.string(), status: z.literal('rejected'), reason: z.string() }),
  /** The server row moved since the station's base version: the current row comes back for the conflict policy. */
  z.object({ key: z.string(), status: z.literal('conflict'), reason: z.string(), current: z.unknown() }),
]);
export type CommandResult = z.infer<typeof commandResult>;
export const commandResults = z.object({ results: z.array(commandResult) });

export const tokenizeRequest = z.object({
  cardNumber: z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits'),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});
export const cardToken = z.object({ token: z.string(), brand: z.string(), last4: z.string().length(4) });
export type CardToken = z.infer<typeof cardToken>;

export const paymentRequest = z.object({
  key: z.string().min(8).max(100),
  crd: z.string(),
  categories: z.array(z.string()).min(1),
  amountUsd: z.number(),
  method: z.enum(['card-token', 'payment-link']),
  token: z.string().optional(),
  email: z.string().optional(),
  stationId: z.string(),
  staffId: z.number().int().nullable(),
});
export const paymentAccepted = z.object({
  paymentId: z.string(),
  enrollment: enrollmentRecord,
});

/** Error body of every non-2xx answer. `Retry-After` (seconds) accompanies 429/503. */
export const centralError = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

export const auditHashes = z.object({
  stationId: z.string(),
  events: z.array(z.object({ seq: z.number().int(), hash: z.string() })),
});
