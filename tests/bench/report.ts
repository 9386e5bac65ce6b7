/** The machine description, the readable table and bench-results.json. */
import { renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditResult } from './audit-bench';
import type { BenchOptions } from './bench-options';
import type { ConsoleResult, ScrollToEnd } from './console-bench';
import type { DispatcherSearchResult } from './dispatcher-search-bench';
import type { ImportResult } from './import-bench';
import { importMemoryNotes, importMemoryRows, importMemorySection, importMemoryVerdict, type ImportMemoryResults } from './import-memory-report';
import type { MemoryPeak } from './measure';
import type { SearchResult } from './search-bench';
import type { WorkspaceResult } from './workspace-bench';

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  totalMemMb: number;
  node: string;
  platform: string;
  sqlite: string;
  /** 1-minute load average when the run began and ended: other processes' load skews every figure. */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  generate: { seconds: number; individuals: number };
  import: ImportResult;
  /** The backend's memory during a console import: the bundled backend (judged) and mqp serve beside it. */
  importRss: ImportMemoryResults;
  search: SearchResult;
  dispatcherSearch: DispatcherSearchResult;
  workspace: WorkspaceResult;
  /** null with --skip-console. */
  console: ConsoleResult | null;
  audit: AuditResult;
  totalSeconds: number;
}

export const loadNow = () => Math.round(loadavg()[0] * 100) / 100;

export function machineInfo(db: BetterSqlite3.Database, loadAtStart: number): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model ?? 'unknown',
    cpuCount: list.length,
    totalMemMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sqlite: db.prepare('SELECT sqlite_version()').pluck().get() as string,
    loadAverage: { start: loadAtStart, end: loadAtStart },
  };
}

/** Written through a .tmp file and renamed, so a crashed run never leaves half a JSON file. */
export function writeResults(file: string, machine: Machine, params: BenchOptions, results: BenchResults): void {
  const body = { machine, date: new Date().toISOString(), params, results };
  writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

const n = (v: number) => v.toLocaleString('en-US');
const ms = (v: number) => `${v.toFixed(2)} ms`;
const mem = (m: MemoryPeak) => `${m.startRssMb} → ${m.sampledPeakRssMb}`;

export function formatTable(machine: Machine, params: BenchOptions, r: BenchResults): string {
  const rows: [string, string, string, string][] = [];
  const section = (title: string) => rows.push([`— ${title}`, '', '', '']);
  const row = (metric: string, ours: string, baseline = '', ratio = '') => rows.push([metric, ours, baseline, ratio]);

  section(`import ${n(r.import.ours.rows)} individuals (+${n(r.import.ours.childRows)} registration/disqualification rows)`);
  row('rows/s', n(r.import.ours.rowsPerSecond), n(r.import.baseline.rowsPerSecond), `${r.import.ratio.toFixed(3)} (ours/raw)`);
  const runs = (list: number[]) => list.map((v) => v.toFixed(2)).join(' / ');
  row(`seconds (each run; best used)`, runs(r.import.seconds.ours), runs(r.import.seconds.baseline));
  row('CPU seconds (each run)', runs(r.import.cpuSeconds.ours), runs(r.import.cpuSeconds.baseline), `${r.import.cpuRatio.toFixed(3)} (CPU ours/raw)`);
  row('RSS at start → sampled peak (MB)', mem(r.import.ours.memory), mem(r.import.baseline.memory));
  row('process maxRSS so far (MB)', String(r.import.ours.memory.processMaxRssMb), String(r.import.baseline.memory.processMaxRssMb));

  section(importMemorySection(r.importRss));
  importMemoryRows(r.importRss, row);

  const s = r.search;
  section(`search over ${n(params.count)} individuals: ${n(s.queries)} queries after ${n(s.warmup)} warm-up, limit 20`);
  for (const key of ['p50', 'p95', 'p99', 'max'] as const) {
    row(key, ms(s.ours[key]), ms(s.baseline[key]), key === 'p99' ? `${s.p99Ratio.toFixed(2)} (ours/raw)` : '');
  }
  row('CPU time p50 / p99 (load-insensitive)', `${ms(s.cpu.ours.p50)} / ${ms(s.cpu.ours.p99)}`, `${ms(s.cpu.baseline.p50)} / ${ms(s.cpu.baseline.p99)}`, `${(s.cpu.ours.p99 / s.cpu.baseline.p99).toFixed(2)} (p99 ours/raw)`);
  row('dispatcher individual.search p50 / p95', `${ms(r.dispatcherSearch.latency.p50)} / ${ms(r.dispatcherSearch.latency.p95)}`, '', `+${ms(r.dispatcherSearch.overheadP50Ms)} p50`);
  row('dispatcher individual.search p99 / max', `${ms(r.dispatcherSearch.latency.p99)} / ${ms(r.dispatcherSearch.latency.max)}`, '', `${r.dispatcherSearch.p99VsDirect.toFixed(2)} (vs direct p99)`);
  for (const [kind, k] of Object.entries(s.byKind)) {
    row(`  ${kind} (${k.queries} q, ${k.meanHits} hits avg)`, `p50 ${ms(k.p50)}  p99 ${ms(k.p99)}`, '', `max ${ms(k.max)}`);
  }

  const w = r.workspace;
  section(`review workspace over ${n(w.workspaceRows)} registrations (${n(w.facetCells)} facet cells): pages of 50`);
  const pl = (l: { p50: number; p99: number }) => `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}`;
  row(`keyset pages, ${n(w.pages.queries)} requests`, pl(w.pages.latency), pl(w.pages.baseline.firstPages), `max ${ms(w.pages.latency.max)}`);
  for (const [position, l] of Object.entries(w.pages.byPosition)) row(`  ${position} pages (${l.count})`, pl(l), position === 'last' ? pl(w.pages.baseline.lastPagesByOffset) : '', `max ${ms(l.max)}`);
  row(`full-text filtered pages, ${n(w.text.queries)}`, pl(w.text.latency), pl(w.text.baseline), `max ${ms(w.text.latency.max)}`);
  for (const [kind, k] of Object.entries(w.text.byKind)) row(`  ${kind} (${k.count} q, ${k.meanMatches} people matched avg)`, pl(k), '', `max ${ms(k.max)}`);
  row(`facet counts after a filter change, ${n(w.facets.requests)}`, pl(w.facets.latency), `${pl(w.facets.baseline)} (${w.facets.baselineRequests})`, `max ${ms(w.facets.latency.max)}`);
  row(`next-day re-evaluation: ${n(w.rollover.slices)} slices of ${n(w.rollover.sliceSize)}`, `${w.rollover.seconds.toFixed(2)} s`, '', `slice p99 ${ms(w.rollover.sliceMs.p99)}, max ${ms(w.rollover.sliceMs.max)}`);

  const c = r.console;
  if (c) {
    section(`console in Chromium over mqp serve: ${n(c.scrollToEnd.totalRows)} workspace rows`);
    const runsMs = c.signInToFirstRowsMs;
    row(`sign-in → first workspace rows painted, p50 / max (${runsMs.runs.length} runs)`, `${ms(runsMs.p50)} / ${ms(runsMs.max)}`, '', `target ≤ ${c.targetMs} ms: ${c.met ? 'MET' : 'NOT MET'}`);
    row('  each run / the cold first sign-in', runsMs.runs.map((v) => v.toFixed(0)).join(' / ') + ' ms', '', `cold ${ms(c.coldSignInMs)}`);
    if (c.hostMemory) row('mqp serve RSS after the runs / its peak (MB)', `${c.hostMemory.rssMb} / ${c.hostMemory.peakMb}`, '', 'the backend a console import runs in');
    for (const s of [c.scrollToEnd, c.scrollbarToEnd]) row(`scroll to the end (${s.by}): pages / rows loaded`, scrollText(s), '', `last row in ${ms(s.ms)}${s.lastRowShown ? ', the right one' : ', WRONG'}`);
  } else {
    section('console in Chromium: skipped (--skip-console)');
  }

  const a = r.audit;
  section(`audit chain: ${n(a.events)} events`);
  row('append events/s (+outbox row each)', n(a.append.eventsPerSecond), '', `${a.append.seconds.toFixed(2)} s`);
  row('verify events/s', n(a.verify.eventsPerSecond), n(a.baseline.eventsPerSecond), `${a.ratio.toFixed(3)} (ours/raw)`);
  row('verify seconds (best of 2)', a.verify.seconds.toFixed(2), a.baseline.seconds.toFixed(2), `${a.cpuRatio.toFixed(3)} (CPU ours/raw)`);
  row('extrapolated s for 1,000,000', a.verify.extrapolatedSecondsFor1M.toFixed(1), a.baseline.extrapolatedSecondsFor1M.toFixed(1));
  row('RSS at start → sampled peak during verify (MB)', mem(a.verify.memory), '', `maxRSS ${a.verify.memory.processMaxRssMb}`);

  const header: [string, string, string, string] = ['metric', 'ours', 'raw baseline', 'ratio / note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => (x[1] === '' && x[0].startsWith('—') && i === 0 ? 0 : x[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `MQP Assist benchmarks — ${machine.cpuCount}× ${machine.cpuModel}, ${n(machine.totalMemMb)} MB, node ${machine.node}, SQLite ${machine.sqlite}, ${machine.platform}`,
    `1-min load average ${machine.loadAverage.start} at start, ${machine.loadAverage.end} at end${machine.loadAverage.end > machine.cpuCount / 2 || machine.loadAverage.start > machine.cpuCount / 2 ? ' — other processes were busy: expect noisy tails and ratios' : ''}`,
    `generated ${n(r.generate.individuals)} demo individuals in ${r.generate.seconds.toFixed(2)} s (seed ${params.seed}); whole run ${r.totalSeconds.toFixed(1)} s`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((x) => (x[0].startsWith('—') ? x[0] : line(x))),
    '',
    'slowest searches, wall-clock (ours [its CPU time] / raw MATCH of the same string):',
    ...s.slowest.map((q) => `  ${ms(q.ms).padStart(9)} [${ms(q.cpuMs).padStart(9)}] / ${ms(q.rawMs).padStart(9)}  ${JSON.stringify(q.text)} [${q.kind}, ${q.hits} hits]`),
    '',
    `import:  ${r.import.baselineNote}`,
    ...importMemoryNotes(r.importRss),
    ...(c
      ? [
          `console: ${c.note}; reached as ${c.route}; backend settled ${(c.startup.settledAfterMs / 1000).toFixed(1)} s after start${c.startup.settled ? '' : ' (NOT idle: timed out)'}`,
          `console: the median sign-in fetched (ms after the submit): ${c.medianRunTimeline.map((e) => `${e.what} ${e.startMs}–${e.endMs}`).join(', ')}`,
        ]
      : []),
    `search:  ${s.baselineNote}`,
    `workspace: ${r.workspace.baselineNote}`,
    `audit:   ${a.baselineNote}`,
    '',
    searchVerdict(s, params.count),
    workspaceVerdict(r.workspace, params.count),
    importVerdict(r.import.ratio, r.import.cpuRatio),
    importMemoryVerdict(r.importRss, scopeAt(params.count)),
    c
      ? `sign-in to the first workspace rows ≤ ${c.targetMs} ms (median of ${c.signInToFirstRowsMs.runs.length} runs): ${c.met ? 'MET' : 'NOT MET'} (p50 ${ms(c.signInToFirstRowsMs.p50)}, max ${ms(c.signInToFirstRowsMs.max)}); scrolling to the end loaded ${n(c.scrollToEnd.rowsReceived)} of ${n(c.scrollToEnd.totalRows)} rows${scopeAt(params.count)}`
      : 'sign-in to the first workspace rows: not measured (--skip-console)',
  ];
  return out.join('\n');
}

const scopeAt = (count: number) => (count >= 1_000_000 ? '' : ` (the target is defined at 1,000,000 individuals; this run has ${n(count)})`);

const scrollText = (s: ScrollToEnd) => `${s.pageCalls} calls, ${n(s.rowsReceived)} of ${n(s.totalRows)} rows`;

function searchVerdict(s: SearchResult, count: number): string {
  const verdict = s.target.met ? 'MET' : 'NOT MET';
  const scope = s.target.applies ? '' : ` (the target is defined at ${n(s.target.atIndividuals)} individuals; this run has ${n(count)}, so it is indicative only)`;
  return `target search p99 < ${s.target.p99Ms} ms at ${n(s.target.atIndividuals)} individuals: ${verdict} — p99 ${ms(s.ours.p99)} wall-clock (CPU-time p99 ${ms(s.cpu.ours.p99)})${scope}`;
}

function workspaceVerdict(w: WorkspaceResult, count: number): string {
  const scope = w.target.applies ? '' : ` (the targets are defined at ${n(w.target.atIndividuals)} individuals; this run has ${n(count)}, so they are indicative only)`;
  return (
    `targets workspace page p99 ≤ ${w.target.pageP99Ms} ms: ${w.target.pagesMet ? 'MET' : 'NOT MET'} (p99 ${ms(w.pages.latency.p99)}, last pages ${ms(w.pages.byPosition.last.p99)}); ` +
    `facets p99 ≤ ${w.target.facetsP99Ms} ms: ${w.target.facetsMet ? 'MET' : 'NOT MET'} (p99 ${ms(w.facets.latency.p99)})${scope}`
  );
}

function importVerdict(ratio: number, cpuRatio: number): string {
  return `import ratio ${ratio.toFixed(3)} (CPU-time ratio ${cpuRatio.toFixed(3)}) vs the 0.7 guide: ${ratio >= 0.7 ? 'at or above' : 'below'} (information only, never an exit code)`;
}
