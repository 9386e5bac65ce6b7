/**
 * Data shapes shared by the renderer, the backend, the CLI and import files.
 * MQP-RULES.md §1 (entities) and §4 (the eligibility JSON interface).
 */
import { z } from 'zod';

/** A calendar date without time, YYYY-MM-DD, that exists on the calendar. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'is not a real calendar date');

/** CRD number (decision): 1–8 digits, not all zeros; leading zeros are not significant. */
export const crd = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .refine((s) => /^\d{1,20}$/.test(s), 'must be digits only')
  .refine((s) => !/^0+$/.test(s), 'must not be all zeros')
  .transform((s) => s.replace(/^0+/, ''))
  .refine((s) => s.length <= 8, 'must be at most 8 digits (leading zeros aside)');

export const registrationLevel = z.enum(['representative', 'principal', 'state']);
export const terminationType = z.enum(['full', 'partial']);

export const registrationInput = z.object({
  category: z.string().trim().regex(/^[A-Z0-9]{2,4}$/, 'must be a category code such as GS or GP'),
  series: z.string().trim().max(8).nullish(),
  level: registrationLevel,
  startDate: isoDate,
  terminationDate: isoDate.nullish(),
  terminationType: terminationType.nullish(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const disqualificationInput = z.object({
  kind: z.enum(['statutory', 'ce-inactive-2y']),
  date: isoDate,
});
export type DisqualificationInput = z.infer<typeof disqualificationInput>;

/** §4 input: one individual's record as the evaluator needs it. */
export const eligibilityInput = z.object({
  crd,
  registrations: z.array(registrationInput),
  disqualifications: z.array(disqualificationInput).default([]),
});
export type EligibilityInput = z.infer<typeof eligibilityInput>;

export const ELIGIBILITY_REASONS = [
  'ELIGIBLE',
  'STILL_REGISTERED',
  'STATE_REGISTRATION',
  'TENURE_UNDER_ONE_YEAR',
  'STATUTORY_DISQUALIFICATION',
  'CE_INACTIVE',
  'TERMINATED_BEFORE_PROGRAM',
  'WINDOW_NOT_OPEN',
  'WINDOW_CLOSED',
] as const;
export const eligibilityReason = z.enum(ELIGIBILITY_REASONS);
export type EligibilityReason = z.infer<typeof eligibilityReason>;

export const enrollmentWindow = z.enum(['standard', 'first', 'second']);
export type EnrollmentWindow = z.infer<typeof enrollmentWindow>;

export const traceStep = z.object({
  rule: z.string(),
  passed: z.boolean(),
  detail: z.record(z.string(), z.unknown()),
});
export type TraceStep = z.infer<typeof traceStep>;

export const qualification = z.object({
  category: z.string(),
  eligible: z.boolean(),
  reason: eligibilityReason,
  window: enrollmentWindow.nullable(),
  enrollBy: isoDate.nullable(),
  reregisterBy: isoDate.nullable(),
  feeUsd: z.number().nullable(),
  trace: z.array(traceStep),
});
export type Qualification = z.infer<typeof qualification>;

/** §4 output. */
export const eligibilityResult = z.object({
  crd: z.string(),
  asOf: isoDate,
  qualifications: z.array(qualification),
});
export type EligibilityResult = z.infer<typeof eligibilityResult>;

/** US state / territory postal codes accepted for a US residential address. */
export const US_STATES = [
  'AL','AK','AZ','AR','CA','CO','CT','DE','DC','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA','ME','MD','MA','MI',
  'MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA','RI','SC','SD','TN','TX','UT','VT',
  'VA','WA','WV','WI','WY','PR','GU','VI','AS','MP',
] as const;

export const address = z
  .object({
    street: z.string().trim().min(1, 'is required').max(200),
    city: z.string().trim().min(1, 'is required').max(100),
    state: z.string().trim().max(50).default(''),
    zip: z.string().trim().max(20).default(''),
    country: z.string().trim().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'),
  })
  .superRefine((a, ctx) => {
    if (a.country !== 'US') return;
    if (!(US_STATES as readonly string[]).includes(a.state)) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'must be a US state code such as NY' });
    }
    if (!/^\d{5}(-\d{4})?$/.test(a.zip)) {
      ctx.addIssue({ code: 'custom', path: ['zip'], message: 'must be a US ZIP code: 5 digits, or ZIP+4' });
    }
  });
export type Address = z.infer<typeof address>;

/** One individual as imported (demo-data lines, import files): §4 input plus contact fields. */
export const individualRecord = eligibilityInput.extend({
  firstName: z.string().trim().min(1, 'is required').max(100),
  lastName: z.string().trim().min(1, 'is required').max(100),
  dateOfBirth: isoDate.nullish(),
  email: z.string().trim().max(254).pipe(z.email('must be an email address')),
  phone: z.string().trim().max(30).nullish(),
  address: address,
  finproLastLogin: isoDate.nullish(),
  firmDomains: z.array(z.string().trim().toLowerCase()).default([]),
});
export type IndividualRecord = z.infer<typeof individualRecord>;
