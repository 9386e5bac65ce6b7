/** Every /v1 request carries a registered station token as `Authorization: Bearer T`, otherwise 401. */
import type { MiddlewareHandler } from 'hono';
import { CentralError } from '../central-error';
import type { CentralEnv, CentralServices } from './central-env';

export function stationAuth(services: Pick<CentralServices, 'tokens'>): MiddlewareHandler<CentralEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !services.tokens.accepts(match[1])) {
      c.header('WWW-Authenticate', 'Bearer realm="mqp-central"');
      const message = match ? 'the station token is not registered with this central service' : 'Authorization: Bearer <station token> is required';
      return c.json(new CentralError(401, 'UNAUTHENTICATED', message).body, 401);
    }
    await next();
  };
}
