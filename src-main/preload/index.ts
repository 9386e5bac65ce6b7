/**
 * Sandboxed preload: exposes one narrow, frozen `window.mqp` (DESIGN §2, §7). The renderer never sees
 * ipcRenderer or an IPC event object; only known procedure names are sent.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { MQP_EVENT_CHANNEL, MQP_RPC_CHANNEL, type MqpBridge, type MqpEventListener } from '../contract/bridge';
import { createBridge } from './bridge';

const bridge: MqpBridge = createBridge({
  invoke: (payload) => ipcRenderer.invoke(MQP_RPC_CHANNEL, payload),
  subscribe: (handler) => {
    const onMessage = (_event: unknown, message: unknown) => handler(message);
    ipcRenderer.on(MQP_EVENT_CHANNEL, onMessage);
    return () => void ipcRenderer.removeListener(MQP_EVENT_CHANNEL, onMessage);
  },
});

contextBridge.exposeInMainWorld('mqp', bridge);

export type { MqpBridge, MqpEventListener };
