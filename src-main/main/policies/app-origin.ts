/**
 * Our one trusted origin. The console is served by the privileged `app://` scheme (never `file://`), and every
 * policy that asks "is this us?" asks it here, with a parsed URL rather than a string prefix.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mqp';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL without throwing; `null` for anything that is not an absolute URL. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for `app://mqp/…`: scheme and host compared after parsing, no port, no credentials. (Node's URL gives
 * non-special schemes the opaque origin "null", so the parts are compared instead of `url.origin`.)
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** Chromium reports a standard custom scheme's origin as `app://mqp` (no trailing slash). */
export function isAppOrigin(origin: unknown): boolean {
  return typeof origin === 'string' && (origin === APP_ORIGIN || origin === `${APP_ORIGIN}/`);
}
