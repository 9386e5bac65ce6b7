/**
 * The web host (DESIGN §2): serves the built renderer and the contract over HTTP on 127.0.0.1 —
 * `POST /rpc/:procedure` and `GET /events` (server-sent events) — for development, tests and thin clients.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import type { Backend } from '../backend/api';
import { isAllowedHost, staticFilePath, tokenMatches } from './request-guards';
import { securityHeaders } from '../contract/content-security-policy';

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  launchToken?: string;
  /**
   * Tests only (`mqp serve --test-clock`): `POST /__test/clock {advanceMs}` moves the backend's fixed clock, so
   * end-to-end tests can pass R22's 60 minutes without waiting. Never enabled otherwise.
   */
  testClock?: { advance(ms: number): void; now(): Date };
}

export interface WebHost {
  url: string;
  port: number;
  launchToken: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const launchToken = options.launchToken ?? randomBytes(32).toString('base64url');
  let port = options.port ?? 0;
  const server: Server = createServer((req, res) => {
    for (const [k, v] of Object.entries(securityHeaders())) res.setHeader(k, v);
    handle(req, res).catch((error) => {
      console.error('[web-host]', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The web host failed to answer.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 421, 'Unknown host.');
    const path = (req.url ?? '/').split('?')[0];

    if (path.startsWith('/rpc/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
      if (!tokenMatches(req.headers['x-mqp-token'], launchToken)) {
        return sendJson(res, 403, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'This page is from an older start of the console. Reload it.' } });
      }
      const body = await readJsonBody(req);
      if (!body.ok) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: body.message } });
      const session = req.headers['x-mqp-session'];
      const envelope = await options.backend.call({
        procedure: decodeURIComponent(path.slice('/rpc/'.length)),
        input: (body.value as { input?: unknown } | null)?.input,
        sessionToken: typeof session === 'string' ? session : null,
      });
      res.setHeader('Cache-Control', 'no-store');
      return sendJson(res, 200, envelope);
    }

    if (path === '/__test/clock' && options.testClock && req.method === 'POST') {
      if (!tokenMatches(req.headers['x-mqp-token'], launchToken)) return sendText(res, 403, 'Reload the page.');
      const body = await readJsonBody(req);
      const advanceMs = body.ok ? (body.value as { advanceMs?: unknown }).advanceMs : undefined;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'advanceMs: must be a number of milliseconds ≥ 0' } });
      }
      options.testClock.advance(advanceMs);
      return sendJson(res, 200, { ok: true, value: { now: options.testClock.now().toISOString() } });
    }

    if (path === '/events') {
      if (!tokenMatches(req.headers['x-mqp-token'], launchToken)) return sendText(res, 403, 'Reload the page.');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = options.backend.onEvent((e) => res.write(`event: ${e.name}\ndata: ${JSON.stringify(e.payload)}\n\n`));
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(path, res);
  }

  function serveStatic(path: string, res: ServerResponse) {
    const file = staticFilePath(options.rendererDir, path, join, sep);
    if (file === null) return sendText(res, 400, 'Bad path.');
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile || file.endsWith(`${sep}index.html`)) {
      if (isFile || extname(path) === '') return serveIndex(res); // the console's own routes
      return sendText(res, 404, 'Not found.');
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  }

  function serveIndex(res: ServerResponse) {
    const indexFile = join(options.rendererDir, 'index.html');
    if (!existsSync(indexFile)) return sendText(res, 503, 'The console is not built yet: run `npm run build`.');
    // The launch token goes into the page itself; only a page from this origin can read it.
    const html = readFileSync(indexFile, 'utf8').replace(
      /<meta name="mqp-launch-token" content="[^"]*"\s*\/?>/,
      `<meta name="mqp-launch-token" content="${launchToken}">`,
    );
    res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
    res.end(html);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    launchToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !done) {
        done = true;
        resolve({ ok: false, message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` });
        req.resume();
      } else if (!done) chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch {
        resolve({ ok: false, message: 'The request body is not valid JSON.' });
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
