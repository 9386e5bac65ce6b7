/**
 * setWindowOpenHandler: no new Electron window is ever created (window.open, target=_blank, middle click).
 * An allow-listed https link goes to the system browser instead.
 */
import { decideExternalLink } from './external-links';

export interface WindowOpenDecision {
  /** What the handler returns to Electron: always deny. */
  response: { action: 'deny' };
  /** The parsed URL to pass to shell.openExternal, or null to drop the request. */
  openExternal: string | null;
}

export function decideWindowOpen(url: unknown): WindowOpenDecision {
  const external = decideExternalLink(url);
  return { response: { action: 'deny' }, openExternal: external.open ? external.url : null };
}
