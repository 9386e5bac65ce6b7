/**
 * Fault injection for tests (POST /__admin/faults, `--faults JSON`): what a flaky network and a proxy in front of
 * the service would do to /v1 requests. Decisions come from a seeded generator, so a failing run can be replayed.
 */
import { z } from 'zod';

export const faultConfig = z
  .object({
    /** Added before every /v1 request is handled. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Share of requests answered with `failStatus` without being processed. */
    failRate: z.number().min(0).max(1).default(0),
    failStatus: z.union([z.literal(500), z.literal(503)]).default(503),
    /** Sent as `Retry-After` with injected failures when set. */
    retryAfterSeconds: z.number().int().min(0).max(3600).nullable().default(null),
    /** Share of requests processed and then left unanswered: the socket is destroyed, as if the network dropped. */
    dropRate: z.number().min(0).max(1).default(0),
    /** Share of requests processed twice (the first answer discarded), as a retrying proxy would. */
    duplicateRate: z.number().min(0).max(1).default(0),
    seed: z.number().int().default(1),
  })
  .strict();
export type FaultConfig = z.infer<typeof faultConfig>;

export interface FaultDecision {
  latencyMs: number;
  fail: boolean;
  duplicate: boolean;
  drop: boolean;
}

export class Faults {
  private config: FaultConfig = faultConfig.parse({});
  private random: () => number = mulberry32(1);
  private injected = { failed: 0, dropped: 0, duplicated: 0 };

  get current(): FaultConfig & { injected: { failed: number; dropped: number; duplicated: number } } {
    return { ...this.config, injected: { ...this.injected } };
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.random = mulberry32(config.seed);
    this.injected = { failed: 0, dropped: 0, duplicated: 0 };
  }

  reset(): void {
    this.set(faultConfig.parse({}));
  }

  /** One draw per kind of fault, always in the same order, so the same seed gives the same sequence. */
  decide(): FaultDecision {
    const { latencyMs, failRate, dropRate, duplicateRate } = this.config;
    const [failDraw, duplicateDraw, dropDraw] = [this.random(), this.random(), this.random()];
    const fail = failDraw < failRate;
    const duplicate = !fail && duplicateDraw < duplicateRate;
    const drop = !fail && dropDraw < dropRate;
    if (fail) this.injected.failed++;
    if (duplicate) this.injected.duplicated++;
    if (drop) this.injected.dropped++;
    return { latencyMs, fail, duplicate, drop };
  }
}

/** A small, well-known seeded generator (Mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
