/** The first problem of a failed parse as "field: message" — the field path only, never the value (it may be card data). */
import type { z } from 'zod';

export function firstIssue(error: z.ZodError, prefix = ''): { field: string; message: string } {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const field = `${prefix}${path}`.replace(/^\./, '') || prefix || 'body';
  return { field, message: issue.message };
}
