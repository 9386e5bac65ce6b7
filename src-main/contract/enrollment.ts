/**
 * The assisted enrollment journey (MQP-RULES §3): the draft an agent walks a caller through, its steps, the
 * consent evidence and the payment attempt. Card data appears only in `cardEntry`, which the backend passes to
 * the central service's tokenizer and never stores, logs, audits or queues (DESIGN §5).
 */
import { z } from 'zod';
import { address, isoDate } from './schemas';

export const ENROLLMENT_STEPS = ['program', 'contact', 'qualifications', 'payment', 'confirmation', 'status'] as const;
export const enrollmentStep = z.enum(ENROLLMENT_STEPS);
export type EnrollmentStep = z.infer<typeof enrollmentStep>;

export const language = z.enum(['en', 'es']);
export type Language = z.infer<typeof language>;

export const agreementKind = z.enum(['terms', 'payment']);
export type AgreementKind = z.infer<typeof agreementKind>;

/** A versioned text the agent reads or the caller accepts. */
export const versionedText = z.object({ id: z.string(), version: z.string(), language, title: z.string(), text: z.string() });
export type VersionedText = z.infer<typeof versionedText>;

export const acceptance = z.object({ version: z.string(), language, acceptedAt: z.string(), staffId: z.number().int(), scriptVersion: z.string() });

export const paymentLock = z.object({
  crd: z.string(),
  abandonedAt: z.string(),
  lockedUntil: z.string(),
  /** Seconds left when this view was made; the console counts down from here. */
  secondsLeft: z.number().int(),
  abandonedBy: z.string(),
  reason: z.string(),
});
export type PaymentLock = z.infer<typeof paymentLock>;

export const paymentAttemptView = z.object({
  key: z.string(),
  method: z.enum(['card-token', 'payment-link']).nullable(),
  status: z.enum(['started', 'submitted', 'abandoned', 'failed']),
  brand: z.string().nullable(),
  last4: z.string().nullable(),
  amountUsd: z.number(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
});

export const enrollmentDraftView = z.object({
  id: z.string(),
  crd: z.string(),
  /** 'new': the full flow; 'add': Enroll Now for an additional category (a shorter flow). */
  kind: z.enum(['new', 'add']),
  step: enrollmentStep,
  /** open: being worked; submitted: payment sent (see enrollment); closed: finished or cancelled. */
  state: z.enum(['open', 'submitted', 'closed']),
  language,
  contactConfirmed: z.boolean(),
  emailWarning: z.string().nullable(),
  categories: z.array(z.string()),
  feeUsd: z.number().nullable(),
  feeBasis: z.string().nullable(),
  agreements: z.object({ terms: acceptance.nullable(), payment: acceptance.nullable() }),
  attempt: paymentAttemptView.nullable(),
  enrollmentId: z.string().nullable(),
  confirmationNumber: z.string().nullable(),
  /** The central service's status of the enrollment, with the time it was last known. */
  enrollmentStatus: z.string().nullable(),
  statusAsOf: z.string().nullable(),
  statusReason: z.string().nullable(),
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type EnrollmentDraftView = z.infer<typeof enrollmentDraftView>;

export const cardEntry = z.object({
  number: z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits'),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2024).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});

export const contactInput = z.object({
  email: z.string().trim().max(254).pipe(z.email('must be an email address')),
  phone: z.string().trim().max(30).nullable(),
  address,
});

export const learningPlanView = z.object({
  category: z.string(),
  element: z.enum(['regulatory', 'practical']),
  title: z.string(),
  dueDate: isoDate,
  completedDate: isoDate.nullable(),
});

export const enrollmentRecordView = z.object({
  id: z.string(),
  categories: z.array(z.string()),
  status: z.string(),
  statusReason: z.string().nullable(),
  statusAt: z.string(),
  confirmationNumber: z.string().nullable(),
  feeUsd: z.number(),
});

export const mqpSection = z.object({
  crd: z.string(),
  draft: enrollmentDraftView.nullable(),
  lock: paymentLock.nullable(),
  enrollments: z.array(enrollmentRecordView),
  enrolledCategories: z.array(z.string()),
  /** Eligible categories not yet enrolled: Enroll Now. */
  eligibleToAdd: z.array(z.string()),
  learningPlan: z.array(learningPlanView),
  asOf: z.string(),
});
export type MqpSection = z.infer<typeof mqpSection>;

export const CALL_DISPOSITIONS = ['enrolled', 'payment-pending', 'not-eligible', 'call-back', 'declined-to-enroll', 'referred-evep', 'other'] as const;
export const callDisposition = z.enum(CALL_DISPOSITIONS);

export const timelineEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  staff: z.string().nullable(),
  action: z.string(),
  details: z.unknown(),
});
