/** Runs an export procedure and saves its file, with the progress and outcome sentences the form shows. */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ExportFile } from '../../../src-main/contract';
import { toApiError, type ApiError } from '../api';
import { describeError } from '../errors/describe-error';
import { downloadExport } from './download';

export function useExport(keys: { working: string; done: string }) {
  const { t } = useI18n();
  const exporting = ref(false);
  const status = ref<string | null>(null);
  const error = ref<string | null>(null);

  /** Resolves with the failure (for forms that name a field), or null when the file was saved. */
  async function run(produce: () => Promise<ExportFile>): Promise<ApiError | null> {
    if (exporting.value) return null;
    exporting.value = true;
    error.value = null;
    status.value = t(keys.working);
    try {
      const file = await produce();
      downloadExport(file);
      status.value = t(keys.done, { file: file.fileName, count: file.events });
      return null;
    } catch (e) {
      const failure = toApiError(e);
      status.value = null;
      error.value = describeError(failure, t);
      return failure;
    } finally {
      exporting.value = false;
    }
  }

  return { exporting, status, error, run };
}
