/// <reference types="vite/client" />

interface Window {
  /** Present only under Electron: the frozen object the preload exposes (DESIGN §2). */
  readonly mqp?: import('./src/api/bridge').MqpBridge;
}
