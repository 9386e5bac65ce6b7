import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { evaluateEligibility } from '../../../src-main/backend/domain/eligibility/evaluate-eligibility';
import type { EligibilityInput, Qualification } from '../../../src-main/contract';
import { call, useTransport } from '../../../src-renderer/src/api';
import { createHttpTransport } from '../../../src-renderer/src/api/http-transport';
import { SseParser } from '../../../src-renderer/src/api/sse-parser';
import type { Transport } from '../../../src-renderer/src/api/transport';
import { fieldErrorsFrom } from '../../../src-renderer/src/errors/field-errors';
import { explainQualification } from '../../../src-renderer/src/explain/explain-qualification';
import { useCallerStore, SEARCH_DEBOUNCE_MS } from '../../../src-renderer/src/stores/caller';

const reg = (category: string, series: string | null, level: 'representative' | 'principal' | 'state', startDate: string, terminationDate: string | null) => ({
  category, series, level, startDate, terminationDate, terminationType: terminationDate ? ('full' as const) : null,
});
function explain(input: EligibilityInput, asOf: string, index = 0) {
  const q = evaluateEligibility(input, asOf).qualifications[index];
  return { q, e: explainQualification(q, input.registrations[index]) };
}

describe('explainQualification builds the words from the trace (MQP-RULES §4)', () => {
  it.each([
    ['C1 ELIGIBLE names the window from its opening', reg('GS', '7', 'representative', '2018-01-10', '2023-06-15'), '2024-09-01', 'reasons.ELIGIBLE.full', { opens: '2023-06-15', enrollBy: '2025-06-15', reregisterBy: '2028-06-15' }],
    ['C3 WINDOW_CLOSED says when it closed', reg('GS', '7', 'representative', '2018-01-10', '2023-06-15'), '2025-06-16', 'reasons.WINDOW_CLOSED.full', { enrollBy: '2025-06-15' }],
    ['R5 TENURE_UNDER_ONE_YEAR gives the start needed', reg('GP', '24', 'principal', '2022-09-01', '2023-06-15'), '2023-10-01', 'reasons.TENURE_UNDER_ONE_YEAR.full', { start: '2022-09-01', termination: '2023-06-15', neededStart: '2022-06-16' }],
    ['R4 STILL_REGISTERED', reg('GS', '7', 'representative', '2018-01-10', null), '2023-10-01', 'reasons.STILL_REGISTERED.generic', {}],
    ['C6 TERMINATED_BEFORE_PROGRAM', reg('GS', '7', 'representative', '2015-01-10', '2020-03-10'), '2024-01-05', 'reasons.TERMINATED_BEFORE_PROGRAM.full', { termination: '2020-03-10', programStart: '2020-03-15' }],
    ['C8 STATE_REGISTRATION refers to EVEP', reg('AG', '63', 'state', '2018-01-10', '2023-05-01'), '2024-01-05', 'reasons.STATE_REGISTRATION.generic', {}],
    ['R3 the SIE is explained as an exam', reg('SIE', null, 'representative', '2018-01-10', '2023-05-01'), '2024-01-05', 'reasons.SIE.generic', {}],
    ['§4 between the windows: WINDOW_NOT_OPEN with the second window opening', reg('GS', '7', 'representative', '2015-01-10', '2021-07-01'), '2022-06-05', 'reasons.WINDOW_NOT_OPEN.full', { opens: '2023-03-15' }],
  ])('%s', (_name, registration, asOf, key, params) => {
    const { e } = explain({ crd: '1', registrations: [registration], disqualifications: [] }, asOf);
    expect(e.main.key).toBe(key);
    expect(e.main.params).toMatchObject(params);
  });

  it('C7 STATUTORY_DISQUALIFICATION cites the disqualification date', () => {
    const { e } = explain({ crd: '1', registrations: [reg('GS', '7', 'representative', '2018-01-10', '2023-06-15')], disqualifications: [{ kind: 'statutory', date: '2023-02-10' }] }, '2024-01-05');
    expect(e.main).toMatchObject({ key: 'reasons.STATUTORY_DISQUALIFICATION.full', params: { date: '2023-02-10' } });
  });

  it('lists the other failed checks after the deciding one', () => {
    const { e } = explain({ crd: '1', registrations: [reg('GS', '7', 'representative', '2023-01-10', '2023-06-15')], disqualifications: [] }, '2026-01-05');
    expect(e.main.key).toBe('reasons.TENURE_UNDER_ONE_YEAR.full');
    expect(e.also.map((x) => x.key)).toEqual(['reasons.WINDOW_CLOSED.full']);
  });

  it('falls back to the generic sentence when the trace has no details', () => {
    const q: Qualification = { category: 'GP', eligible: false, reason: 'TENURE_UNDER_ONE_YEAR', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: null, trace: [{ rule: 'R5', passed: false, detail: {} }] };
    const e = explainQualification(q, { category: 'GP', series: '24', startDate: '2022-09-01', terminationDate: '2023-06-15' });
    expect(e.main).toMatchObject({ key: 'reasons.TENURE_UNDER_ONE_YEAR.generic', params: { start: '2022-09-01', termination: '2023-06-15' } });
  });
});

describe('SseParser', () => {
  it('joins data lines, honours CRLF, skips comments and survives chunks split anywhere', () => {
    const text = ': connected\r\n\r\nevent: session.ended\r\ndata: {"reason":\r\ndata: "expired"}\r\n\r\ndata: 1\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new SseParser();
      const got = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(got).toEqual([{ event: 'session.ended', data: '{"reason":\n"expired"}' }, { event: 'message', data: '1' }]);
    }
  });
});

describe('fieldErrorsFrom', () => {
  it.each([
    ['the dispatcher’s {issues}', { issues: [{ path: ['password'], message: 'too short' }] }, { password: 'too short' }],
    ['a bare issue list', [{ path: ['input', 'username'], message: 'bad' }], { username: 'bad' }],
    ['zod flatten', { fieldErrors: { displayName: ['is required'] } }, { displayName: 'is required' }],
    ['a dotted path', { path: 'input.username', message: 'bad' }, { username: 'bad' }],
    ['nothing usable', 'oops', {}],
  ])('reads %s', (_name, details, expected) => {
    expect(fieldErrorsFrom(details)).toEqual(expected);
  });
});

describe('HTTP transport', () => {
  it('posts {input} with the launch and session tokens as headers', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { hits: [] } }), { status: 200 });
    }) as unknown as typeof fetch;
    const t = createHttpTransport({ launchToken: 'L', fetch: fetchFn });
    expect(await t.call('individual.search', { query: 'a' }, 'S')).toEqual({ ok: true, value: { hits: [] } });
    expect(seen[0].url).toBe('/rpc/individual.search');
    expect(seen[0].init.headers).toMatchObject({ 'x-mqp-token': 'L', 'x-mqp-session': 'S' });
    expect(JSON.parse(String(seen[0].init.body))).toEqual({ input: { query: 'a' } });
  });

  it.each([
    ['a network failure', async () => { throw new TypeError('Failed to fetch'); }],
    ['an answer that is not an envelope', async () => new Response('<html>', { status: 502 })],
  ])('turns %s into an INTERNAL envelope saying the backend was not reached', async (_name, impl) => {
    const t = createHttpTransport({ launchToken: 'L', fetch: impl as unknown as typeof fetch });
    const envelope = await t.call('setup.status', {}, null);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('INTERNAL');
      expect(envelope.error.message).toMatch(/could not reach its backend/);
    }
  });
});

describe('caller store search-as-you-type', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('debounces, and drops a slow answer to an older query', async () => {
    const pending = new Map<string, (v: unknown) => void>();
    const calls: string[] = [];
    const fake: Transport = {
      call: (_p, input) => new Promise((resolve) => {
        const q = (input as { query: string }).query;
        calls.push(q);
        pending.set(q, (hits) => resolve({ ok: true, value: { hits } }));
      }),
      onEvent: () => () => {},
    };
    useTransport(fake);
    const caller = useCallerStore();
    caller.setQuery('a');
    caller.setQuery('as');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    caller.setQuery('ash');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(calls).toEqual(['as', 'ash']);
    const hit = (crd: string) => ({ crd, firstName: 'A', lastName: 'B', email: 'e', city: 'c', state: 's', eligibleCount: 0 });
    pending.get('ash')!([hit('2')]);
    await vi.advanceTimersByTimeAsync(0);
    pending.get('as')!([hit('1')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(caller.hits.map((h) => h.crd)).toEqual(['2']);
    expect(caller.answeredQuery).toBe('ash');
    expect(caller.searching).toBe(false);
  });

  it('throws an ApiError carrying the envelope’s code', async () => {
    useTransport({ call: async () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }), onEvent: () => () => {} });
    await expect(call('staff.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'no' });
  });
});
