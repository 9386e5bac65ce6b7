/**
 * The same lookups through the whole contract path an agent's click takes (minus the transport): `openBackend`,
 * a signed-in agent, `individual.search` — zod input parsing, session resolution (TypeORM), role check, the serial
 * queue, the handler, the envelope. Shows what the contract layer adds on top of `searchIndividuals`.
 */
import { openBackend } from '../../src-main/backend';
import { fixedClock } from '../../src-main/backend/clock';
import { staffWithEveryRole } from '../support/test-backend';
import { latency, type Latency, now, round } from './measure';
import type { BenchQuery } from './query-mix';
import { rounded, SEARCH_LIMIT } from './search-bench';

export interface DispatcherSearchResult {
  queries: number;
  latency: Latency;
  /** dispatcher p50 − direct p50, in ms: the per-call cost of the contract layer. */
  overheadP50Ms: number;
  /** dispatcher p99 ÷ direct p99. */
  p99VsDirect: number;
}

export async function benchDispatcherSearch(
  dataDir: string,
  at: Date,
  stationId: string,
  warmup: readonly BenchQuery[],
  timedQueries: readonly BenchQuery[],
  direct: Latency,
): Promise<DispatcherSearchResult> {
  // A fixed clock: the session never needs its sliding-expiry touch, so every call is a pure read.
  const backend = await openBackend({ dataDir, clock: fixedClock(at), stationId, demo: false });
  try {
    const { agent } = await staffWithEveryRole(backend);
    const search = async (query: string) => {
      const envelope = await backend.call({ procedure: 'individual.search', input: { query, limit: SEARCH_LIMIT }, sessionToken: agent });
      if (!envelope.ok) throw new Error(`individual.search "${query}" failed: ${JSON.stringify(envelope.error)}`);
    };
    for (const q of warmup) await search(q.text);
    const ms: number[] = [];
    for (const q of timedQueries) {
      const t = now();
      await search(q.text);
      ms.push(now() - t);
    }
    const l = rounded(latency(ms));
    return { queries: ms.length, latency: l, overheadP50Ms: round(l.p50 - direct.p50, 3), p99VsDirect: round(l.p99 / direct.p99, 2) };
  } finally {
    await backend.close();
  }
}
