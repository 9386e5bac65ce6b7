/**
 * Field errors of a staff form (first-run administrator, a new staff member): the contract's own schema, a password
 * confirmation, and "X is required" for an empty field rather than the field's format rule.
 */
import type { z } from 'zod';
import { fieldErrorsFrom, localizeFieldErrors, type FieldErrors } from './field-errors';

type Translate = (key: string, values?: Record<string, unknown>) => string;
interface StaffFields {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

export function staffFormErrors<F extends StaffFields>(schema: z.ZodType, form: F, t: Translate, labels: Record<string, string>): FieldErrors {
  const { confirmPassword, ...input } = form;
  const parsed = schema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
  if (!errors.password && confirmPassword !== input.password) errors.confirmPassword = 'mismatch';
  const localized = localizeFieldErrors(errors, t, labels);
  for (const field of ['username', 'displayName', 'password'] as const) {
    if (localized[field] && form[field].trim() === '') localized[field] = t('fields.required', { field: labels[field] });
  }
  return localized;
}
