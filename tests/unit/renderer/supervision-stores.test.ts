/** Supervision stores (issue 6) against a fake transport: verify progress from task.progress, the dashboard's default range. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardSummary, Envelope } from '../../../src-main/contract';
import { useTransport } from '../../../src-renderer/src/api';
import type { RawEventListener, Transport } from '../../../src-renderer/src/api/transport';
import { useDashboardStore } from '../../../src-renderer/src/stores/dashboard';
import { useIntegrityStore } from '../../../src-renderer/src/stores/integrity';

/** A transport whose answers the test gives by hand, and whose events the test pushes. */
function fakeTransport() {
  const calls: { procedure: string; input: unknown; answer: (value: unknown) => void }[] = [];
  const listeners = new Set<RawEventListener>();
  const transport: Transport = {
    call: (procedure, input) =>
      new Promise<Envelope<unknown>>((resolve) => calls.push({ procedure, input, answer: (value) => resolve({ ok: true, value }) })),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload));
  return { transport, calls, listeners, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => setActivePinia(createPinia()));

describe('verify the whole chain', () => {
  it('shows the counts of audit.verify progress events while the call runs, then the report; other tasks are ignored', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const integrity = useIntegrityStore();
    const running = integrity.verify();
    expect(integrity.verifying).toBe(true);
    expect(fake.calls[0].procedure).toBe('audit.verify');

    fake.emit('task.progress', { task: 'audit.verify', done: 100_000, total: 250_000 });
    expect(integrity.progress).toEqual({ done: 100_000, total: 250_000 });
    fake.emit('task.progress', { task: 'demo.import', done: 5, total: 10 });
    fake.emit('task.progress', { task: 'audit.verify', done: 'many', total: 250_000 });
    expect(integrity.progress).toEqual({ done: 100_000, total: 250_000 });

    fake.calls[0].answer({ ok: false, checked: 250_000, firstBroken: { seq: 1234, problem: 'hash does not recompute' } });
    await running;
    expect(integrity.verifying).toBe(false);
    expect(integrity.report?.firstBroken?.seq).toBe(1234);
    expect(fake.listeners.size).toBe(0);
  });

  it('a second click while verifying does not start a second run', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const integrity = useIntegrityStore();
    const first = integrity.verify();
    await integrity.verify();
    expect(fake.calls).toHaveLength(1);
    fake.calls[0].answer({ ok: true, checked: 3, firstBroken: null });
    await first;
  });
});

const summary = (asOf: string): DashboardSummary => ({
  asOf,
  agents: [],
  totals: { enrollments: 0, enrolledCalls: 0, declines: 0, abandoned: 0, pendingOverdue: 0 },
  perDay: [],
  perAgent: [],
  perStatus: [],
  stepDurations: [],
});

describe('dashboard default range', () => {
  // This console's clock says January 2026; the backend's says September 2024.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-10T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('follows the backend’s New York today (a training station on a fixed clock) until dates are chosen', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const dashboard = useDashboardStore();
    expect(dashboard.filter).toMatchObject({ from: '2025-12-28', to: '2026-01-10' });
    const loading = dashboard.load();
    // 2024-09-02T02:00Z is still September 1 in New York.
    fake.calls[0].answer(summary('2024-09-02T02:00:00Z'));
    await settle();
    expect(fake.calls[1].input).toMatchObject({ from: '2024-08-19', to: '2024-09-01', pendingOlderThanHours: 48, staffId: null });
    fake.calls[1].answer(summary('2024-09-02T02:00:01Z'));
    await loading;
    expect(fake.calls).toHaveLength(2);
    expect(dashboard.summaryFilter).toMatchObject({ from: '2024-08-19', to: '2024-09-01' });

    const chosen = dashboard.apply({ from: '2024-06-01', to: '2024-06-30', staffId: 3, pendingOlderThanHours: 24 });
    fake.calls[2].answer(summary('2024-09-02T03:00:00Z'));
    await chosen;
    expect(fake.calls).toHaveLength(3);
    expect(dashboard.summaryFilter).toMatchObject({ from: '2024-06-01', to: '2024-06-30', staffId: 3 });
  });

  it('asks the records behind a bar with the filter the numbers answer, and drops an answer a newer request replaced', async () => {
    const fake = fakeTransport();
    useTransport(fake.transport);
    const dashboard = useDashboardStore();
    const loading = dashboard.apply({ from: '2024-09-01', to: '2024-09-14', staffId: null, pendingOlderThanHours: 48 });
    fake.calls[0].answer(summary('2024-09-14T15:00:00Z'));
    await loading;

    const first = dashboard.openRecords('enrollments', { date: '2024-09-03' }, 'Sep 3');
    const second = dashboard.openRecords('declines');
    expect(fake.calls[1].input).toEqual({ filter: dashboard.summaryFilter, metric: 'enrollments', slice: { date: '2024-09-03' } });
    const row = (crd: string) => ({ draftId: null, crd, name: 'N', staff: 'S', at: '2024-09-03T15:00:00Z', status: 'declined', detail: '' });
    fake.calls[2].answer({ rows: [row('2')], total: 1 });
    fake.calls[1].answer({ rows: [row('1')], total: 1 });
    await Promise.all([first, second]);
    expect(dashboard.selection?.metric).toBe('declines');
    expect(dashboard.records.map((r) => r.crd)).toEqual(['2']);
  });
});
