/** Timing, latency percentiles and memory sampling shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function latency(samplesMs: readonly number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? NaN, mean: sum / (sorted.length || 1) };
}

/**
 * Wall-clock and process CPU time of `work`. CPU time leaves out the time other processes took the CPU away (a
 * loaded 2-core machine), and also the time spent waiting on the disk (fsync at COMMIT).
 */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

export const now = () => performance.now();

const MB = 1024 * 1024;

export interface MemoryPeak {
  /** RSS when the phase began: what earlier phases left behind (V8 heap not yet returned, SQLite caches). */
  startRssMb: number;
  /** Highest process.memoryUsage().rss seen while the phase ran (sampled). */
  sampledPeakRssMb: number;
  /** process.resourceUsage().maxRSS at the end of the phase: the process's peak so far, not the phase's alone. */
  processMaxRssMb: number;
}

/**
 * Samples RSS on a timer and whenever `sample()` is called: synchronous hot loops (an import iterating an in-memory
 * array only yields to microtasks) never let the timer fire, so they call `sample()` from their progress callbacks.
 */
export class RssSampler {
  private peak = 0;
  private startRss = 0;
  private timer: NodeJS.Timeout | null = null;

  start(intervalMs = 25): this {
    this.startRss = process.memoryUsage.rss();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  stop(): MemoryPeak {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return {
      startRssMb: round(this.startRss / MB, 1),
      sampledPeakRssMb: round(this.peak / MB, 1),
      processMaxRssMb: round((process.resourceUsage().maxRSS * 1024) / MB, 1),
    };
  }
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

