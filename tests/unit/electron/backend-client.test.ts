import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendEvent, Envelope } from '../../../src-main/contract';
import { createBackendWorkerClient, type BackendWorkerClient } from '../../../src-main/main/worker/backend-client';

const SCRIPT = fileURLToPath(new URL('./fixtures/scripted-backend-worker.mjs', import.meta.url));
const workers: Worker[] = [];

function start(): { client: BackendWorkerClient; worker: Worker } {
  const worker = new Worker(SCRIPT);
  workers.push(worker);
  return { client: createBackendWorkerClient(worker), worker };
}
const call = (client: BackendWorkerClient, procedure: string, input: unknown = {}) =>
  client.call({ procedure, input, sessionToken: null });
const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? null : envelope.error.code);

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

describe('§2 backend worker client (real worker thread)', () => {
  it('§2 reports the backend as started', async () => {
    const { client } = start();
    expect(await client.started).toEqual({ ok: true });
    expect(client.status).toBe('ready');
  });

  it('§2 a call comes back with its envelope', async () => {
    const { client } = start();
    const request = { procedure: 'test.echo', input: { crd: '42' }, sessionToken: 'tok' };
    expect(await client.call(request)).toEqual({ ok: true, value: request });
    expect(client.pendingCount).toBe(0);
  });

  it('§2 replies are routed by id, whatever order they arrive in', async () => {
    const { client } = start();
    const first = call(client, 'test.hold');
    const second = call(client, 'test.hold');
    await call(client, 'test.echo'); // both holds have reached the worker once this round trip is done
    expect(client.pendingCount).toBe(2);
    const released = await call(client, 'test.release');
    expect(released).toEqual({ ok: true, value: 'released' });
    expect(await first).toEqual({ ok: true, value: 'held 1' });
    expect(await second).toEqual({ ok: true, value: 'held 2' });
  });

  it('§2 malformed messages and unknown ids are ignored', async () => {
    const { client } = start();
    expect(await call(client, 'test.noise')).toEqual({ ok: true, value: 'after noise' });
  });

  it('§2 backend events reach every listener until it unsubscribes', async () => {
    const { client } = start();
    const a: BackendEvent[] = [];
    const b: BackendEvent[] = [];
    const offA = client.onEvent((e) => a.push(e));
    client.onEvent((e) => b.push(e));
    client.onEvent(() => {
      throw new Error('a faulty listener');
    });
    await call(client, 'test.emit', { task: 'import', done: 1, total: 2 });
    offA();
    await call(client, 'test.emit', { task: 'import', done: 2, total: 2 });
    expect(a.map((e) => e.payload)).toEqual([{ task: 'import', done: 1, total: 2 }]);
    expect(b.map((e) => e.payload)).toEqual([
      { task: 'import', done: 1, total: 2 },
      { task: 'import', done: 2, total: 2 },
    ]);
  });

  it('§2 when the worker exits, waiting calls get an INTERNAL envelope, and so do later ones', async () => {
    const { client } = start();
    const waiting = call(client, 'test.hold');
    const dying = call(client, 'test.exit');
    const [w, d] = await Promise.all([waiting, dying]);
    for (const envelope of [w, d]) {
      expect(codeOf(envelope)).toBe('INTERNAL');
      expect(envelope.ok === false && envelope.error.message).toContain('exit code 3');
    }
    expect(client.status).toBe('exited');
    expect(client.pendingCount).toBe(0);
    expect(codeOf(await call(client, 'test.echo'))).toBe('INTERNAL');
  });

  it('§2 an uncaught error in the worker fails the waiting calls with its message', async () => {
    const { client } = start();
    const envelope = await call(client, 'test.throw');
    expect(codeOf(envelope)).toBe('INTERNAL');
    expect(envelope.ok === false && envelope.error.message).toContain('boom in worker');
  });

  it('§2 close() lets the worker finish, then calls are refused', async () => {
    const { client } = start();
    await client.started;
    await client.close();
    expect(client.status).toBe('exited');
    expect(codeOf(await call(client, 'test.echo'))).toBe('INTERNAL');
  });

  it('§2 close() terminates a worker that does not stop by itself', async () => {
    const { client } = start();
    await call(client, 'test.ignore-close');
    const waiting = call(client, 'test.hold');
    await client.close(50);
    expect(client.status).toBe('exited');
    const envelope = await waiting;
    expect(envelope.ok === false && envelope.error.message).toContain('shut down');
  });
});
