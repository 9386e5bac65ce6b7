/**
 * `npm run bench [-- --quick | --count N | …]` (flags: bench-options.ts): import, search and audit-chain
 * benchmarks as ratios against raw better-sqlite3 on the same machine in the same run (DESIGN §9); the peak memory
 * of the backend while a supervisor imports the generated file through it — the bundled backend as the desktop app
 * starts it (needs the built out/main bundles), then `mqp serve` (needs the built console, not Chromium); the console
 * itself in Chromium (sign-in to the first workspace rows, scrolling to the end). Writes
 * bench-results.json at the project root and prints a table. Timing never sets the exit code; only a crash or a
 * wrong answer (an import refused or miscounted, a chain not verifying, a wrong row shown) does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndividualRecord } from '../../src-main/contract';
import { generateDemoIndividuals, todayInNewYork } from '../../src-main/backend/domain';
import { fixedClock } from '../../src-main/backend/clock';
import { openStore } from '../../src-main/backend/store/open-store';
import { benchAudit } from './audit-bench';
import { type BenchOptions, parseBenchOptions, USAGE } from './bench-options';
import { benchConsole, browserLaunchOptions, type ConsoleResult } from './console-bench';
import { consoleIsBuilt } from './console-host';
import { benchBundledBackend, BUNDLED_BACKEND_MISSING, bundledBackendIsBuilt } from './bundled-backend-bench';
import { benchDispatcherSearch } from './dispatcher-search-bench';
import { benchImport } from './import-bench';
import { writeJsonl } from './import-memory';
import { benchImportRss, type ImportRssResult } from './import-rss-bench';
import { round, timed } from './measure';
import { queryMix } from './query-mix';
import { formatTable, loadNow, machineInfo, writeResults } from './report';
import { benchSearch } from './search-bench';
import { benchWorkspace } from './workspace-bench';

// A fixed instant, so eligibility (and so the work a search does) does not drift with the calendar.
const NOW = new Date('2025-10-01T15:00:00Z');
const AS_OF = todayInNewYork(NOW);
const STATION = 'station-bench';
/** The workspace phase re-evaluates the store for the next day: the console opens it on that day (an earlier clock would re-evaluate every row). */
const CONSOLE_NOW = new Date(NOW.getTime() + 24 * 3_600_000);
const CONSOLE_RUNS = 5;
const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

async function main(options: BenchOptions): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadNow();
  if (!options.skipConsole) browserLaunchOptions();
  // Issue 5's backend memory target is judged on the bundled backend: no run without it.
  if (!bundledBackendIsBuilt()) throw new Error(BUNDLED_BACKEND_MISSING);
  // --skip-console leaves out Chromium; the import through `mqp serve` still runs when the console is built.
  const measureServeMemory = consoleIsBuilt();
  const root = mkdtempSync(join(tmpdir(), 'mqp-bench-'));
  const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);
  try {
    log(`generating ${options.count.toLocaleString('en-US')} demo individuals (seed ${options.seed}) into ${root}`);
    const generated = await timed(() => {
      const records: IndividualRecord[] = [];
      const lines: string[] = [];
      for (const r of generateDemoIndividuals(options.count, options.seed)) {
        records.push(r);
        lines.push(JSON.stringify(r));
      }
      return { records, lines };
    });
    const { records, lines } = generated.value;
    // One file for both import-memory measurements.
    const jsonlFile = join(root, 'generated.jsonl');
    writeJsonl(jsonlFile, lines);

    const imported = await benchImport(
      { root, lines, records, asOf: AS_OF, now: NOW, stationId: STATION, runs: options.importRuns },
      log,
    );
    const oursStore = imported.store;
    const machine = machineInfo(oursStore.db, loadAtStart);
    lines.length = 0; // the JSON text is no longer needed; let the search phase run without it

    const bundledBackend = await benchBundledBackend({ root, file: jsonlFile, individuals: options.count }, log);
    let mqpServe: ImportRssResult | null = null;
    if (measureServeMemory) mqpServe = await benchImportRss({ root, file: jsonlFile, individuals: options.count, now: NOW }, log);
    else log('import memory of mqp serve: skipped (the console is not built: npm run build; mqp serve hands out its launch token in the built page)');
    rmSync(jsonlFile);

    const people = records.map(({ crd, firstName, lastName, email }) => ({ crd, firstName, lastName, email }));
    records.length = 0;
    const warmup = queryMix(people, options.warmup, `${options.seed}:warmup`);
    const queries = queryMix(people, options.queries, options.seed);

    log(`search: ${options.queries} queries, searchIndividuals vs raw FTS5 MATCH`);
    const search = benchSearch(oursStore.db, warmup, queries, AS_OF, options.count);
    await oursStore.close();

    log('search: individual.search through openBackend and the dispatcher');
    const dispatcherSearch = await benchDispatcherSearch(imported.dir, NOW, STATION, warmup, queries, search.ours);

    log('workspace: keyset pages, full-text pages, facet counts and the midnight re-evaluation on the imported store');
    const workspaceStore = await openStore(imported.dir);
    const workspace = benchWorkspace(
      workspaceStore,
      fixedClock(NOW),
      queries.slice(0, options.quick ? 200 : 400),
      { pages: options.quick ? 300 : 800, facets: options.quick ? 60 : 200, seed: options.seed, individuals: options.count },
      log,
    );
    await workspaceStore.close();

    let consoleResult: ConsoleResult | null = null;
    if (options.skipConsole) log('console: skipped (--skip-console)');
    else {
      log(`console: mqp serve on the imported store, reviewer sign-in to the first workspace rows in Chromium (${CONSOLE_RUNS} timed runs), then scrolling to the end`);
      consoleResult = await benchConsole({ dataDir: imported.dir, now: CONSOLE_NOW, runs: CONSOLE_RUNS }, log);
    }

    log(`audit: appending ${options.auditEvents.toLocaleString('en-US')} events, then the sliced verification of audit.verify vs raw scan + SHA-256`);
    const auditStore = await openStore(join(root, 'audit'));
    const audit = await benchAudit(auditStore, options.auditEvents, NOW, STATION);
    await auditStore.close();

    const results = {
      generate: { seconds: round(generated.ms / 1000, 3), individuals: options.count },
      import: imported.result,
      importRss: { bundledBackend, mqpServe },
      search,
      dispatcherSearch,
      workspace,
      console: consoleResult,
      audit,
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    machine.loadAverage.end = loadNow();
    writeResults(RESULTS_FILE, machine, options, results);
    console.log('\n' + formatTable(machine, options, results));
    console.log(`\nresults written to ${RESULTS_FILE}`);
  } finally {
    if (options.keep) console.log(`kept the data folder ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
main(options).catch((error) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
