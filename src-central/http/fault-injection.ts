/**
 * Applies the configured faults (services/faults.ts) to /v1 requests, in front of everything else — like the
 * network and a proxy would: latency; an injected 500/503 (with Retry-After) without processing; a duplicate
 * (the request is processed once more internally and that answer discarded, as a retrying proxy would); a drop
 * (the request IS processed, then the socket is destroyed without an answer — the client cannot tell whether it
 * applied, which is exactly what idempotency keys are for).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { CentralError } from '../central-error';
import type { CentralEnv, CentralServices } from './central-env';

export function faultInjection(services: Pick<CentralServices, 'faults'>, app: () => Hono<CentralEnv>): MiddlewareHandler<CentralEnv> {
  return async (c, next) => {
    if (c.env.replay) return next();
    const decision = services.faults.decide();
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
    if (decision.fail) {
      const { failStatus, retryAfterSeconds } = services.faults.current;
      if (retryAfterSeconds !== null) c.header('Retry-After', String(retryAfterSeconds));
      return c.json(new CentralError(failStatus, 'INJECTED_FAULT', `injected fault: HTTP ${failStatus}`).body, failStatus);
    }
    if (decision.duplicate) {
      const method = c.req.method;
      const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
      const copy = new Request(c.req.url, { method, headers: c.req.raw.headers, body });
      await (await app().fetch(copy, { ...c.env, replay: true })).arrayBuffer();
    }
    await next();
    if (decision.drop) c.env.incoming.socket.destroy();
  };
}
