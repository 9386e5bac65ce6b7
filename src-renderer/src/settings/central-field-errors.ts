/**
 * Field messages of the central-service form, in the console's language. The contract's schema (checked before
 * sending) and the backend's INVALID_INPUT name `url` or `token`; CENTRAL_UNAVAILABLE names `url` when the service
 * did not answer and `token` when it refused the token (services/sync/sync-handlers.ts).
 */
import { procedures } from '../../../src-main/contract';
import type { ApiError } from '../api';
import { fieldErrorsFrom, type FieldErrors } from '../errors/field-errors';

type Translate = (key: string, params?: Record<string, unknown>) => string;
export interface CentralForm {
  url: string;
  token: string;
}
export type CentralLabels = Record<keyof CentralForm, string>;

const FIELDS = ['url', 'token'] as const;

function localize(raw: FieldErrors, form: CentralForm, t: Translate, labels: CentralLabels, refused: boolean): FieldErrors {
  const out: FieldErrors = {};
  for (const field of FIELDS) {
    if (!(field in raw)) continue;
    if (refused) out[field] = t(field === 'url' ? 'settings.central.errors.urlNoAnswer' : 'settings.central.errors.tokenRefused');
    else if (form[field].trim() === '') out[field] = t('fields.required', { field: labels[field] });
    else out[field] = t(`settings.central.errors.${field}`);
  }
  return out;
}

/** The contract's own schema, before anything is sent. */
export function validateCentralForm(form: CentralForm, t: Translate, labels: CentralLabels): FieldErrors {
  const parsed = procedures['sync.configure'].input.safeParse(form);
  return parsed.success ? {} : localize(fieldErrorsFrom(parsed.error.issues), form, t, labels, false);
}

/** The fields a refused `sync.configure` points at (none for other errors, e.g. FORBIDDEN or an unreachable backend). */
export function centralFieldErrorsFrom(error: ApiError, form: CentralForm, t: Translate, labels: CentralLabels): FieldErrors {
  if (error.code !== 'INVALID_INPUT' && error.code !== 'CENTRAL_UNAVAILABLE') return {};
  return localize(fieldErrorsFrom(error.details), form, t, labels, error.code === 'CENTRAL_UNAVAILABLE');
}
