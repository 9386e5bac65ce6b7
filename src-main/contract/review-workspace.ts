/**
 * Offline review of eligibility records at scale (issue 5): one row per registration (individual × category) with its
 * stored eligibility; filters, facets, keyset pages, worklists; flags and notes that sync; CSV export and file
 * import run as background tasks with progress and cancel.
 */
import { z } from 'zod';
import { enrollmentStatus } from './central-api';
import { eligibilityReason, enrollmentWindow, isoDate, registrationLevel } from './schemas';

/** Enrollment status of a registration's category, or none when it was never enrolled. */
export const workspaceEnrollmentStatus = z.union([enrollmentStatus, z.literal('none')]);

export const workspaceFilter = z
  .object({
    /** Full text over name, e-mail and CRD (FTS5 prefix match). */
    text: z.string().trim().max(100).default(''),
    reasons: z.array(eligibilityReason).max(20).default([]),
    windows: z.array(enrollmentWindow).max(3).default([]),
    categories: z.array(z.string().trim().min(1).max(12)).max(50).default([]),
    levels: z.array(registrationLevel).max(3).default([]),
    states: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code')).max(60).default([]),
    enrollByFrom: isoDate.nullable().default(null),
    enrollByTo: isoDate.nullable().default(null),
    /** "Deadline within N days": enroll-by between today and today + N (New York days). */
    deadlineWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
    enrollmentStatuses: z.array(workspaceEnrollmentStatus).max(8).default([]),
    /** Payment Pending for more than this many hours (the built-in worklist). */
    pendingOverHours: z.number().int().min(1).max(24 * 365).nullable().default(null),
    flagged: z.boolean().nullable().default(null),
    hasNotes: z.boolean().nullable().default(null),
    /** R19: FinPro account without a login for more than 36 months (likely deleted). */
    finproLikelyDeleted: z.boolean().nullable().default(null),
  })
  .strict();
export type WorkspaceFilter = z.output<typeof workspaceFilter>;

export const WORKSPACE_SORT_COLUMNS = [
  'crd', 'name', 'category', 'terminationDate', 'reason', 'window', 'enrollBy', 'reregisterBy', 'enrollmentStatus', 'flags', 'notes',
] as const;
export const workspaceSort = z
  .object({ column: z.enum(WORKSPACE_SORT_COLUMNS).default('enrollBy'), direction: z.enum(['asc', 'desc']).default('asc') })
  .strict();
export type WorkspaceSort = z.output<typeof workspaceSort>;

export const workspaceRow = z.object({
  registrationId: z.number().int(),
  crd: z.string(),
  name: z.string(),
  category: z.string(),
  level: registrationLevel,
  state: z.string(),
  terminationDate: isoDate.nullable(),
  eligible: z.boolean(),
  reason: eligibilityReason,
  window: enrollmentWindow.nullable(),
  enrollBy: isoDate.nullable(),
  /** Days from today (New York) to enroll-by; negative once it passed. */
  daysLeft: z.number().int().nullable(),
  reregisterBy: isoDate.nullable(),
  enrollmentStatus: workspaceEnrollmentStatus,
  flags: z.array(z.string()),
  notes: z.number().int(),
  finproLikelyDeleted: z.boolean(),
});
export type WorkspaceRow = z.infer<typeof workspaceRow>;

export const facetCount = z.object({ value: z.string(), count: z.number().int() });
export const FACETS = ['reason', 'window', 'category', 'level', 'state', 'enrollmentStatus', 'flagged', 'hasNotes', 'finproLikelyDeleted'] as const;
export const workspaceFacets = z.object({
  total: z.number().int(),
  /** Per facet, the counts of its values under every *other* active filter (so a choice shows its alternatives). */
  facets: z.record(z.enum(FACETS), z.array(facetCount)),
  asOf: z.string(),
});
export type WorkspaceFacets = z.infer<typeof workspaceFacets>;

/** A selection for bulk actions and exports: listed registrations, or everything a filter matches. */
export const workspaceTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selection'), registrationIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  z.object({ kind: z.literal('filter'), filter: workspaceFilter }).strict(),
]);

export const worklist = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  filter: workspaceFilter,
  sort: workspaceSort,
});
export type Worklist = z.infer<typeof worklist>;

export const FLAG_KINDS = ['follow-up', 'data-issue', 'call-back', 'escalate'] as const;
export const flagKind = z.enum(FLAG_KINDS);

/** A note on an individual, or on one of their registrations (category). */
export const noteView = z.object({
  id: z.string(),
  crd: z.string(),
  category: z.string().nullable(),
  text: z.string(),
  /** The central service's version this text builds on (0: never synced). */
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** Waiting in the outbox for the central service. */
  pending: z.boolean(),
  /** Another station changed the same note: its text, kept next to ours until a person resolves it. */
  conflict: z.object({ text: z.string(), stationId: z.string(), updatedAt: z.string(), version: z.number().int() }).nullable(),
});
export type NoteView = z.infer<typeof noteView>;

/** A background task (export, import): its state for the console's progress bar. */
export const taskView = z.object({
  id: z.string(),
  kind: z.enum(['export', 'import']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int().nullable(),
  message: z.string().nullable(),
  startedAt: z.string(),
});
export type TaskView = z.infer<typeof taskView>;

/** One problem of an import file, named by line and field. */
export const importProblem = z.object({ line: z.number().int(), field: z.string().nullable(), problem: z.string() });

export const importFormat = z.enum(['jsonl', 'csv']);
export const noteText = z.string().trim().min(1, 'is required').max(20_000);
