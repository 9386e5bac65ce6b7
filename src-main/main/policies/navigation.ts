/**
 * will-navigate / will-frame-navigate / will-redirect: the window stays on our own origin. A navigation to an
 * allow-listed https link is cancelled too, but handed to the system browser.
 */
import { isAppUrl } from './app-origin';
import { decideExternalLink } from './external-links';

export type NavigationDecision = { allow: true } | { allow: false; openExternal: string | null };

export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  const external = decideExternalLink(url);
  return { allow: false, openExternal: external.open ? external.url : null };
}
