/**
 * The import-memory part of the bench's table: the bundled backend as the desktop app starts it, on which issue 5's
 * target is judged, and `mqp serve` (tsx) beside it for comparison.
 */
import type { BundledBackendResult } from './bundled-backend-bench';
import type { ImportMemory } from './import-memory';
import type { ImportRssResult } from './import-rss-bench';

export interface ImportMemoryResults {
  /** The desktop app's backend (out/main bundles, no tsx): the issue's target is judged on it. */
  bundledBackend: BundledBackendResult;
  /** `mqp serve` from the TypeScript sources; null when the console is not built (its launch token is in the page). */
  mqpServe: ImportRssResult | null;
}

type Row = (metric: string, ours: string, baseline?: string, ratio?: string) => void;

const PHASE_NAMES = { upload: 'upload (import.append)', validating: 'file check', importing: 'import' } as const;
const n = (v: number) => v.toLocaleString('en-US');
const verdict = (m: ImportMemory) => `target ≤ ${m.targetMb} MB: ${m.met ? 'MET' : 'NOT MET'}`;

export function importMemorySection(r: ImportMemoryResults): string {
  const b = r.bundledBackend;
  return `backend memory during a console import of ${n(b.individuals)} individuals (${n(b.fileMb)} MB of JSON lines); the target is judged on the bundled backend (${b.via})`;
}

export function importMemoryRows(r: ImportMemoryResults, row: Row): void {
  const b = r.bundledBackend;
  measurementRows('bundled backend, as the app starts it', b, row, () => {
    row('  of which plain Node before the backend (MB)', String(b.nodeAloneMb), '', "Electron's main process: not measured, not included");
    if (b.taskGetFailures.count > 0) row('  task.get answered INTERNAL during the import', n(b.taskGetFailures.count), '', 'the console would show the import as failed: see below');
  });
  if (r.mqpServe) measurementRows('mqp serve (tsx), for comparison', r.mqpServe, row);
  else row('mqp serve (tsx), for comparison', 'skipped', '', 'the console is not built: npm run build');
}

function measurementRows(title: string, m: ImportMemory & { rowsPerSecond: number }, row: Row, more?: () => void): void {
  row(title, '', '', '');
  row('  RSS before the upload → sampled peak (MB)', `${m.baselineMb} → ${m.peakMb}`, '', verdict(m));
  row('  VmHWM at the end (MB)', String(m.hwmMb), '', `${m.processes === 1 ? 'one process' : `${m.processes} processes`}, ${n(m.samples)} samples`);
  more?.();
  for (const [phase, name] of Object.entries(PHASE_NAMES) as [keyof typeof PHASE_NAMES, string][]) {
    row(`    ${name}: peak RSS (MB)`, String(m.phases[phase].peakMb), '', `${m.phases[phase].seconds.toFixed(2)} s`);
  }
  row('  import.start → done (check + import)', `${m.seconds.toFixed(2)} s`, '', `${n(m.rowsPerSecond)} rows/s; upload ${m.upload.seconds.toFixed(2)} s in ${n(m.upload.slices)} slices`);
}

export function importMemoryNotes(r: ImportMemoryResults): string[] {
  const failures = r.bundledBackend.taskGetFailures;
  return [
    `import memory, bundled backend: ${r.bundledBackend.note}`,
    ...(failures.count > 0 ? [`import memory, bundled backend: ${taskGetWarning(failures)}: ${failures.cause}`] : []),
    ...(r.mqpServe ? [`import memory, mqp serve: ${r.mqpServe.note}`] : []),
  ];
}

const taskGetWarning = (failures: BundledBackendResult['taskGetFailures']) =>
  `task.get answered INTERNAL ${n(failures.count)} time${failures.count === 1 ? '' : 's'} while the import ran (the console stops following an import at the first; the import itself went on)`;

/** The issue's line: judged on the bundled backend; mqp serve's figures follow for comparison. */
export function importMemoryVerdict(r: ImportMemoryResults, scope: string): string {
  const b = r.bundledBackend;
  const serve = r.mqpServe ? `; mqp serve (tsx), for comparison: ${r.mqpServe.baselineMb} → ${r.mqpServe.peakMb} MB, VmHWM ${r.mqpServe.hwmMb} MB` : '';
  return (
    `backend peak RSS during the import ≤ ${b.targetMb} MB: ${b.met ? 'MET' : 'NOT MET'} on the bundled backend as Electron starts it ` +
    `(${b.baselineMb} MB before the upload, sampled peak ${b.peakMb} MB, VmHWM ${b.hwmMb} MB; Electron's own main-process memory cannot be measured here and is not included)${serve}${scope}` +
    (b.taskGetFailures.count > 0 ? `\nWARNING: ${taskGetWarning(b.taskGetFailures)}` : '')
  );
}
