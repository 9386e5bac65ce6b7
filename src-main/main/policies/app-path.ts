/**
 * The `app://` protocol's path resolution: a request URL becomes a file under the renderer build folder, or a
 * refusal. Pure (no file system): the handler does the reading and turns a missing file into 404.
 *
 * Refused: another host, credentials or a port; `.`/`..` segments, also percent-encoded (`%2e%2e`) or hidden
 * behind an encoded separator (`%2f`, `%5c`); backslashes; NUL; drive letters or other `:`; dot-files; and, as
 * the last line of defence, anything whose resolved path is not inside the root.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type AppPathResolution =
  /** A file to read; `spaFallback` when the request had no extension and index.html stands in for it. */
  | { kind: 'file'; filePath: string; spaFallback: boolean }
  | { kind: 'reject'; status: 400 | 403 | 404; reason: string };

export const INDEX_FILE = 'index.html';

const reject = (status: 400 | 403 | 404, reason: string): AppPathResolution => ({ kind: 'reject', status, reason });

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The raw path as written in the request (before the URL parser folds away dot segments), without query/hash. */
function rawPathOf(raw: string): string | null {
  const prefix = `${APP_SCHEME}://`;
  if (raw.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = raw.slice(prefix.length);
  const slash = rest.search(/[/\\?#]/);
  if (slash === -1 || rest[slash] === '?' || rest[slash] === '#') return '/';
  return rest.slice(slash).split(/[?#]/, 1)[0];
}

/**
 * @param requestUrl the URL Electron hands to protocol.handle (request.url)
 * @param root absolute path of the renderer build folder (out/renderer)
 */
export function resolveAppPath(requestUrl: string, root: string): AppPathResolution {
  if (!path.isAbsolute(root)) throw new Error(`resolveAppPath: root must be an absolute path, got ${JSON.stringify(root)}`);
  if (typeof requestUrl !== 'string' || requestUrl.includes('\0')) return reject(400, 'malformed request URL');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return reject(400, 'malformed request URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return reject(404, 'unknown host');
  if (url.port !== '' || url.username !== '' || url.password !== '') return reject(400, 'port or credentials in URL');

  const rawPath = rawPathOf(requestUrl);
  if (rawPath === null) return reject(400, 'malformed request URL');

  const segments: string[] = [];
  for (const rawSegment of rawPath.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return reject(400, 'malformed percent-encoding');
    }
    if (segment === '.' || segment === '..') return reject(403, 'dot segment in path');
    // An encoded separator could rebuild `..` or an absolute path after decoding; `:` is a drive letter or stream.
    if (/[\\/:]/.test(segment)) return reject(403, 'separator or colon inside a path segment');
    if (hasControlCharacter(segment)) return reject(400, 'NUL or control character in path');
    if (segment.startsWith('.')) return reject(404, 'hidden file');
    segments.push(segment);
  }

  const last = segments.at(-1);
  const spaFallback = last === undefined || path.extname(last) === '';
  const relative = spaFallback ? INDEX_FILE : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const base = resolvedRoot.endsWith(path.sep) ? resolvedRoot : resolvedRoot + path.sep;
  const filePath = path.resolve(resolvedRoot, relative);
  // Last line of defence: whatever the checks above missed, nothing outside the root is served.
  if (!filePath.startsWith(base)) {
    return reject(403, 'path escapes the renderer folder');
  }
  return { kind: 'file', filePath, spaFallback };
}
