import { describe, expect, it } from 'vitest';
import type { BundledBackendResult } from '../../bench/bundled-backend-bench';
import { measureImport, type ImportMemory, type ImportSubject, type TaskOutcome } from '../../bench/import-memory';
import { importMemoryNotes, importMemoryRows, importMemoryVerdict, type ImportMemoryResults } from '../../bench/import-memory-report';
import type { ImportRssResult } from '../../bench/import-rss-bench';

const UPLOAD = { seconds: 1, slices: 2, sliceBytes: 737_280 };

/** A subject that is this test's own process (so /proc has something to read) and whose import ends as told. */
function subject(outcome: Partial<TaskOutcome>): ImportSubject & { phases: string[] } {
  const phases: string[] = [];
  return {
    pid: process.pid,
    phases,
    async importFile(onPhase) {
      onPhase('validating');
      onPhase('importing');
      phases.push('validating', 'importing');
      return { outcome: { state: 'done', message: null, inserted: 100, problems: [], ...outcome }, upload: UPLOAD, seconds: 2 };
    },
  };
}

describe('import memory measurement (bench)', () => {
  it.runIf(process.platform === 'linux')('reads the memory around an import that inserted every generated individual', async () => {
    const s = subject({});
    const m = await measureImport(s, 100, 'this process', () => {});
    expect(s.phases).toEqual(['validating', 'importing']);
    expect(m.baselineMb).toBeGreaterThan(0);
    expect(m.hwmMb).toBeGreaterThanOrEqual(m.baselineMb);
    expect(m.met).toBe(Math.max(m.peakMb, m.hwmMb) <= 400);
    expect(m.upload).toEqual(UPLOAD);
  });

  it.runIf(process.platform === 'linux')('throws when the import inserted another count than was generated', async () => {
    await expect(measureImport(subject({ inserted: 99 }), 100, 'this process', () => {})).rejects.toThrow('inserted 99 individuals; 100 were generated');
  });

  it.runIf(process.platform === 'linux')('throws when the import did not end done', async () => {
    await expect(measureImport(subject({ state: 'failed', message: 'Nothing was imported' }), 100, 'this process', () => {})).rejects.toThrow(
      'ended failed: Nothing was imported',
    );
  });
});

function memory(peakMb: number): ImportMemory & { rowsPerSecond: number } {
  const phase = { seconds: 1, peakMb };
  return {
    peakMb,
    hwmMb: peakMb,
    baselineMb: 150,
    targetMb: 400,
    met: peakMb <= 400,
    seconds: 10,
    upload: UPLOAD,
    processes: 1,
    samples: 100,
    phases: { upload: phase, validating: phase, importing: phase },
    curve: [],
    rowsPerSecond: 10_000,
  };
}

const bundled = (peakMb: number, taskGetFailures = 0): BundledBackendResult => ({
  ...memory(peakMb),
  via: 'out/main/backend-worker.js in a worker thread, as Electron starts it',
  individuals: 100_000,
  fileMb: 55,
  nodeAloneMb: 43,
  taskGetFailures: { count: taskGetFailures, cause: taskGetFailures ? '[backend] task.get failed: SqliteError: database is locked' : null },
  note: '',
});
const serve = (peakMb: number): ImportRssResult => ({ ...memory(peakMb), via: 'mqp serve import.begin/append/start', individuals: 100_000, fileMb: 55, note: '' });

describe('import memory in the bench table', () => {
  it('judges the target on the bundled backend, not on mqp serve', () => {
    expect(importMemoryVerdict({ bundledBackend: bundled(300), mqpServe: serve(450) }, '')).toMatch(/^backend peak RSS during the import ≤ 400 MB: MET on the bundled backend/);
    expect(importMemoryVerdict({ bundledBackend: bundled(450), mqpServe: serve(300) }, '')).toMatch(/: NOT MET on the bundled backend/);
  });

  it("says Electron's main process is not included", () => {
    expect(importMemoryVerdict({ bundledBackend: bundled(300), mqpServe: null }, '')).toContain("Electron's own main-process memory cannot be measured here and is not included");
  });

  it('warns when task.get failed while the import ran, and names the cause', () => {
    expect(importMemoryVerdict({ bundledBackend: bundled(300), mqpServe: null }, '')).not.toContain('WARNING');
    expect(importMemoryVerdict({ bundledBackend: bundled(300, 3), mqpServe: null }, '')).toContain('WARNING: task.get answered INTERNAL 3 times while the import ran');
    expect(importMemoryNotes({ bundledBackend: bundled(300, 3), mqpServe: null }).join('\n')).toContain('database is locked');
  });

  it('lists both measurements, or says why mqp serve was skipped', () => {
    const rows = (results: ImportMemoryResults) => {
      const metrics: string[] = [];
      importMemoryRows(results, (metric) => metrics.push(metric));
      return metrics;
    };
    const both = rows({ bundledBackend: bundled(300), mqpServe: serve(350) });
    expect(both.filter((metric) => metric.includes('RSS before the upload'))).toHaveLength(2);
    expect(both).toContain('mqp serve (tsx), for comparison');
    const bundledOnly = rows({ bundledBackend: bundled(300), mqpServe: null });
    expect(bundledOnly.filter((metric) => metric.includes('RSS before the upload'))).toHaveLength(1);
    expect(bundledOnly.at(-1)).toBe('mqp serve (tsx), for comparison');
  });
});
