/**
 * HTTP client for the central service's protocol (src-main/contract/central-api.ts). Every answer is validated:
 * a malformed response becomes a CentralError naming the field, never a crash or a half-applied batch.
 */
import { z } from 'zod';

const healthAnswer = z.object({ ok: z.literal(true), serverTime: z.string() });
import {
  auditHashes,
  cardToken,
  changesPage,
  commandResults,
  paymentAccepted,
  type CardToken,
  type ChangesPage,
  type Command,
  type CommandResult,
  type paymentRequest,
} from '../../contract/central-api';
import { parseRetryAfter } from './backoff';

export interface CentralConfig {
  url: string;
  token: string;
  /** Per-request timeout; a request that takes longer is treated as lost (and retried idempotently). */
  timeoutMs?: number;
}

export class CentralError extends Error {
  constructor(
    message: string,
    /**
     * offline: no answer at all; server: 5xx/429; unauthorized: the station token was refused (401); refused: another
     * 4xx (will not succeed by retrying); invalid: a malformed answer.
     */
    readonly kind: 'offline' | 'server' | 'unauthorized' | 'refused' | 'invalid',
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

export function centralClient(config: CentralConfig) {
  const base = config.url.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 30_000;

  async function request<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CentralError(`The central service at ${base} did not answer (${describe(error)}).`, 'offline');
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), new Date());
      const message = errorMessage(text) ?? `HTTP ${response.status}`;
      if (response.status === 401) throw new CentralError(`The central service refused this station's token: ${message}. Check the station token in the settings.`, 'unauthorized');
      if (response.status >= 500 || response.status === 429) throw new CentralError(`The central service had a problem (${message}).`, 'server', retryAfter);
      throw new CentralError(`The central service refused the request: ${message}.`, 'refused');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CentralError('The central service answered with something that is not JSON.', 'invalid');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CentralError(`The central service's answer is malformed at ${issue.path.join('.') || 'the top level'}: ${issue.message}.`, 'invalid');
    }
    return parsed.data;
  }

  return {
    changes(cursor: string | null, limit: number): Promise<ChangesPage> {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      return request(`/v1/changes?${query}`, changesPage);
    },
    health() {
      return request('/v1/health', healthAnswer);
    },
    auditHashes(stationId: string, fromSeq: number, limit: number) {
      return request(`/v1/audit/hashes?${new URLSearchParams({ stationId, fromSeq: String(fromSeq), limit: String(limit) })}`, auditHashes);
    },
    /** Card data goes here and nowhere else; only {token, brand, last4} comes back (DESIGN §5). */
    tokenize(card: { cardNumber: string; expMonth: number; expYear: number; cvc: string }): Promise<CardToken> {
      return request('/v1/payments/tokenize', cardToken, { method: 'POST', body: JSON.stringify(card) });
    },
    pay(payment: z.input<typeof paymentRequest>): Promise<z.output<typeof paymentAccepted>> {
      return request('/v1/payments', paymentAccepted, { method: 'POST', body: JSON.stringify(payment) });
    },
    async pushCommands(commands: Command[]): Promise<CommandResult[]> {
      const { results } = await request('/v1/commands', commandResults, { method: 'POST', body: JSON.stringify({ commands }) });
      return results;
    },
  };
}

export type CentralClient = ReturnType<typeof centralClient>;

function describe(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string }; message?: string };
  if (e?.name === 'TimeoutError') return 'timed out';
  return e?.cause?.code ?? e?.message ?? String(error);
}

function errorMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    return body.error?.message ?? null;
  } catch {
    return text ? text.slice(0, 200) : null;
  }
}
