/**
 * The web host's checks, as pure functions: the Host header (no DNS rebinding: only our own loopback address)
 * and the per-launch token (a header, never a cookie, so another site cannot make the browser send it).
 */
import { timingSafeEqual } from 'node:crypto';

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves a URL path to a file below `root`, or null when it would leave it (.., encoded dots, NUL). */
export function staticFilePath(root: string, urlPath: string, join: (...p: string[]) => string, sep: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  const full = join(root, ...parts);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}
