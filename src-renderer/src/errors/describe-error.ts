/** Turns a failed call into a sentence that says what to do next (DESIGN §8, STYLE "errors are values"). */
import { ERROR_CODES } from '../../../src-main/contract';
import { toApiError } from '../api';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function describeError(error: unknown, t: Translate): string {
  const e = toApiError(error);
  if (e.unreachable) return t('errors.unreachable');
  if ((ERROR_CODES as readonly string[]).includes(e.code)) return t(`errors.${e.code}`, { message: e.message });
  return t('errors.fallback', { message: e.message });
}
