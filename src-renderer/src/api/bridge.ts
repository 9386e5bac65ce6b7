/** The shape of `window.mqp`, the object the Electron preload exposes; declared once in the contract. */
export type { MqpBridge } from '../../../src-main/contract/bridge';
