/** GET /v1/health: the station's "is the central service there, and does it accept my token" probe. */
import { Hono } from 'hono';
import type { CentralEnv, CentralServices } from '../central-env';

export function healthRoutes(services: Pick<CentralServices, 'clock' | 'today'>) {
  return new Hono<CentralEnv>().get('/health', (c) => c.json({ ok: true as const, serverTime: services.clock.now().toISOString(), today: services.today() }));
}
