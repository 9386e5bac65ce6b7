/**
 * Words for the values the supervision procedures return as codes (statuses, steps, actions, flags, decisions),
 * in the console's language; a code the console does not know yet is shown as it came.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ReviewItem } from '../../../src-main/contract';
import { formatDateTime, formatUsd, localeTag } from '../enrollment/format';

type Decision = NonNullable<ReviewItem['decision']>;

export function useSupervisionText() {
  const { t, te, locale } = useI18n();
  const numberFormat = computed(() => new Intl.NumberFormat(localeTag(locale.value)));

  function known(key: string, fallback: string): string {
    return te(key) ? t(key) : fallback;
  }

  return {
    time: (iso: string | null) => (iso ? formatDateTime(iso, locale.value) : t('supervision.none')),
    usd: (amount: number | null) => (amount === null ? t('supervision.none') : formatUsd(amount, locale.value)),
    count: (n: number) => numberFormat.value.format(n),
    status: (status: string | null) => (status === null ? t('supervision.statusUnknown') : known(`enrollment.status.values.${status}`, status)),
    step: (step: string) => known(`enrollment.steps.${step}`, step),
    action: (action: string) => known(`mqp.timeline.actions.${action.replace(/\./g, '_')}`, action),
    flag: (kind: string) => known(`supervision.flags.${kind}`, kind),
    language: (code: string) => known(`supervision.languages.${code}`, code),
    decision: (d: Decision) =>
      t('supervision.decisionLine', { decision: t(`supervision.decisions.${d.decision}`), by: d.by, time: formatDateTime(d.at, locale.value) }),
  };
}
