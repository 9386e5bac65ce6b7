/**
 * What supervisors see (issue 6): the dashboard and the records behind every number, an enrollment's audit trail
 * with the chain status of each event, the review queue with its automatic flags and decisions, exports and the
 * local retention of audit events. Only supervisors and admins call these; every call is itself audited.
 */
import { z } from 'zod';
import { isoDate } from './schemas';

/** A date range in America/New_York calendar days, both ends included. */
export const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'must not end before it starts', path: ['to'] });

/** A dashboard shows at most a year (one bar per day). */
export const MAX_RANGE_DAYS = 366;

export const dashboardFilter = z
  .object({
    from: isoDate,
    to: isoDate,
    /** One agent's work only; null for everyone. */
    staffId: z.number().int().positive().nullable().default(null),
    /** "Payment Pending older than N hours". */
    pendingOlderThanHours: z.number().int().min(1).max(24 * 90).default(48),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be before the start date', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `must be at most ${MAX_RANGE_DAYS} days after the start date`,
    path: ['to'],
  });
export type DashboardFilter = z.output<typeof dashboardFilter>;

/** The numbers a supervisor can click through to the records behind them. */
export const DASHBOARD_METRICS = ['enrollments', 'enrolledCalls', 'declines', 'abandoned', 'pendingOverdue'] as const;
export const dashboardMetric = z.enum(DASHBOARD_METRICS);
export type DashboardMetric = z.infer<typeof dashboardMetric>;

export const dashboardSummary = z.object({
  asOf: z.string(),
  /** Every staff member who has worked an enrollment, for the agent filter. */
  agents: z.array(z.object({ id: z.number().int(), name: z.string() })),
  totals: z.record(dashboardMetric, z.number().int()),
  perDay: z.array(z.object({ date: isoDate, count: z.number().int() })),
  perAgent: z.array(z.object({ staffId: z.number().int(), name: z.string(), count: z.number().int() })),
  perStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  /** Average seconds an enrollment stayed on each step, from the step events of the audit trail. */
  stepDurations: z.array(z.object({ step: z.string(), averageSeconds: z.number(), samples: z.number().int() })),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

/** Narrows a metric's records to one bar of a chart. */
export const dashboardSlice = z
  .object({ date: isoDate.optional(), staffId: z.number().int().optional(), status: z.string().max(40).optional() })
  .strict();

export const dashboardRecord = z.object({
  draftId: z.string().nullable(),
  crd: z.string(),
  name: z.string(),
  staff: z.string(),
  at: z.string(),
  status: z.string(),
  detail: z.string(),
});
export type DashboardRecord = z.infer<typeof dashboardRecord>;

/** An event of an enrollment's trail, with what it changed and whether its chain link holds. */
export const trailEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  staff: z.string().nullable(),
  stationId: z.string(),
  action: z.string(),
  details: z.unknown(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  prevHash: z.string(),
  hash: z.string(),
  /** ok: the event's hash and its link to the event before it recompute; broken: they do not. */
  chain: z.enum(['ok', 'broken']),
});
export type TrailEvent = z.infer<typeof trailEvent>;

export const REVIEW_FLAGS = ['firm-email', 'late-in-window', 'repeated-abandonment', 'pending-overdue', 'contact-after-consent'] as const;
export const reviewFlagKind = z.enum(REVIEW_FLAGS);
export type ReviewFlagKind = z.infer<typeof reviewFlagKind>;
export const reviewFlag = z.object({ kind: reviewFlagKind, message: z.string() });

export const reviewDecision = z.object({
  decision: z.enum(['approved', 'follow-up']),
  note: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});

export const reviewItem = z.object({
  draftId: z.string(),
  crd: z.string(),
  name: z.string(),
  categories: z.array(z.string()),
  agent: z.string(),
  submittedAt: z.string(),
  status: z.string().nullable(),
  confirmationNumber: z.string().nullable(),
  flags: z.array(reviewFlag),
  decision: reviewDecision.nullable(),
  /** The signed-in supervisor worked this enrollment, so may not review it. */
  own: z.boolean(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const agreementEvidence = z.object({
  kind: z.enum(['terms', 'payment']),
  version: z.string(),
  language: z.string(),
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  scriptVersion: z.string(),
  title: z.string(),
  /** The text of that version, as the caller heard it. */
  text: z.string(),
});

export const enrollmentTrail = z.object({
  item: reviewItem,
  feeUsd: z.number().nullable(),
  consent: z.array(agreementEvidence),
  scripts: z.array(z.object({ step: z.string(), version: z.string(), at: z.string() })),
  attempts: z.array(
    z.object({
      key: z.string(),
      method: z.string().nullable(),
      status: z.string(),
      token: z.string().nullable(),
      brand: z.string().nullable(),
      last4: z.string().nullable(),
      amountUsd: z.number(),
      startedAt: z.string(),
      submittedAt: z.string().nullable(),
      failureReason: z.string().nullable(),
      staff: z.string(),
    }),
  ),
  decisions: z.array(reviewDecision),
  events: z.array(trailEvent),
  /** The chain from this enrollment's first event to its last, every link in between recomputed. */
  chain: z.object({ ok: z.boolean(), checked: z.number().int(), firstBroken: z.object({ seq: z.number().int(), problem: z.string() }).nullable() }),
  asOf: z.string(),
});
export type EnrollmentTrail = z.infer<typeof enrollmentTrail>;

/** A file the console offers for download. Binary content is base64. */
export const exportFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /** Audit events in the file. */
  events: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFile>;

export const retentionView = z.object({
  years: z.number().int(),
  /** The first event still kept on this station (older ones were confirmed by the central service and let go). */
  anchor: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
  localEvents: z.number().int(),
  awaitingCentral: z.number().int(),
});
export type RetentionView = z.infer<typeof retentionView>;
