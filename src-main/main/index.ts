/**
 * Electron main process: app lifecycle only (DESIGN §7). The backend runs in a worker thread; every security
 * decision is a pure function in ./policies, wired here.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BackendOptions } from '../backend/api';
import { MQP_EVENT_CHANNEL, MQP_RPC_CHANNEL } from '../contract/bridge';
import { createAppProtocolHandler } from './app-protocol-handler';
import { hardenSession, hardenWebContents } from './harden-web-contents';
import { APP_ENTRY_URL, APP_SCHEME } from './policies/app-origin';
import { APP_SCHEME_REGISTRATION } from './policies/app-scheme';
import { buildWindowOptions } from './policies/web-preferences';
import { createRpcRelay } from './rpc-relay';
import { parseShellArgs, type ShellArgs } from './shell-args';
import { createBackendWorkerClient, type BackendWorkerClient } from './worker/backend-client';

// Bundled layout: out/main/index.js, out/main/backend-worker.js, out/preload/index.cjs, out/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'renderer');
const PRELOAD_PATH = path.join(here, '..', 'preload', 'index.cjs');
const WORKER_PATH = path.join(here, 'backend-worker.js');

const openExternal = (url: string) => shell.openExternal(url);

function start(args: ShellArgs): void {
  // Must happen before 'ready'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
  app.enableSandbox();
  if (args.dataDir !== null) {
    // With --data the browser profile (and so the single-instance lock) lives beside that data, not in the
    // shared user-data directory; PII never lands elsewhere.
    app.setPath('userData', path.join(path.resolve(args.dataDir), 'browser-profile'));
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const dataDir = args.dataDir !== null ? path.resolve(args.dataDir) : app.getPath('userData');
  // resources/ (scripts, agreement texts) ships next to the app's code.
  const backendOptions: BackendOptions = { dataDir, resourcesDir: path.join(app.getAppPath(), 'resources') };
  let mainWindow: BrowserWindow | null = null;
  let backend: BackendWorkerClient | null = null;
  let backendClosed = false;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (backend === null || backendClosed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
    if (args.kiosk) Menu.setApplicationMenu(null);

    const client = createBackendWorkerClient(new Worker(WORKER_PATH, { workerData: backendOptions }));
    backend = client;
    void client.started.then((result) => {
      if (!result.ok) console.error(`MQP Assist: ${result.message}`);
    });
    client.onEvent((event) => {
      if (mainWindow !== null && !mainWindow.isDestroyed()) {
        mainWindow.webContents.send(MQP_EVENT_CHANNEL, { name: event.name, payload: event.payload });
      }
    });
    ipcMain.handle(
      MQP_RPC_CHANNEL,
      createRpcRelay({
        call: (request) => client.call(request),
        trustedWebContentsId: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null),
        warn: (message) => console.warn(message),
      }),
    );

    const window = new BrowserWindow(buildWindowOptions({ preloadPath: PRELOAD_PATH, kiosk: args.kiosk }));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL);
  });
}

let parsed: ShellArgs | null = null;
try {
  parsed = parseShellArgs(process.argv.slice(1));
} catch (error) {
  console.error(`MQP Assist: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(2);
}
if (parsed !== null) start(parsed);
