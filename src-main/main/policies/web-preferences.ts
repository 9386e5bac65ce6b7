/**
 * The main window's options. Electron security checklist: isolation, sandbox, no Node in any renderer, web
 * security on, no <webview>, no insecure content; dev tools off in kiosk mode (DESIGN §7).
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowSettings {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  kiosk: boolean;
}

export function buildWebPreferences({ preloadPath, kiosk }: WindowSettings): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !kiosk,
  };
}

export function buildWindowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'MQP Assist',
    // Shown on 'ready-to-show', so no blank frame flashes.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    webPreferences: buildWebPreferences(settings),
  };
}
