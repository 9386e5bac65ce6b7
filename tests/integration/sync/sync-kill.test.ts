/**
 * Kill -9 at seeded random moments: the station during pulls and pushes (20 trials), and the central service
 * during a push. Afterwards nothing is missing, nothing is duplicated, and the audit chain verifies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openBackend } from '../../../src-main/backend';
import { fixedClock } from '../../../src-main/backend/clock';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { generateDemoIndividuals } from '../../../src-main/backend/domain';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { queueEchoCommands, stationStats } from '../../support/station';
import { tempDir } from '../../support/temp-dir';

let central: CentralProcess | null = null;
const dir = tempDir();
afterEach(async () => {
  await central?.stop();
  dir.cleanup();
});

/** Mulberry32: the kill moments are random but the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syncArgs = (c: CentralProcess) => ['bin/mqp.js', 'sync', '--data', dir.path, '--central', c.url, '--token', c.stationToken, '--once', '--base-delay-ms', '5', '--pull-page-size', '100', '--push-batch-size', '20'];

/** What a sync pass moves: the outbox and the pull cursor (read directly, read-only). */
function progressMarks() {
  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
  try {
    return {
      pending: db.prepare(`SELECT count(*) FROM outbox WHERE status = 'pending'`).pluck().get() as number,
      cursor: db.prepare(`SELECT value FROM setting WHERE key = 'sync.cursor'`).pluck().get() as string | undefined,
    };
  } finally {
    db.close();
  }
}

async function echoCounts(c: CentralProcess) {
  const { keys } = (await (await c.admin('commands?type=test.echo')).json()) as { keys: Record<string, { applied: number; effects: number }> };
  return keys;
}

async function expectConverged(c: CentralProcess, echoKeys: string[]) {
  // Finish the work: one clean pass (retried while a pass reports a transient failure).
  for (let i = 0; i < 10; i++) {
    const run = spawnSync(process.execPath, syncArgs(c), { encoding: 'utf8' });
    if (run.status === 0) break;
  }
  const stats = stationStats(dir.path);
  const expected = (await (await c.admin('checksum')).json()) as { count: number; sha256: string };
  expect({ count: stats.individuals, sha256: stats.individualsChecksum }).toEqual(expected);
  expect(stats).toMatchObject({ outboxPending: 0, outboxFailed: 0, outboxConflict: 0 });

  const echo = await echoCounts(c);
  expect(Object.keys(echo).sort()).toEqual([...echoKeys].sort());
  expect(Object.entries(echo).filter(([, n]) => n.applied !== 1 || n.effects !== 1)).toEqual([]);

  const { keys: audit } = (await (await c.admin('commands?type=audit.append')).json()) as { keys: Record<string, { applied: number }> };
  expect(Object.keys(audit)).toHaveLength(stats.auditEvents);
  expect(Object.values(audit).every((n) => n.applied === 1)).toBe(true);

  const verify = spawnSync(process.execPath, ['bin/mqp.js', 'audit', 'verify', '--data', dir.path], { encoding: 'utf8' });
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
}

it('survives kill -9 of the station at 20 seeded random moments during pulls and pushes', async () => {
  central = await startCentralProcess({ seed: 3000 });
  const echoKeys = await queueEchoCommands(dir.path, 1000);
  const random = seeded(2026);
  const outcomes = { killed: 0, finished: 0, killedAfterProgress: 0 };

  for (let trial = 0; trial < 20; trial++) {
    // Every trial has work on both sides: commands queued here, and changed individuals on the central service.
    echoKeys.push(...(await queueEchoCommands(dir.path, 100, `trial${trial}`)));
    const records = [...generateDemoIndividuals(400, 1)].map((r) => ({ ...r, phone: `555-01${String(trial).padStart(2, '0')}` }));
    expect((await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records }) })).status).toBe(200);

    const before = progressMarks();
    // Kill at a random moment after the pass has started working (its first progress line), not during start-up.
    const child = spawn(process.execPath, syncArgs(central), { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const delay = Math.floor(random() * 300);
    let timer: NodeJS.Timeout | undefined;
    child.stderr!.once('data', () => (timer = setTimeout(() => child.kill('SIGKILL'), delay)));
    const code = await exited;
    clearTimeout(timer);
    if (code === null) outcomes.killed += 1;
    else outcomes.finished += 1;
    const after = progressMarks();
    if (code === null && (after.pending !== before.pending || after.cursor !== before.cursor)) outcomes.killedAfterProgress += 1;
  }
  console.log(`station kill trials: ${JSON.stringify(outcomes)}`);
  // The trials really interrupted work in progress, not only processes that had not started yet.
  expect(outcomes.killedAfterProgress).toBeGreaterThanOrEqual(15);
  await expectConverged(central, echoKeys);
}, 240_000);

it('survives kill -9 of the central service during a push: after its restart every command is held exactly once', async () => {
  central = await startCentralProcess({ seed: 100, faults: { latencyMs: 15 } });
  const echoKeys = await queueEchoCommands(dir.path, 1000);
  const clock = fixedClock(new Date());
  const backend = await openBackend({
    dataDir: dir.path,
    clock,
    central: { url: central.url, token: central.stationToken, autoStart: false, pushBatchSize: 25, policy: { baseDelayMs: 100, maxDelayMs: 1000 } },
  });
  try {
    const pass = backend.sync!.syncOnce();
    // Wait until the push is well under way, then kill the central service mid-batch.
    for (let i = 0; i < 400 && Object.keys(await echoCounts(central)).length < 300; i++) await new Promise((r) => setImmediate(r));
    expect(Object.keys(await echoCounts(central)).length).toBeGreaterThanOrEqual(300);
    await central.kill('SIGKILL');
    const interrupted = await pass;
    expect(interrupted.ok).toBe(false);
    expect(stationStats(dir.path).outboxPending).toBeGreaterThan(0);

    await central.restart();
    for (let i = 0; i < 20 && stationStats(dir.path).outboxPending > 0; i++) {
      clock.advance(1000);
      await backend.sync!.syncOnce();
    }
  } finally {
    await backend.close();
  }
  await expectConverged(central, echoKeys);
}, 120_000);
