/**
 * Every non-2xx answer has the contract's `centralError` body. Unexpected errors are logged by name and a
 * redacted message only — no request bodies, and long digit runs masked in case one slipped into a message.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { CentralError } from '../central-error';
import type { CentralEnv, CentralServices } from './central-env';

export function onError(services: Pick<CentralServices, 'logError'>) {
  return (error: Error, c: Context<CentralEnv>) => {
    if (error instanceof CentralError) return c.json(error.body, error.status);
    if (error instanceof HTTPException && error.status === 413) {
      return c.json(new CentralError(413, 'PAYLOAD_TOO_LARGE', 'body: is too large').body, 413);
    }
    services.logError(`${c.req.method} ${c.req.path} failed: ${error.name}: ${redact(error.message)}`);
    return c.json(new CentralError(500, 'INTERNAL', 'The central service failed to handle the request; it was logged.').body, 500);
  };
}

export function notFound(c: Context<CentralEnv>) {
  return c.json(new CentralError(404, 'NOT_FOUND', `${c.req.method} ${c.req.path}: no such endpoint`).body, 404);
}

/** Masks any run of 12 or more digits (spaces and dashes allowed between them): a card number never reaches a log. */
export function redact(text: string): string {
  return text.replace(/\d(?:[ -]?\d){11,}/g, '[redacted]');
}
