/**
 * Volume (issue 3): `--seed 100000` in reasonable time, and a fresh station pulling all of it through
 * /v1/changes in pages of 5000. Timings are printed for the report; like benchmarks, they never fail the suite.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CHANGES_MAX_LIMIT } from '../../../src-main/contract/central-api';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';

const COUNT = 100_000;
let central: CentralProcess | undefined;
afterAll(() => central?.stop());

describe('100,000 seeded individuals', () => {
  it('are seeded, then pulled in full in pages of 5000', async () => {
    const started = performance.now();
    central = await startCentralProcess({ seed: COUNT, startTimeoutMs: 120_000 });
    const startMs = performance.now() - started;
    const seedMs = Number(/seeded \d+ individuals.* in (\d+) ms/.exec(central.output())?.[1]);

    const pullStarted = performance.now();
    const crds = new Set<string>();
    let cursor = '';
    let pages = 0;
    let bytes = 0;
    for (;;) {
      const res = await central.v1(`changes?limit=${CHANGES_MAX_LIMIT}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      bytes += text.length;
      const page = JSON.parse(text) as { changes: { kind: string; op: string; id: string }[]; nextCursor: string; hasMore: boolean };
      expect(page.changes.length).toBeLessThanOrEqual(CHANGES_MAX_LIMIT);
      for (const c of page.changes) if (c.kind === 'individual' && c.op === 'upsert') crds.add(c.id);
      cursor = page.nextCursor;
      pages++;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - pullStarted;
    expect(crds.size).toBe(COUNT);
    console.log(
      `central volume: seed ${COUNT} in ${seedMs} ms (process ready after ${Math.round(startMs)} ms); ` +
        `pulled ${crds.size} individuals in ${pages} pages (${(bytes / 1e6).toFixed(1)} MB) in ${Math.round(pullMs)} ms`,
    );
  });
});
