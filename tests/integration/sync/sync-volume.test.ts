/** Issue acceptance: a fresh station pulls 100,000 individuals; counts and a content checksum match the central service. */
import { afterEach, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src-main/backend';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { stationStats } from '../../support/station';
import { tempDir } from '../../support/temp-dir';

let central: CentralProcess | null = null;
let backend: Backend | null = null;
const dir = tempDir();
afterEach(async () => {
  await backend?.close();
  await central?.stop();
  dir.cleanup();
});

it('a fresh station pulls 100,000 individuals and holds exactly what the central service holds', async () => {
  central = await startCentralProcess({ seed: 100_000, startTimeoutMs: 120_000 });
  backend = await openBackend({ dataDir: dir.path, central: { url: central.url, token: central.stationToken, autoStart: false } });
  const started = Date.now();
  const report = await backend.sync!.syncOnce();
  const seconds = (Date.now() - started) / 1000;
  console.log(`pulled ${report.pulled} changes in ${seconds.toFixed(1)} s`);
  expect(report).toMatchObject({ ok: true, error: null });
  await backend.close();
  backend = null;

  const stats = stationStats(dir.path);
  const expected = (await (await central.admin('checksum')).json()) as { count: number; sha256: string };
  expect(expected.count).toBe(100_000);
  expect({ count: stats.individuals, sha256: stats.individualsChecksum }).toEqual(expected);
}, 300_000);
