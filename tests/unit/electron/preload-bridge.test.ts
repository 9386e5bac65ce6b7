import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../../src-main/contract';
import { createBridge, type BridgeTransport } from '../../../src-main/preload/bridge';

function fakeTransport() {
  const sent: unknown[] = [];
  const handlers = new Set<(message: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: async (payload) => {
      sent.push(payload);
      return { ok: true, value: 'relayed' };
    },
    subscribe: (handler) => {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
  };
  const push = (message: unknown) => handlers.forEach((h) => h(message));
  return { transport, sent, handlers, push };
}

describe('§7 window.mqp bridge', () => {
  it('§7 is frozen and has exactly call and onEvent', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
  });

  it('§2 relays a known procedure with its input and token', async () => {
    const { transport, sent } = fakeTransport();
    const bridge = createBridge(transport);
    expect(await bridge.call('individual.get', { crd: '123' }, 'tok')).toEqual({ ok: true, value: 'relayed' });
    expect(sent).toEqual([{ procedure: 'individual.get', input: { crd: '123' }, sessionToken: 'tok' }]);
  });

  it('§2 every contract procedure passes the name check', async () => {
    const { transport, sent } = fakeTransport();
    const call = createBridge(transport).call as (p: string, i: unknown) => Promise<unknown>;
    for (const name of PROCEDURE_NAMES) await call(name, {});
    expect(sent).toHaveLength(PROCEDURE_NAMES.length);
  });

  it.each([
    ['an unknown name', 'admin.dropDatabase'],
    ['a prototype key', 'constructor'],
    ['__proto__', '__proto__'],
    ['not a string', 42],
    ['empty', ''],
  ])('§2 refuses %s locally with UNKNOWN_PROCEDURE and sends nothing', async (_why, name) => {
    const { transport, sent } = fakeTransport();
    const call = createBridge(transport).call as (p: unknown, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
    const result = await call(name, {});
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('UNKNOWN_PROCEDURE');
    expect(sent).toHaveLength(0);
  });

  it('§7 a non-string token is sent as null', async () => {
    const { transport, sent } = fakeTransport();
    const call = createBridge(transport).call as (p: string, i: unknown, t: unknown) => Promise<unknown>;
    await call('setup.status', {}, { steal: true });
    expect(sent).toEqual([{ procedure: 'setup.status', input: {}, sessionToken: null }]);
  });

  it('§7 event listeners get (name, payload) only, and can unsubscribe', () => {
    const { transport, push, handlers } = fakeTransport();
    const bridge = createBridge(transport);
    const received: unknown[][] = [];
    const off = bridge.onEvent((...args) => received.push(args));
    push({ name: 'session.ended', payload: { reason: 'expired' } });
    push('garbage');
    push({ payload: 'no name' });
    off();
    push({ name: 'session.ended', payload: { reason: 'signed-out' } });
    expect(received).toEqual([['session.ended', { reason: 'expired' }]]);
    expect(handlers.size).toBe(0);
  });

  it('§7 onEvent refuses a non-function listener', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(() => bridge.onEvent('nope' as never)).toThrow('mqp.onEvent needs a function');
  });
});
