/**
 * Every procedure of the console, declared once: name (`domain.verb`), input and output schemas, who may call it,
 * and whether it writes (mutations and audited reads run in one transaction with their audit event).
 */
import { z } from 'zod';
import { ADMIN_ONLY, ANY_STAFF, ROLES, SUPERVISION, type Access } from './roles';
import { syncStatus } from './events';
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
  'audit.verify': def({ access: SUPERVISION, writes: true, input: z.object({}).strict(), output: verifyReport }),
  'audit.recent': def({
    access: SUPERVISION,
    writes: true,
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(auditEventView),
  }),
  'sync.status': def({ access: ANY_STAFF, writes: false, input: z.object({}).strict(), output: syncStatus }),
  /** Starts a sync pass now (it runs in the background; progress comes as sync.status events). */
  'sync.now': def({ access: ANY_STAFF, writes: false, input: z.object({}).strict(), output: syncStatus }),
  /** Puts parked (failed) outbox rows back in the queue: nothing is ever dropped, a person decides to retry. */
  'sync.retryFailed': def({ access: SUPERVISION, writes: true, input: z.object({}).strict(), output: z.object({ requeued: z.number().int() }) }),
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
