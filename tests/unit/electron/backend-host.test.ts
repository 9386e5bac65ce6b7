import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src-main/backend/api';
import type { BackendEvent, RpcRequest } from '../../../src-main/contract';
import { createBackendWorkerClient, type WorkerLike } from '../../../src-main/main/worker/backend-client';
import { serveBackend } from '../../../src-main/main/worker/backend-host';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function fakeBackend() {
  const listeners = new Set<(e: BackendEvent) => void>();
  const state = { closed: false, calls: [] as RpcRequest[] };
  const backend: Backend = {
    async call(request) {
      state.calls.push(request);
      if (request.procedure === 'test.throws') throw new Error('handler blew up');
      if (request.procedure === 'test.unclonable') return { ok: true, value: () => 1 };
      if (request.procedure === 'test.emit') listeners.forEach((l) => l({ name: 'session.ended', payload: { reason: 'expired' } }));
      return { ok: true, value: { echoed: request } };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      state.closed = true;
    },
  };
  return { backend, state, listeners };
}

/** Host on port1 (the worker side), client on port2 made to look like a Worker ('close' of the port = exit). */
function connect(opening: Promise<Backend>) {
  const channel = new MessageChannel();
  channels.push(channel);
  serveBackend(channel.port1, opening);
  const emitter = new EventEmitter();
  channel.port2.on('message', (m) => emitter.emit('message', m));
  channel.port2.on('close', () => emitter.emit('exit', 0));
  const worker: WorkerLike = {
    postMessage: (m) => channel.port2.postMessage(m),
    on: (event: string, listener: (...args: never[]) => void) => emitter.on(event, listener as (...args: unknown[]) => void),
    terminate: async () => {
      channel.port2.close();
      return 0;
    },
  };
  return { client: createBackendWorkerClient(worker), port: channel.port2 };
}

describe('§2 backend worker host', () => {
  it('§2 relays a call to the backend and its envelope back', async () => {
    const { backend, state } = fakeBackend();
    const { client } = connect(Promise.resolve(backend));
    expect(await client.started).toEqual({ ok: true });
    const request = { procedure: 'setup.status', input: {}, sessionToken: null };
    expect(await client.call(request)).toEqual({ ok: true, value: { echoed: request } });
    expect(state.calls).toEqual([request]);
  });

  it('§2 a throwing backend becomes an INTERNAL envelope naming the procedure', async () => {
    const { client } = connect(Promise.resolve(fakeBackend().backend));
    const envelope = await client.call({ procedure: 'test.throws', input: {} });
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The backend failed on test.throws: handler blew up' } });
  });

  it('§2 an answer that cannot cross the thread boundary becomes an INTERNAL envelope', async () => {
    const { client } = connect(Promise.resolve(fakeBackend().backend));
    const envelope = await client.call({ procedure: 'test.unclonable', input: {} });
    expect(envelope.ok === false && envelope.error.code).toBe('INTERNAL');
  });

  it('§2 backend events are forwarded', async () => {
    const { client } = connect(Promise.resolve(fakeBackend().backend));
    const events: BackendEvent[] = [];
    client.onEvent((e) => events.push(e));
    await client.call({ procedure: 'test.emit', input: {} });
    expect(events).toEqual([{ name: 'session.ended', payload: { reason: 'expired' } }]);
  });

  it('§2 malformed messages to the host are ignored', async () => {
    const { client, port } = connect(Promise.resolve(fakeBackend().backend));
    port.postMessage({ type: 'call', id: -1, request: { procedure: 'x' } });
    port.postMessage({ type: 'call', id: 5, request: { procedure: 7 } });
    port.postMessage('garbage');
    expect((await client.call({ procedure: 'setup.status', input: {} })).ok).toBe(true);
  });

  it('§3 a backend that cannot open answers every call with INTERNAL and the reason', async () => {
    const { client } = connect(Promise.reject(new Error('database was written by a newer version')));
    expect(await client.started).toEqual({ ok: false, message: 'database was written by a newer version' });
    expect(client.status).toBe('failed');
    expect(await client.call({ procedure: 'setup.status', input: {} })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The backend could not start: database was written by a newer version' },
    });
  });

  it('§2 close() closes the backend, drops the event subscription and ends the channel', async () => {
    const { backend, state, listeners } = fakeBackend();
    const { client } = connect(Promise.resolve(backend));
    await client.started;
    expect(listeners.size).toBe(1);
    await client.close();
    expect(state.closed).toBe(true);
    expect(listeners.size).toBe(0);
    expect(client.status).toBe('exited');
  });
});
