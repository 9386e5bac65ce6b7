/** The pure MQP domain: no I/O, no clock — every function takes the date it judges on. */
export * from './dates';
export * from './mqp-conventions';
export { evaluateEligibility, isSie } from './eligibility/evaluate-eligibility';
export { resolveWindow, terminationGroup, type ResolvedWindow, type TerminationGroup, type WindowStatus } from './eligibility/enrollment-window';
export { finproAccountStatus, type FinproAccountStatus } from './finpro-account';
export { generateDemoIndividuals, demoCrd, MAX_DEMO_COUNT } from './demo/generate-demo-individuals';
export { nextStatus, ENROLLMENT_STATUSES, BLOCKS_NEW_ENROLLMENT, type EnrollmentStatusName, type EnrollmentEvent, type TransitionResult } from './enrollment/enrollment-status';
export { paymentLockedUntil, lockSecondsLeft, PAYMENT_LOCK_MINUTES } from './enrollment/payment-lock';
export { enrollmentFee, isProgramYearPaid, type FeeDecision } from './enrollment/enrollment-fee';
export { firmEmailWarning, emailDomain } from './contact/personal-email';
export { stepRefusal, type JourneyStep, type DraftFacts } from './enrollment/journey-steps';
