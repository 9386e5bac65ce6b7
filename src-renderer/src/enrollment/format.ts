/** Display formats of the journey (times, money), in the console's language. */
const TIME_ZONE = 'America/New_York'; // MQP-RULES: "today" is the date in New York

export function localeTag(locale: string): string {
  return locale === 'es' ? 'es-US' : 'en-US';
}

/** "Sep 1, 2024, 11:02 AM" in New York time; the raw value when it is not a date. */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/** "11:02:15 AM" in New York time. */
export function formatTime(iso: string | null, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(locale), { timeStyle: 'medium', timeZone: TIME_ZONE }).format(date);
}

export function formatUsd(amount: number | null, locale: string): string {
  if (amount === null) return '';
  return new Intl.NumberFormat(localeTag(locale), { style: 'currency', currency: 'USD', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount);
}
