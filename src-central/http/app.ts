/**
 * The central service's HTTP app (Hono). No request logger is installed, on purpose: bodies carry card data and
 * personal data (DESIGN §5). Order on /v1: fault injection (the network in front) → body limit → station token.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CentralError } from '../central-error';
import { adminGuard } from './admin-guard';
import type { CentralEnv, CentralServices } from './central-env';
import { notFound, onError } from './error-handling';
import { faultInjection } from './fault-injection';
import { adminRoutes } from './routes/admin';
import { auditRoutes } from './routes/audit';
import { changesRoutes } from './routes/changes';
import { commandsRoutes } from './routes/commands';
import { healthRoutes } from './routes/health';
import { paymentsRoutes } from './routes/payments';
import { stationAuth } from './station-auth';

/** 500 commands of a few KB each fit comfortably; anything larger is a mistake or an attack. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function createCentralApp(services: CentralServices): Hono<CentralEnv> {
  const app = new Hono<CentralEnv>();
  app.onError(onError(services));
  app.notFound(notFound);

  app.use('/v1/*', faultInjection(services, () => app));
  app.use('/v1/*', bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(new CentralError(413, 'PAYLOAD_TOO_LARGE', `body: is larger than ${MAX_BODY_BYTES} bytes`).body, 413),
  }));
  app.use('/v1/*', stationAuth(services));
  app.route('/v1', healthRoutes(services));
  app.route('/v1', changesRoutes(services));
  app.route('/v1', commandsRoutes(services));
  app.route('/v1', paymentsRoutes(services));
  app.route('/v1', auditRoutes(services));

  app.use('/__admin/*', adminGuard(services));
  app.route('/__admin', adminRoutes(services));
  return app;
}
