/** The pure MQP domain: no I/O, no clock — every function takes the date it judges on. */
export * from './dates';
export * from './mqp-conventions';
export { evaluateEligibility, isSie } from './eligibility/evaluate-eligibility';
export { resolveWindow, terminationGroup, type ResolvedWindow, type TerminationGroup, type WindowStatus } from './eligibility/enrollment-window';
export { finproAccountStatus, type FinproAccountStatus } from './finpro-account';
export { generateDemoIndividuals, demoCrd, MAX_DEMO_COUNT } from './demo/generate-demo-individuals';
