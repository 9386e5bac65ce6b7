import { describe, expect, it } from 'vitest';
import type { Envelope, RpcRequest } from '../../../src-main/contract';
import { createRpcRelay, type InvokeEventLike } from '../../../src-main/main/rpc-relay';

function setup(trustedId: number | null = 7) {
  const calls: RpcRequest[] = [];
  const warnings: string[] = [];
  const relay = createRpcRelay({
    call: async (request) => {
      calls.push(request);
      return { ok: true, value: `answer to ${request.procedure}` };
    },
    trustedWebContentsId: () => trustedId,
    warn: (message) => warnings.push(message),
  });
  return { relay, calls, warnings };
}

const fromMainWindow: InvokeEventLike = { sender: { id: 7 }, senderFrame: { url: 'app://mqp/index.html', parent: null } };

describe('§7 mqp:rpc relay', () => {
  it('§7 relays a clean request from the main window and returns the backend envelope', async () => {
    const { relay, calls } = setup();
    const payload = { procedure: 'setup.status', input: {}, sessionToken: 'tok', extra: 'dropped' };
    expect(await relay(fromMainWindow, payload)).toEqual({ ok: true, value: 'answer to setup.status' });
    expect(calls).toEqual([{ procedure: 'setup.status', input: {}, sessionToken: 'tok' }]);
  });

  it('§7 a missing session token is sent as null', async () => {
    const { relay, calls } = setup();
    await relay(fromMainWindow, { procedure: 'setup.status', input: {} });
    expect(calls[0].sessionToken).toBeNull();
  });

  it.each<[string, InvokeEventLike, number | null]>([
    ['an iframe', { sender: { id: 7 }, senderFrame: { url: 'app://mqp/index.html', parent: {} } }, 7],
    ['a remote page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 7],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }, 7],
    ['another web contents', { sender: { id: 8 }, senderFrame: { url: 'app://mqp/index.html', parent: null } }, 7],
    ['any sender while no window exists', fromMainWindow, null],
  ])('§7 refuses %s with FORBIDDEN and never reaches the backend', async (_why, event, trustedId) => {
    const { relay, calls, warnings } = setup(trustedId);
    const result = (await relay(event, { procedure: 'setup.status', input: {} })) as Envelope<unknown>;
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
    expect(calls).toHaveLength(0);
    expect(warnings).toHaveLength(1);
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'setup.status'],
    ['no procedure', { input: {} }],
    ['a numeric procedure', { procedure: 1, input: {} }],
    ['a non-text session token', { procedure: 'setup.status', input: {}, sessionToken: 5 }],
  ])('§2 refuses a malformed payload (%s) with INVALID_INPUT', async (_why, payload) => {
    const { relay, calls } = setup();
    const result = await relay(fromMainWindow, payload);
    expect(result.ok === false && result.error.code).toBe('INVALID_INPUT');
    expect(calls).toHaveLength(0);
  });
});
