/**
 * Transport of the web host (DESIGN §2): `POST /rpc/<procedure>` with `{input}` and `GET /events` (Server-Sent
 * Events read through fetch streaming, so the launch token travels as a header — never in a URL or a cookie).
 */
import { SseParser } from './sse-parser';
import { isEnvelope, unreachableEnvelope, type CallOptions, type RawEventListener, type Transport } from './transport';

export const LAUNCH_TOKEN_HEADER = 'x-mqp-token';
export const SESSION_HEADER = 'x-mqp-session';
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** The per-launch token the web host writes into `<meta name="mqp-launch-token">`. */
export function readLaunchToken(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="mqp-launch-token"]')?.content ?? '';
}

export interface HttpTransportOptions {
  launchToken: string;
  /** Origin and path prefix of the web host; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? '';
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const listeners = new Set<RawEventListener>();
  let sessionToken: string | null = null;
  let stream: AbortController | null = null;

  function headers(token: string | null): Record<string, string> {
    const h: Record<string, string> = { [LAUNCH_TOKEN_HEADER]: options.launchToken };
    if (token) h[SESSION_HEADER] = token;
    return h;
  }

  async function call(procedure: string, input: unknown, token: string | null, callOptions?: CallOptions) {
    let response: Response;
    try {
      response = await fetchFn(`${base}/rpc/${encodeURIComponent(procedure)}`, {
        method: 'POST',
        headers: { ...headers(token), 'content-type': 'application/json' },
        body: JSON.stringify({ input: input ?? {} }),
        cache: 'no-store',
        ...(callOptions?.keepalive ? { keepalive: true } : {}),
      });
    } catch (error) {
      return unreachableEnvelope(error instanceof Error ? error.message : 'network error');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return unreachableEnvelope(`HTTP ${response.status} without a readable answer`);
    }
    return isEnvelope(body) ? body : unreachableEnvelope(`HTTP ${response.status} without an envelope`);
  }

  function dispatch(name: string, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // a malformed event is dropped; the stream itself goes on
    }
    for (const listener of [...listeners]) listener(name, payload);
  }

  async function readStream(signal: AbortSignal): Promise<void> {
    let delay = RETRY_FIRST_MS;
    while (!signal.aborted) {
      try {
        const response = await fetchFn(`${base}/events`, {
          headers: { ...headers(sessionToken), accept: 'text/event-stream' },
          cache: 'no-store',
          signal,
        });
        if (response.ok && response.body) {
          delay = RETRY_FIRST_MS;
          const parser = new SseParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) dispatch(message.event, message.data);
          }
        }
      } catch {
        // Network failure or abort: fall through to the back-off below (or stop if aborted).
      }
      if (signal.aborted) return;
      await wait(delay, signal);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  function restartStream(): void {
    stream?.abort();
    stream = null;
    if (listeners.size === 0) return;
    stream = new AbortController();
    void readStream(stream.signal);
  }

  return {
    call,
    onEvent(listener) {
      listeners.add(listener);
      if (!stream) restartStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) restartStream();
      };
    },
    sessionChanged(token) {
      if (token === sessionToken) return;
      sessionToken = token;
      if (listeners.size > 0) restartStream();
    },
  };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
