/** Labels and numbers of the workspace in the console's language (enum values → words, counts with separators). */
import { useI18n } from 'vue-i18n';
import type { WorkspaceRow } from '../../../src-main/contract';
import { formatDateTime, localeTag } from '../enrollment/format';

export type FacetName = 'reason' | 'window' | 'category' | 'level' | 'state' | 'enrollmentStatus' | 'flagged' | 'hasNotes' | 'finproLikelyDeleted';

export function useWorkspaceText() {
  const { t, te, locale } = useI18n();

  /** A translated label when the key exists; the raw value otherwise (a category or state code, a new enum value). */
  function known(key: string, value: string): string {
    return te(key) ? t(key) : value;
  }

  const text = {
    count: (n: number) => new Intl.NumberFormat(localeTag(locale.value)).format(n),
    time: (iso: string) => formatDateTime(iso, locale.value),
    /** The backend's "as of": a New York calendar day (eligibility is per day), or an instant. */
    asOf(value: string): string {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateTime(value, locale.value);
      // A calendar day has no time zone: formatted at UTC midnight it stays the same day everywhere.
      return new Intl.DateTimeFormat(localeTag(locale.value), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    },
    reason: (value: string) => known(`workspace.reasons.${value}`, value),
    window: (value: string) => known(`workspace.windows.${value}`, value),
    level: (value: string) => known(`workspace.levels.${value}`, value),
    status: (value: string) => known(`workspace.statuses.${value}`, value),
    flag: (value: string) => known(`workspace.flags.${value}`, value),
    /** The label of one value of a facet, as the filter list shows it. */
    facetValue(facet: FacetName, value: string): string {
      switch (facet) {
        case 'reason':
          return text.reason(value);
        case 'window':
          return text.window(value);
        case 'level':
          return text.level(value);
        case 'enrollmentStatus':
          return text.status(value);
        case 'flagged':
        case 'hasNotes':
        case 'finproLikelyDeleted':
          return t(value === 'true' ? 'workspace.filters.yes' : 'workspace.filters.no');
        default:
          return value;
      }
    },
    /** "2024-10-01 · 30 days left", or "… · passed 3 days ago". */
    daysLeft(row: Pick<WorkspaceRow, 'daysLeft'>): string {
      if (row.daysLeft === null) return '';
      return row.daysLeft >= 0 ? t('workspace.table.daysLeft', { count: row.daysLeft }, row.daysLeft) : t('workspace.table.daysAgo', { count: -row.daysLeft }, -row.daysLeft);
    },
  };
  return text;
}
