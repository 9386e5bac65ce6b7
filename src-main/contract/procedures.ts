/**
 * Every procedure of the console, declared once: name (`domain.verb`), input and output schemas, who may call it,
 * and whether it writes (mutations and audited reads run in one transaction with their audit event).
 */
import { z } from 'zod';
import { ADMIN_ONLY, ANY_STAFF, ROLES, SUPERVISION, type Access } from './roles';
import { syncStatus } from './events';
import {
  callDisposition,
  cardEntry,
  contactInput,
  enrollmentDraftView,
  enrollmentStep,
  language,
  mqpSection,
  paymentLock,
  timelineEvent,
  versionedText,
} from './enrollment';
import {
  dashboardFilter,
  dashboardMetric,
  dashboardRecord,
  dashboardSlice,
  dashboardSummary,
  dateRange,
  enrollmentTrail,
  exportFile,
  retentionView,
  reviewItem,
} from './supervision';
import {
  flagKind,
  importFormat,
  importProblem,
  noteText,
  noteView,
  taskView,
  workspaceFacets,
  workspaceFilter,
  workspaceRow,
  workspaceSort,
  workspaceTarget,
  worklist,
} from './review-workspace';
import { crd, eligibilityInput, eligibilityResult, isoDate, address, registrationLevel, terminationType } from './schemas';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  /** True when the call writes (rows or audit events): it then runs inside one transaction. */
  writes: boolean;
  input: I;
  output: O;
}

const def = <I extends z.ZodType, O extends z.ZodType>(d: ProcedureDef<I, O>) => d;

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,32}$/, 'must be 3–32 letters, digits, dots, dashes or underscores');
const password = z.string().min(10, 'must be at least 10 characters').max(200);
const displayName = z.string().trim().min(1, 'is required').max(100);

export const staffView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
export type StaffView = z.infer<typeof staffView>;

export const searchHit = z.object({
  crd: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  city: z.string(),
  state: z.string(),
  eligibleCount: z.number().int(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const finproAccount = z.object({
  /** R19: credentials are deleted after 36 months without a login. */
  status: z.enum(['active', 'likely-deleted', 'unknown']),
  lastLogin: isoDate.nullable(),
  deletedAfter: isoDate.nullable(),
});

export const registrationView = z.object({
  category: z.string(),
  series: z.string().nullable(),
  level: registrationLevel,
  startDate: isoDate,
  terminationDate: isoDate.nullable(),
  terminationType: terminationType.nullable(),
});

export const individualView = z.object({
  crd: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate.nullable(),
  email: z.string(),
  phone: z.string().nullable(),
  address,
  finproAccount,
  registrations: z.array(registrationView),
  disqualifications: z.array(z.object({ kind: z.string(), date: isoDate })),
  eligibility: eligibilityResult,
  /** Why "Start enrollment" is unavailable, or null when at least one category is eligible. */
  startBlockedReason: z.string().nullable(),
});
export type IndividualView = z.infer<typeof individualView>;

export const auditEventView = z.object({
  seq: z.number().int(),
  at: z.string(),
  staffId: z.number().int().nullable(),
  stationId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});

export const verifyReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
});
export type VerifyReport = z.infer<typeof verifyReport>;

export const procedures = {
  'setup.status': def({
    access: 'public',
    writes: false,
    input: z.object({}).strict(),
    output: z.object({ needsAdmin: z.boolean(), demo: z.boolean(), stationId: z.string() }),
  }),
  'setup.createAdmin': def({
    access: 'public',
    writes: true,
    input: z.object({ username, displayName, password }).strict(),
    output: staffView,
  }),
  'session.signIn': def({
    access: 'public',
    writes: true,
    input: z.object({ username, password: z.string().min(1, 'is required').max(200) }).strict(),
    output: z.object({ token: z.string(), staff: staffView, expiresAt: z.string() }),
  }),
  'session.signOut': def({ access: ANY_STAFF, writes: true, input: z.object({}).strict(), output: z.null() }),
  'session.current': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({}).strict(),
    output: z.object({ staff: staffView, expiresAt: z.string() }),
  }),
  'individual.search': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ query: z.string().trim().min(1, 'is required').max(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ hits: z.array(searchHit) }),
  }),
  /** An audited read: opening an individual's full record writes an audit event. */
  'individual.get': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ crd }).strict(),
    output: individualView,
  }),
  'eligibility.evaluate': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ record: eligibilityInput, asOf: isoDate.optional() }).strict(),
    output: eligibilityResult,
  }),
  'staff.list': def({ access: ADMIN_ONLY, writes: false, input: z.object({}).strict(), output: z.array(staffView) }),
  'staff.create': def({
    access: ADMIN_ONLY,
    writes: true,
    input: z.object({ username, displayName, password, role: z.enum(ROLES) }).strict(),
    output: staffView,
  }),
  /** Recomputes the whole local chain in slices, reporting task.progress ('audit.verify') as it goes. */
  'audit.verify': def({ access: SUPERVISION, writes: false, input: z.object({}).strict(), output: verifyReport }),
  /** DESIGN §6: the local chain against the copy the central service received (catches a recomputed rewrite). */
  'audit.compareWithCentral': def({
    access: SUPERVISION,
    writes: false,
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      compared: z.number().int(),
      notYetAtCentral: z.number().int(),
      firstMismatch: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
    }),
  }),
  'audit.recent': def({
    access: SUPERVISION,
    writes: true,
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(auditEventView),
  }),
  /** An enrollment's whole trail: events with before/after values and chain status, consent, scripts, attempts. */
  'audit.enrollment': def({ access: SUPERVISION, writes: true, input: z.object({ draftId: z.string().min(1) }).strict(), output: enrollmentTrail }),
  /** The enrollment's evidence packet as a PDF: timeline, consent with the agreement texts by version, hashes. */
  'audit.exportPdf': def({ access: SUPERVISION, writes: true, input: z.object({ draftId: z.string().min(1) }).strict(), output: exportFile }),
  /** The audit stream of a date range as JSON lines with the chain hashes (`mqp audit verify --file` re-checks it). */
  'audit.exportJsonl': def({ access: SUPERVISION, writes: true, input: dateRange, output: exportFile }),
  'audit.retention': def({ access: SUPERVISION, writes: true, input: z.object({}).strict(), output: retentionView }),
  /** How long the station keeps events the central service has confirmed; never fewer than SEC 17a-4's six years. */
  'audit.setRetention': def({
    access: ADMIN_ONLY,
    writes: true,
    input: z.object({ years: z.number().int().min(6, 'must be at least 6 (SEC Rule 17a-4)').max(100) }).strict(),
    output: retentionView,
  }),
  'dashboard.summary': def({ access: SUPERVISION, writes: true, input: dashboardFilter, output: dashboardSummary }),
  /** The records behind one dashboard number, or one bar of a chart. */
  'dashboard.records': def({
    access: SUPERVISION,
    writes: true,
    input: z.object({ filter: dashboardFilter, metric: dashboardMetric, slice: dashboardSlice.default({}) }).strict(),
    output: z.object({ rows: z.array(dashboardRecord), total: z.number().int() }),
  }),
  /**
   * Submitted enrollments with their automatic flags and latest supervisor decision. open: awaiting a decision or
   * marked for follow-up; decided: approved.
   */
  'review.queue': def({
    access: SUPERVISION,
    writes: true,
    input: z.object({ state: z.enum(['open', 'decided', 'all']).default('open') }).strict(),
    output: z.object({ items: z.array(reviewItem), asOf: z.string() }),
  }),
  /** A supervisor's decision on an enrollment they did not work themselves; audited like any change. */
  'review.decide': def({
    access: SUPERVISION,
    writes: true,
    input: z
      .object({ draftId: z.string().min(1), decision: z.enum(['approved', 'follow-up']), note: z.string().trim().max(2000).default('') })
      .strict()
      .refine((d) => d.decision !== 'follow-up' || d.note.length > 0, { message: 'is required when the enrollment needs follow-up', path: ['note'] }),
    output: reviewItem,
  }),
  /** Issue 5: a keyset page of registrations; `after` is the opaque cursor of the previous page's last row. */
  'workspace.page': def({
    access: ANY_STAFF,
    writes: false,
    input: z
      .object({ filter: workspaceFilter, sort: workspaceSort.default({ column: 'enrollBy', direction: 'asc' }), after: z.string().max(500).nullable().default(null), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ rows: z.array(workspaceRow), next: z.string().nullable(), asOf: z.string() }),
  }),
  'workspace.facets': def({ access: ANY_STAFF, writes: false, input: z.object({ filter: workspaceFilter }).strict(), output: workspaceFacets }),
  /** The built-in worklists and the signed-in reviewer's saved ones. */
  'worklist.list': def({ access: ANY_STAFF, writes: false, input: z.object({}).strict(), output: z.array(worklist) }),
  'worklist.save': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ name: z.string().trim().min(1, 'is required').max(80), filter: workspaceFilter, sort: workspaceSort.default({ column: 'enrollBy', direction: 'asc' }) }).strict(),
    output: worklist,
  }),
  'worklist.delete': def({ access: ANY_STAFF, writes: true, input: z.object({ id: z.string().min(1) }).strict(), output: z.null() }),
  /** Flags a selection or a whole filter (bulk); offline, synced through the outbox; flags from stations merge. */
  'flag.set': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ target: workspaceTarget, flag: flagKind, on: z.boolean() }).strict(),
    output: z.object({ changed: z.number().int() }),
  }),
  'note.list': def({ access: ANY_STAFF, writes: false, input: z.object({ crd }).strict(), output: z.array(noteView) }),
  /** A new note (id null) or an edit; offline, synced through the outbox. */
  'note.save': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ id: z.string().min(1).max(100).nullable().default(null), crd, category: z.string().trim().min(1).max(12).nullable().default(null), text: noteText }).strict(),
    output: noteView,
  }),
  /** A person settles a conflict: the text to keep (either version, or both merged). */
  'note.resolve': def({ access: ANY_STAFF, writes: true, input: z.object({ id: z.string().min(1).max(100), text: noteText }).strict(), output: noteView }),
  /** CSV (RFC 4180, UTF-8, optional BOM) of a selection or a filter, written in the background; audited. */
  'export.start': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ target: workspaceTarget, sort: workspaceSort.default({ column: 'enrollBy', direction: 'asc' }), bom: z.boolean().default(false) }).strict(),
    output: taskView,
  }),
  /** The finished export, a slice at a time (the console assembles the download). */
  'export.chunk': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ taskId: z.string().min(1), offset: z.number().int().min(0) }).strict(),
    output: z.object({ fileName: z.string(), data: z.string(), nextOffset: z.number().int().nullable() }),
  }),
  /** An import file arrives in slices from the console; nothing is validated or written until import.start. */
  'import.begin': def({
    access: SUPERVISION,
    writes: false,
    input: z.object({ fileName: z.string().trim().min(1).max(255), format: importFormat }).strict(),
    output: z.object({ uploadId: z.string() }),
  }),
  'import.append': def({
    access: SUPERVISION,
    writes: false,
    input: z.object({ uploadId: z.string().min(1), chunk: z.string().max(4 * 1024 * 1024) }).strict(),
    output: z.object({ bytes: z.number().int() }),
  }),
  /** Validates the whole file, then imports it all in one transaction — or nothing, with the validation report. */
  'import.start': def({ access: SUPERVISION, writes: true, input: z.object({ uploadId: z.string().min(1) }).strict(), output: taskView }),
  'task.get': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ taskId: z.string().min(1) }).strict(),
    output: taskView.extend({ problems: z.array(importProblem), inserted: z.number().int().nullable(), updated: z.number().int().nullable(), rows: z.number().int().nullable() }),
  }),
  'task.cancel': def({ access: ANY_STAFF, writes: false, input: z.object({ taskId: z.string().min(1) }).strict(), output: taskView }),
  'sync.status': def({ access: ANY_STAFF, writes: false, input: z.object({}).strict(), output: syncStatus }),
  /** Starts a sync pass now (it runs in the background; progress comes as sync.status events). */
  'sync.now': def({ access: ANY_STAFF, writes: false, input: z.object({}).strict(), output: syncStatus }),
  /** Settings: points the station at a central service (checked by a health call first). The token is never shown again. */
  'sync.configure': def({
    access: ADMIN_ONLY,
    writes: false,
    input: z
      .object({
        url: z.string().trim().url('must be a URL such as https://central.example.org/').refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://'),
        token: z.string().trim().min(8, 'must be the station token the central service issued (8 characters or more)').max(200),
      })
      .strict(),
    output: syncStatus,
  }),
  /** Puts parked (failed) outbox rows back in the queue: nothing is ever dropped, a person decides to retry. */
  'sync.retryFailed': def({ access: SUPERVISION, writes: true, input: z.object({}).strict(), output: z.object({ requeued: z.number().int() }) }),
  /** The scripts the agent reads at each step and the agreement texts, by version, in the caller's language. */
  'enrollment.texts': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ language }).strict(),
    output: z.object({ scripts: z.record(z.string(), versionedText), agreements: z.object({ terms: versionedText, payment: versionedText }) }),
  }),
  /** The MQP section of an individual: enrollments, learning plan, eligible categories to add, draft and lock. */
  'enrollment.section': def({ access: ANY_STAFF, writes: false, input: z.object({ crd }).strict(), output: mqpSection }),
  /** Starts (or resumes — also another agent's, after a handoff) the enrollment draft of an individual. */
  'enrollment.open': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ crd, kind: z.enum(['new', 'add']).default('new'), language: language.default('en') }).strict(),
    output: enrollmentDraftView,
  }),
  'enrollment.get': def({ access: ANY_STAFF, writes: false, input: z.object({ draftId: z.string() }).strict(), output: enrollmentDraftView }),
  /** Back / Continue / Back to Home: moves to a step whose earlier steps are complete; records the script shown. */
  'enrollment.goTo': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ draftId: z.string(), step: enrollmentStep, scriptVersion: z.string() }).strict(),
    output: enrollmentDraftView,
  }),
  'enrollment.saveContact': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ draftId: z.string(), contact: contactInput }).strict(),
    output: enrollmentDraftView,
  }),
  /** Step 3: the categories to enroll and both agreements accepted, each with its version: the consent evidence. */
  'enrollment.chooseQualifications': def({
    access: ANY_STAFF,
    writes: true,
    input: z
      .object({
        draftId: z.string(),
        categories: z.array(z.string()).min(1, 'choose at least one category'),
        termsVersion: z.string().min(1),
        paymentAgreementVersion: z.string().min(1),
        termsAccepted: z.literal(true, 'the MQP Terms and Conditions must be accepted'),
        paymentAgreementAccepted: z.literal(true, 'the MQP Payment Agreement must be accepted'),
        scriptVersion: z.string(),
      })
      .strict(),
    output: enrollmentDraftView,
  }),
  /** The payment page is shown: a new attempt with its own idempotency key (refused while R22's lock runs). */
  'enrollment.startPayment': def({ access: ANY_STAFF, writes: true, input: z.object({ draftId: z.string() }).strict(), output: enrollmentDraftView }),
  /** R22: the payment page was left unsubmitted — a 60-minute lock for the individual, visible to every agent. */
  'enrollment.abandonPayment': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ draftId: z.string(), reason: z.enum(['navigated-away', 'closed', 'idle-lock', 'signed-out', 'back']) }).strict(),
    output: paymentLock,
  }),
  /** Needs the central service. The card goes to its tokenizer only; the station keeps token, brand and last 4. */
  'enrollment.submitPayment': def({
    access: ANY_STAFF,
    writes: false,
    input: z.discriminatedUnion('method', [
      // `card` may be left out when the attempt already holds a token (a resubmission after a crash or timeout).
      z.object({ draftId: z.string(), attemptKey: z.string(), method: z.literal('card-token'), card: cardEntry.optional() }).strict(),
      z.object({ draftId: z.string(), attemptKey: z.string(), method: z.literal('payment-link') }).strict(),
    ]),
    output: enrollmentDraftView,
  }),
  /** Pulls the latest status from the central service (Payment Pending → Enrolled or failed). */
  'enrollment.refreshStatus': def({ access: ANY_STAFF, writes: false, input: z.object({ draftId: z.string() }).strict(), output: enrollmentDraftView }),
  /** After a decline: back to the payment step for a new attempt. */
  'enrollment.retryPayment': def({ access: ANY_STAFF, writes: true, input: z.object({ draftId: z.string() }).strict(), output: enrollmentDraftView }),
  'enrollment.timeline': def({ access: ANY_STAFF, writes: true, input: z.object({ crd }).strict(), output: z.array(timelineEvent) }),
  'call.addNote': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ crd, text: z.string().trim().min(1, 'is required').max(4000) }).strict(),
    output: z.object({ id: z.string(), at: z.string() }),
  }),
  'call.notes': def({
    access: ANY_STAFF,
    writes: false,
    input: z.object({ crd }).strict(),
    output: z.array(z.object({ id: z.string(), at: z.string(), staff: z.string(), text: z.string() })),
  }),
  'call.wrapUp': def({
    access: ANY_STAFF,
    writes: true,
    input: z.object({ crd, disposition: callDisposition, draftId: z.string().nullable().default(null) }).strict(),
    output: z.object({ at: z.string() }),
  }),
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcedureInput<P extends ProcedureName> = z.input<Procedures[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Procedures[P]['output']>;

export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];

/** What a transport carries from the renderer to the backend. */
export interface RpcRequest {
  procedure: string;
  input: unknown;
  sessionToken?: string | null;
}
