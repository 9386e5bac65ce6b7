/**
 * Fault injection (DESIGN §4, §9): with failures, dropped answers and proxy-style duplicates on the wire, a client
 * that simply retries with the same idempotency keys still gets every command applied exactly once.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandResults } from '../../../src-main/contract/central-api';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { tempDir } from '../../support/temp-dir';
import { command, json } from './central-kit';

type Counts = { keys: Record<string, { applied: number; duplicate: number; rejected: number; conflict: number; effects?: number }> };
type FaultState = { injected: { failed: number; dropped: number; duplicated: number } };

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess();
});
afterAll(() => central?.stop());

async function setFaults(faults: Record<string, unknown>) {
  const res = await central.admin('faults', { method: 'POST', body: JSON.stringify(faults) });
  expect(res.status).toBe(200);
}

/** A minimal station pusher: send each batch until every command has a final verdict, retrying on any failure. */
async function pushWithRetries(keys: string[], batchSize: number): Promise<{ attempts: number; failures: number }> {
  let attempts = 0;
  let failures = 0;
  for (let i = 0; i < keys.length; i += batchSize) {
    const batch = keys.slice(i, i + batchSize).map((key) => command(key, 'test.echo', { key }));
    for (;;) {
      attempts++;
      if (attempts > 2000) throw new Error('gave up: too many attempts');
      try {
        const res = await central.v1('commands', { method: 'POST', body: JSON.stringify({ commands: batch }), signal: AbortSignal.timeout(10_000) });
        if (res.status === 200) {
          const { results } = commandResults.parse(await res.json());
          expect(results.map((r) => r.status).every((s) => s === 'applied' || s === 'duplicate')).toBe(true);
          break;
        }
        expect([500, 503]).toContain(res.status);
        await res.arrayBuffer();
      } catch (error) {
        if ((error as Error).name === 'AssertionError') throw error;
        // A dropped connection: the batch may or may not have been applied. Retrying is the only safe move.
      }
      failures++;
    }
  }
  return { attempts, failures };
}

async function expectExactlyOnce(keys: string[]) {
  const { keys: counts } = await json<Counts>(central.admin('commands?type=test.echo'));
  for (const key of keys) {
    expect(counts[key], key).toMatchObject({ applied: 1, effects: 1, rejected: 0, conflict: 0 });
  }
  return counts;
}

describe('fault injection on /v1', () => {
  afterAll(async () => {
    await central.admin('faults', { method: 'DELETE' });
  });

  it('failRate 0.3: a retrying client gets all commands applied exactly once', async () => {
    await setFaults({ failRate: 0.3, failStatus: 503, retryAfterSeconds: 0, seed: 7 });
    const keys = Array.from({ length: 200 }, (_, i) => `fail-rate-${String(i).padStart(4, '0')}`);
    const { failures } = await pushWithRetries(keys, 10);
    expect(failures).toBeGreaterThan(0);
    const state = await json<FaultState>(central.admin('faults'));
    expect(state.injected.failed).toBe(failures);
    await expectExactlyOnce(keys);
  });

  it('dropped answers and duplicated requests: still exactly once, with the retries visible as duplicates', async () => {
    await setFaults({ dropRate: 0.25, duplicateRate: 0.25, seed: 11 });
    const keys = Array.from({ length: 120 }, (_, i) => `drop-dup-${String(i).padStart(4, '0')}`);
    const { failures } = await pushWithRetries(keys, 10);
    const state = await json<FaultState>(central.admin('faults'));
    expect(state.injected.dropped).toBeGreaterThan(0);
    expect(state.injected.duplicated).toBeGreaterThan(0);
    expect(failures).toBe(state.injected.dropped);
    const counts = await expectExactlyOnce(keys);
    // Every drop and every duplicate made the server see commands it had already applied.
    expect(keys.some((k) => counts[k].duplicate > 0)).toBe(true);
    expect(central.output()).not.toMatch(/failed|Error/); // a destroyed socket is not an error of the service
  });

  it('answers injected failures with the configured status, Retry-After and the contract error body', async () => {
    await setFaults({ failRate: 1, failStatus: 500, retryAfterSeconds: 2 });
    const res = await central.v1('health');
    expect(res.status).toBe(500);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ error: { code: 'INJECTED_FAULT' } });
    expect((await central.admin('stats')).status).toBe(200); // admin endpoints are never faulted
    expect((await central.admin('faults', { method: 'DELETE' })).status).toBe(200);
    expect((await central.v1('health')).status).toBe(200);
  });

  it('adds the configured latency', async () => {
    await setFaults({ latencyMs: 250 });
    const started = performance.now();
    expect((await central.v1('health')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    await central.admin('faults', { method: 'DELETE' });
  });

  it.each([
    [{ failRate: 1.5 }, /^failRate: /],
    [{ failStatus: 418 }, /^failStatus: /],
    [{ failrate: 0.3 }, /failrate/],
  ])('refuses the fault settings %j with a 400 naming the field', async (faults, message) => {
    const res = await central.admin('faults', { method: 'POST', body: JSON.stringify(faults) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
  });
});

describe('--faults at start', () => {
  it('applies faults given on the command line from the first request', async () => {
    const faulty = await startCentralProcess({ faults: { failRate: 1, failStatus: 503 } });
    try {
      expect((await faulty.v1('health')).status).toBe(503);
    } finally {
      await faulty.stop();
    }
  });

  it('refuses malformed --faults with exit code 2 and a message naming the field', () => {
    const data = tempDir('mqp-central-bad-');
    try {
      const run = spawnSync(process.execPath, ['bin/mqp.js', 'central', '--port', '0', '--data', data.path, '--faults', '{"dropRate":2}'], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--faults dropRate: /);
    } finally {
      data.cleanup();
    }
  });
});
