/**
 * Which links may leave the app for the system browser. Only parsed `https:` URLs whose host is exactly on the
 * allow-list pass: no `javascript:`/`file:`/`http:`, no credentials (`https://finra.org@evil.com`), no explicit
 * port, no lookalikes (`finra.org.evil.com`, `evilfinra.org`, `finra.org.`).
 */
import { parseUrl } from './app-origin';

/** Public regulator sites the console links to (exam information, MQP pages). Exact host names, lowercase. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([
  'finra.org',
  'www.finra.org',
  'nasaa.org',
  'www.nasaa.org',
]);

export type ExternalLinkDecision = { open: true; url: string } | { open: false; reason: string };

export function decideExternalLink(raw: unknown, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): ExternalLinkDecision {
  const url = parseUrl(raw);
  if (url === null) return { open: false, reason: 'not an absolute URL' };
  if (url.protocol !== 'https:') return { open: false, reason: `scheme ${url.protocol} is not allowed` };
  if (url.username !== '' || url.password !== '') return { open: false, reason: 'credentials in the URL' };
  if (url.port !== '') return { open: false, reason: 'explicit port' };
  // The URL parser already lowercased and punycode-encoded the host, so an exact comparison is enough.
  if (!allowedHosts.includes(url.hostname)) return { open: false, reason: `host ${url.hostname} is not on the allow-list` };
  // Hand the browser the re-serialised URL, not the raw string we were given.
  return { open: true, url: url.href };
}
