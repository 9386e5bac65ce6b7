/**
 * Peaks of the console host's memory (process-memory.ts) while a file is uploaded and then imported, per phase:
 * the upload (import.append calls), then the import task's own phases as task.get reports them (the worker first
 * checks the whole file, then writes it).
 */
import { round } from './measure';
import type { TreeMemory } from './process-memory';

export type HostPhase = 'upload' | 'validating' | 'importing';

export interface HostPhaseMemory {
  seconds: number;
  /** Highest VmRSS sampled while the phase ran. */
  peakMb: number;
}

/** One reading kept for the memory curve: [seconds since the upload began, phase, RSS MB]. */
export type HostMemoryPoint = [seconds: number, phase: HostPhase, rssMb: number];

export interface HostMemoryReport {
  /** Highest VmRSS sampled over every phase. */
  peakMb: number;
  /** Seconds from the first reading to the report. */
  seconds: number;
  samples: number;
  /** Most processes seen in the host's tree at once (1: it started none). */
  maxProcesses: number;
  phases: Record<HostPhase, HostPhaseMemory>;
  /** A reading every `curveEveryMs`, and the last one: does memory grow with the rows read, or stay flat? */
  curve: HostMemoryPoint[];
}

export class HostMemorySampler {
  private phase: HostPhase = 'upload';
  private phaseStarted: number;
  private readonly started: number;
  private samples = 0;
  private peak = 0;
  private maxProcesses = 0;
  private last: number | null = null;
  private nextPointAt = 0;
  private readonly curve: HostMemoryPoint[] = [];
  private readonly phases: Record<HostPhase, { ms: number; peak: number }> = {
    upload: { ms: 0, peak: 0 },
    validating: { ms: 0, peak: 0 },
    importing: { ms: 0, peak: 0 },
  };

  constructor(
    private readonly read: () => TreeMemory | null,
    private readonly clock: () => number = () => performance.now(),
    private readonly curveEveryMs = 2000,
  ) {
    this.started = this.phaseStarted = clock();
  }

  /** Moves to `phase` (a no-op when already there); the time so far goes to the phase being left. */
  enter(phase: HostPhase): void {
    if (phase === this.phase) return;
    this.sample();
    const now = this.clock();
    this.phases[this.phase].ms += now - this.phaseStarted;
    this.phase = phase;
    this.phaseStarted = now;
  }

  /** Takes a reading (none when the host has gone: the bench's next call fails and says so). */
  sample(): void {
    const memory = this.read();
    if (memory === null) return;
    this.samples += 1;
    this.last = memory.rssMb;
    this.peak = Math.max(this.peak, memory.rssMb);
    this.phases[this.phase].peak = Math.max(this.phases[this.phase].peak, memory.rssMb);
    this.maxProcesses = Math.max(this.maxProcesses, memory.processes);
    const at = this.clock() - this.started;
    if (at >= this.nextPointAt) {
      this.curve.push([round(at / 1000, 1), this.phase, memory.rssMb]);
      this.nextPointAt = at + this.curveEveryMs;
    }
  }

  report(): HostMemoryReport {
    this.sample();
    const now = this.clock();
    this.phases[this.phase].ms += now - this.phaseStarted;
    this.phaseStarted = now;
    const seconds = round((now - this.started) / 1000, 1);
    if (this.last !== null && this.curve.at(-1)?.[0] !== seconds) this.curve.push([seconds, this.phase, this.last]);
    const phase = (p: { ms: number; peak: number }): HostPhaseMemory => ({ seconds: round(p.ms / 1000, 2), peakMb: p.peak });
    return {
      peakMb: this.peak,
      seconds: round((now - this.started) / 1000, 3),
      samples: this.samples,
      maxProcesses: this.maxProcesses,
      phases: { upload: phase(this.phases.upload), validating: phase(this.phases.validating), importing: phase(this.phases.importing) },
      curve: this.curve,
    };
  }
}
