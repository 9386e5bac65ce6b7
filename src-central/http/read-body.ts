/**
 * Reads and validates a JSON body. Errors name the field and never echo a value: a malformed payment body must
 * not put card digits into an error message or a log (JSON.parse's own message quotes the input, so it is dropped).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { CentralError, invalidInput } from '../central-error';
import { firstIssue } from '../services/zod-issue';

export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new CentralError(400, 'INVALID_INPUT', 'body: is not valid JSON', { field: 'body' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw invalidInput(field, message);
  }
  return parsed.data;
}
