/**
 * The `app://` protocol handler: resolves the request with the pure path policy, reads the file, and answers
 * with the CSP and the other security headers on every response (errors included). No Electron import: it is a
 * plain `(Request) => Promise<Response>` and is tested against a temporary folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveAppPath } from './policies/app-path';
import { securityHeaders } from './policies/csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type FileReader = (filePath: string) => Promise<Uint8Array>;

function errorResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** @param root absolute path of out/renderer */
export function createAppProtocolHandler(root: string, read: FileReader = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'Method not allowed');
    const resolved = resolveAppPath(request.url, root);
    if (resolved.kind === 'reject') return errorResponse(resolved.status, resolved.status === 404 ? 'Not found' : 'Refused');
    let body: Uint8Array;
    try {
      body = await read(resolved.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return errorResponse(404, 'Not found');
      return errorResponse(500, 'Could not read the file');
    }
    const headers = {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(resolved.filePath),
      // An update replaces the files in place; never serve a stale copy.
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
