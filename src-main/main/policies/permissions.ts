/**
 * setPermissionRequestHandler / setPermissionCheckHandler: everything is denied unless a permission is on the
 * allow-list AND asked for by our own origin. The console needs no browser permission (no camera, geolocation,
 * notifications, …), so the list is empty; adding one needs a reason written next to it.
 */
import { isAppOrigin, isAppUrl } from './app-origin';

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export interface PermissionQuery {
  permission: string;
  /** The origin (check handler) or URL (request handler's details.requestingUrl) asking. */
  requestingOrigin: string | null | undefined;
}

export function isPermissionGranted(query: PermissionQuery, granted: ReadonlySet<string> = GRANTED_PERMISSIONS): boolean {
  if (!granted.has(query.permission)) return false;
  const from = query.requestingOrigin;
  return isAppOrigin(from) || isAppUrl(from);
}
