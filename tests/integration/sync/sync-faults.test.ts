/**
 * With 30 % of requests failing — 503 with Retry-After, dropped connections, duplicated deliveries — 1,000 queued
 * commands all arrive exactly once.
 */
import { afterEach, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src-main/backend';
import { fixedClock } from '../../../src-main/backend/clock';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { queueEchoCommands, stationStats } from '../../support/station';
import { tempDir } from '../../support/temp-dir';

let central: CentralProcess | null = null;
let backend: Backend | null = null;
const dir = tempDir();
afterEach(async () => {
  await backend?.close();
  await central?.stop();
  dir.cleanup();
});

it('delivers 1,000 queued commands exactly once through a network that fails 30 % of requests', async () => {
  central = await startCentralProcess({ seed: 10 });
  const keys = await queueEchoCommands(dir.path, 1000);

  // 15 % answered 503 (Retry-After: 1 s), 10 % processed but never answered, 10 % processed twice.
  const faults = await central.admin('faults', {
    method: 'POST',
    body: JSON.stringify({ failRate: 0.15, failStatus: 503, retryAfterSeconds: 1, dropRate: 0.1, duplicateRate: 0.1, seed: 42 }),
  });
  expect(faults.status).toBe(200);

  // The station's clock is ours: after each failed pass we move it past the backoff instead of sleeping.
  const clock = fixedClock(new Date());
  const policy = { baseDelayMs: 100, maxDelayMs: 2000, maxAttempts: 1000 };
  backend = await openBackend({ dataDir: dir.path, clock, central: { url: central.url, token: central.stationToken, autoStart: false, policy, pushBatchSize: 10 } });
  let passes = 0;
  while (stationStats(dir.path).outboxPending > 0 && passes < 500) {
    passes += 1;
    await backend.sync!.syncOnce();
    clock.advance(policy.maxDelayMs);
  }
  expect(stationStats(dir.path)).toMatchObject({ outboxPending: 0, outboxFailed: 0, outboxConflict: 0 });

  const injected = ((await (await central.admin('faults')).json()) as { injected: { failed: number; dropped: number; duplicated: number } }).injected;
  expect(injected.failed).toBeGreaterThan(0);
  expect(injected.dropped).toBeGreaterThan(0);
  expect(injected.duplicated).toBeGreaterThan(0);

  const { keys: counts } = (await (await central.admin('commands?type=test.echo')).json()) as { keys: Record<string, { applied: number; effects: number }> };
  expect(Object.keys(counts).sort()).toEqual([...keys].sort());
  expect(Object.entries(counts).filter(([, c]) => c.applied !== 1 || c.effects !== 1)).toEqual([]);
});
