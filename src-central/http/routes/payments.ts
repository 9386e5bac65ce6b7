/**
 * POST /v1/payments/tokenize and POST /v1/payments (DESIGN §5). The tokenize body holds card data: it is parsed
 * in memory, never stored, never logged (no request logging in this service; errors name fields, not values).
 */
import { Hono } from 'hono';
import { paymentRequest, tokenizeRequest } from '../../../src-main/contract/central-api';
import { acceptPayment } from '../../services/payments/accept-payment';
import type { CentralEnv, CentralServices } from '../central-env';
import { readBody } from '../read-body';

export function paymentsRoutes(services: CentralServices) {
  return new Hono<CentralEnv>()
    .post('/payments/tokenize', async (c) => {
      const card = await readBody(c, tokenizeRequest);
      return c.json(services.vault.tokenize(card, services.clock.now()), 201);
    })
    .post('/payments', async (c) => {
      const request = await readBody(c, paymentRequest);
      return c.json(await acceptPayment(services, request), 202);
    });
}
