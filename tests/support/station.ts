/** Helpers that look at (or prepare) a station's data folder from outside, as an operator would. */
import { spawnSync } from 'node:child_process';
import { openStore } from '../../src-main/backend/store/open-store';
import { enqueueCommand } from '../../src-main/backend/sync/outbox';

export interface StationStats {
  individuals: number;
  registrations: number;
  enrollments: number;
  auditEvents: number;
  outboxPending: number;
  outboxFailed: number;
  outboxConflict: number;
  cursor: string | null;
  individualsChecksum: string | null;
}

/** `mqp stats --data DIR --json`, run as a real process. */
export function stationStats(dataDir: string): StationStats {
  const run = spawnSync(process.execPath, ['bin/mqp.js', 'stats', '--data', dataDir, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`mqp stats failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as StationStats;
}

/** Queues `count` test.echo commands in the station's outbox (one transaction), as accepted local changes would. */
export async function queueEchoCommands(dataDir: string, count: number, prefix = 'echo'): Promise<string[]> {
  const store = await openStore(dataDir);
  const keys: string[] = [];
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      keys.push(enqueueCommand(store.db, { key: `${prefix}-${String(i).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`, type: 'test.echo', payload: { n: i } }, new Date()));
    }
  })();
  await store.close();
  return keys;
}
