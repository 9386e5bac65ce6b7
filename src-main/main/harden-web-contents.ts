/**
 * Wires the navigation, window-open and webview policies into every web contents the app creates
 * (app 'web-contents-created'), and the permission policy into a session. Decisions live in ./policies.
 */
import type { Session, WebContents } from 'electron';
import { decideNavigation } from './policies/navigation';
import { isPermissionGranted } from './policies/permissions';
import { decideWindowOpen } from './policies/window-open';

export type OpenExternal = (url: string) => Promise<void>;

export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const guardNavigation = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternal !== null) void openExternal(decision.openExternal).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => guardNavigation(event));
  contents.on('will-frame-navigate', (event) => guardNavigation(event));
  contents.on('will-redirect', (event) => guardNavigation(event));

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal !== null) void openExternal(decision.openExternal).catch(() => undefined);
    return decision.response;
  });

  // No <webview> is ever attached (webviewTag is off too; this covers a renderer that re-enables it).
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted({ permission, requestingOrigin: details.requestingUrl }));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted({ permission, requestingOrigin }));
  ses.setDevicePermissionHandler(() => false);
}
