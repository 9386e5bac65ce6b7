/** The reference central service (DESIGN §4): the executable specification of src-main/contract/central-api.ts. */
export { startCentral, DEFAULT_SETTLE_MS, type CentralOptions, type RunningCentral } from './start-central';
export { faultConfig, type FaultConfig } from './services/faults';
export { TEST_CARDS } from './services/payments/card-vault';
export { MIN_TOKEN_LENGTH } from './services/station-tokens';
