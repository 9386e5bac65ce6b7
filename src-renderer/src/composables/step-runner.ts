/**
 * The busy flag and the error sentence of one step's action (Continue, Save, Submit…). Calls made while one is
 * running are ignored, so a double press never sends twice. No `loading` on the buttons: PrimeVue disables a loading
 * button, which would drop the keyboard focus on the page body.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, toApiError } from '../api';
import { describeError } from '../errors/describe-error';

export function useStepRunner() {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);
  const lastError = ref<ApiError | null>(null);

  async function run<T>(action: () => Promise<T>, describe?: (e: ApiError) => string | null): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    error.value = null;
    lastError.value = null;
    try {
      return await action();
    } catch (e) {
      const apiError = toApiError(e);
      lastError.value = apiError;
      error.value = describe?.(apiError) ?? describeError(apiError, t);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    error.value = null;
    lastError.value = null;
  }

  return { busy, error, lastError, run, clear };
}
