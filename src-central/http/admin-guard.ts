/**
 * Admin endpoints (/__admin/*) are for tests and training: they exist only when `--admin-token` was given, answer
 * only requests from the loopback interface, and require `x-admin-token` equal to that token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { CentralError } from '../central-error';
import type { CentralEnv, CentralServices } from './central-env';
import { notFound } from './error-handling';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function adminGuard(services: Pick<CentralServices, 'adminToken'>): MiddlewareHandler<CentralEnv> {
  const expected = services.adminToken === null ? null : digest(services.adminToken);
  return async (c, next) => {
    if (expected === null) return notFound(c);
    if (!LOOPBACK.has(c.env.incoming.socket.remoteAddress ?? '')) {
      return c.json(new CentralError(403, 'FORBIDDEN', 'admin endpoints answer loopback requests only').body, 403);
    }
    const given = c.req.header('x-admin-token');
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return c.json(new CentralError(403, 'FORBIDDEN', 'x-admin-token: missing or wrong').body, 403);
    }
    await next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
