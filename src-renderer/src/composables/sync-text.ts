/**
 * The words and numbers of the sync display (DESIGN §4, §8): counts formatted per locale, times relative and
 * absolute. Relative times are measured against the backend's own clock (`asOf`, advanced by the time elapsed here),
 * so a training station with a fixed clock and a console on another machine both read "synced just now" correctly.
 */
import { computed, onScopeDispose, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { procedures, type Role } from '../../../src-main/contract';
import { toApiError } from '../api';
import { describeError } from '../errors/describe-error';
import { useSyncStore } from '../stores/sync';

const TICK_MS = 15_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The UI mirrors the contract's roles (the backend enforces them): may this role retry parked changes? */
export function mayRetryFailed(role: Role | undefined): boolean {
  const access = procedures['sync.retryFailed'].access;
  return role !== undefined && access !== 'public' && access.includes(role);
}

export function useSyncText() {
  const { t, locale } = useI18n();
  const sync = useSyncStore();

  // Only "N minutes ago" moves between two answers; a slow tick is enough.
  const localNow = ref(Date.now());
  const timer = setInterval(() => (localNow.value = Date.now()), TICK_MS);
  onScopeDispose(() => clearInterval(timer));

  const backendNow = computed(() => {
    const s = sync.status;
    return s ? Date.parse(s.asOf) + Math.max(0, localNow.value - sync.receivedAt) : localNow.value;
  });

  function count(n: number): string {
    return new Intl.NumberFormat(locale.value).format(n);
  }

  function absolute(iso: string): string {
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  function relative(iso: string): string {
    const ago = backendNow.value - Date.parse(iso);
    if (ago < 45_000) return t('sync.justNow');
    const format = new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' });
    if (ago < 45 * MINUTE) return format.format(-Math.round(ago / MINUTE), 'minute');
    if (ago < 22 * HOUR) return format.format(-Math.round(ago / HOUR), 'hour');
    return format.format(-Math.round(ago / DAY), 'day');
  }

  function waiting(n: number): string {
    return t('sync.waiting', { count: count(n) }, n);
  }

  const connection = computed(() => sync.status?.connection ?? null);
  const connectionLabel = computed(() => (connection.value ? t(`sync.state.${connection.value}`) : t('sync.unavailable')));

  const syncedPhrase = computed(() => {
    const last = sync.status?.lastSuccessAt;
    return last ? t('sync.syncedAgo', { ago: relative(last) }) : t('sync.neverSynced');
  });

  /** The one-line summary in the header. */
  const summary = computed(() => {
    const s = sync.status;
    if (!s) return sync.loadError ? t('sync.unavailable') : t('sync.checking');
    if (s.pull) return t('sync.syncingCount', { done: count(s.pull.done), total: count(s.pull.total) });
    if (sync.requested) return t('sync.syncing');
    const parts = [connectionLabel.value];
    if (s.connection === 'online') parts.push(syncedPhrase.value);
    if (s.connection === 'offline' && s.pending === 0) parts.push(syncedPhrase.value);
    if (s.pending > 0) parts.push(waiting(s.pending));
    return parts.join(' · ');
  });

  const failedBadge = computed(() => {
    const failed = sync.status?.failed ?? 0;
    return failed > 0 ? t('sync.failedBadge', { count: count(failed) }, failed) : '';
  });

  /** "Last successful sync: <absolute> (<relative>)." — the tooltip and the visually hidden part of the status. */
  const lastSyncSentence = computed(() => {
    if (!sync.status) return '';
    const last = sync.status.lastSuccessAt;
    return last ? t('sync.lastSync', { when: absolute(last), ago: relative(last) }) : t('sync.lastSyncNever');
  });

  const nextStep = computed(() => (connection.value ? t(`sync.details.next.${connection.value}`) : ''));

  /** "Sync now" answers CONFLICT when no central service is configured: say that, not the generic conflict text. */
  function describeSyncError(error: unknown): string {
    const e = toApiError(error);
    if (e.code === 'CONFLICT') return t('sync.notConfigured');
    return describeError(e, t);
  }

  return {
    count, absolute, relative, waiting, connectionLabel, summary, failedBadge, lastSyncSentence, nextStep, describeSyncError,
  };
}
