/**
 * Issue 5: "Playwright on 1M records: from sign-in to the first worklist page painted ≤ 1.5 s; scrolling to the end of
 * the table loads pages on demand, never all rows". On the bench's imported store: `mqp serve` (console-host.ts), a
 * reviewer account made through the console's own procedures, Debian's Chromium driven by Playwright with the e2e
 * launch options. Wrong answers throw (the first or last row shown is not the table's, the count differs from SQL,
 * too many rows loaded); timings never do.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DATABASE_FILE } from '../../src-main/backend/store/open-store';
import playwrightConfig from '../../playwright.config';
import { TEST_PASSWORD } from '../support/test-backend';
import { consoleIsBuilt, startConsoleHost, unwrap, type ConsoleHost } from './console-host';
import { latency, now, round } from './measure';

export const SIGN_IN_TARGET_MS = 1500;
const PROBE = fileURLToPath(new URL('./console-probe.js', import.meta.url));
const RENDERER = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const RENDERER_SOURCES = fileURLToPath(new URL('../../src-renderer/src/', import.meta.url));
/** Reached by URL: signed out, the router sends it to sign-in with next=/review-workspace (sign-in alone lands on #/lookup). */
const WORKSPACE_ROUTE = '#/review-workspace';
const REVIEWER = { username: 'bench-reviewer', password: TEST_PASSWORD };
const STARTUP_IDLE_TIMEOUT_MS = 300_000;
const ROW_TIMEOUT_MS = 60_000;
/** "Never all rows": more than 1 % of the table (at least this many rows, for small tables) is a failure. */
const MIN_ROW_LIMIT = 1000;

export interface ScrollToEnd {
  by: 'End key' | 'scrollbar';
  /** From the key press (or scroll) to the table's last row visible. */
  ms: number;
  /** workspace.page calls and rows received over the whole session: sign-in, first rows, then the end. */
  pageCalls: number;
  rowsReceived: number;
  /** The most rows the session may receive before it counts as loading everything. */
  rowLimit: number;
  totalRows: number;
  lastRowShown: boolean;
}

/** A request the page made after the submit, in ms from the submit (an RPC by its procedure, a file by its name). */
export interface TimelineEntry {
  what: string;
  startMs: number;
  endMs: number;
}

export interface ConsoleResult {
  /** Timed sign-ins after the cold one. */
  signInToFirstRowsMs: { runs: number[]; p50: number; max: number };
  /** What the median timed run fetched between the submit and the first rows. */
  medianRunTimeline: TimelineEntry[];
  /** The first sign-in after the console started (not in the runs): caches cold. */
  coldSignInMs: number;
  targetMs: number;
  /** p50 of the timed runs within the target. */
  met: boolean;
  route: string;
  /** Time the backend took to settle after start-up (its date catch-up), before anything was timed. */
  startup: { settledAfterMs: number; settled: boolean };
  /** `mqp serve`'s RSS after the sign-ins and scrolls, and its peak (the backend's baseline a console import adds to). */
  hostMemory: { rssMb: number; peakMb: number } | null;
  scrollToEnd: ScrollToEnd;
  scrollbarToEnd: ScrollToEnd;
  note: string;
}

export const CONSOLE_NOTE =
  'mqp serve (web host + backend) on the imported store; headless /usr/bin/chromium at 1280×800; each sign-in in a fresh browser context, from the submit event to the frame after the first workspace row exists (page clock); default view: every registration, sorted by enroll-by';

/** The table as SQL sees it, in the workspace's default order (enroll-by ascending: workspace-sorts.ts's tuple). */
interface TableTruth {
  totalRows: number;
  firstRegistrationId: number;
  lastRegistrationId: number;
}

export async function benchConsole(ctx: { dataDir: string; now: Date; runs: number }, log: (message: string) => void): Promise<ConsoleResult> {
  const launchOptions = browserLaunchOptions();
  warnIfRendererStale(log);
  const host = await startConsoleHost(ctx.dataDir, ctx.now);
  try {
    await createReviewer(host);
    const settle = await host.waitUntilIdle(STARTUP_IDLE_TIMEOUT_MS);
    log(`console: ${host.url} settled ${settle.idle ? `after ${(settle.ms / 1000).toFixed(1)} s` : 'NOT (timed out)'}; ${ctx.runs + 1} sign-ins in Chromium`);
    const truth = tableTruth(join(ctx.dataDir, DATABASE_FILE));
    const browser = await chromium.launch(launchOptions);
    try {
      const cold = await signIn(browser, host.url, truth);
      const scrollbarToEnd = await scrollToEnd(cold, truth, 'scrollbar');
      await cold.context.close();

      const runs: number[] = [];
      const timelines: TimelineEntry[][] = [];
      let last: SignedIn | null = null;
      for (let i = 0; i < ctx.runs; i++) {
        const run = await signIn(browser, host.url, truth);
        runs.push(run.ms);
        timelines.push(run.timeline);
        if (last) await last.context.close();
        last = run;
      }
      if (!last) throw new Error('benchConsole needs at least one timed run');
      const endKeyToEnd = await scrollToEnd(last, truth, 'End key');
      await last.context.close();
      const hostMemory = host.memory();

      const l = latency(runs);
      return {
        signInToFirstRowsMs: { runs, p50: l.p50, max: l.max },
        medianRunTimeline: timelines[runs.indexOf(l.p50)],
        coldSignInMs: cold.ms,
        targetMs: SIGN_IN_TARGET_MS,
        met: l.p50 <= SIGN_IN_TARGET_MS,
        route: `${WORKSPACE_ROUTE} by URL, then sign-in (next=), as a reviewer with no saved view`,
        startup: { settledAfterMs: settle.ms, settled: settle.idle },
        hostMemory,
        scrollToEnd: endKeyToEnd,
        scrollbarToEnd,
        note: CONSOLE_NOTE,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await host.stop();
  }
}

/**
 * The e2e tests' Chromium launch options (playwright.config.ts); throws, saying what to do, when Chromium or the built
 * console is missing. run.ts calls it before the long phases too, so a missing browser fails in seconds.
 */
export function browserLaunchOptions() {
  const use = playwrightConfig.use ?? {};
  const options = { ...use.launchOptions, headless: use.headless ?? true };
  const executable = options.executablePath ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(`Chromium is not at ${executable}: install Debian's chromium (apt-get install chromium), set MQP_CHROMIUM to its path, or run the bench with --skip-console`);
  }
  if (!consoleIsBuilt()) throw new Error('the console is not built (out/renderer/index.html is missing): run npm run build first, or run the bench with --skip-console');
  return options;
}

/** The bench serves the built renderer: a build older than the renderer's sources times yesterday's console. */
function warnIfRendererStale(log: (message: string) => void): void {
  const built = statSync(join(RENDERER, 'index.html')).mtimeMs;
  const newer = (readdirSync(RENDERER_SOURCES, { recursive: true }) as string[]).filter((f) => statSync(join(RENDERER_SOURCES, f)).mtimeMs > built);
  if (newer.length > 0) log(`console: WARNING out/renderer is older than ${newer.length} renderer source file(s) (e.g. ${newer[0]}): run npm run build for current figures`);
}

/** A reviewer (role agent) created by the administrator the dispatcher phase made (staffWithEveryRole). */
async function createReviewer(host: ConsoleHost): Promise<void> {
  const admin = unwrap(await host.call<{ token: string }>('session.signIn', { username: 'admin', password: TEST_PASSWORD }), 'signing in the bench administrator');
  unwrap(
    await host.call('staff.create', { username: REVIEWER.username, displayName: 'Bench Reviewer', password: REVIEWER.password, role: 'agent' }, admin.token),
    'creating the reviewer account',
  );
}

function tableTruth(databaseFile: string): TableTruth {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const id = (order: 'ASC' | 'DESC') =>
      db.prepare(`SELECT registration_id FROM workspace_row ORDER BY enroll_key ${order}, cell ${order}, registration_id ${order} LIMIT 1`).pluck().get() as number;
    return { totalRows: db.prepare('SELECT count(*) FROM workspace_row').pluck().get() as number, firstRegistrationId: id('ASC'), lastRegistrationId: id('DESC') };
  } finally {
    db.close();
  }
}

interface PageCalls {
  /** Calls and rows so far (waits for the bodies of the answers already received). */
  counted(): Promise<{ calls: number; rows: number }>;
  /** Resolves once no workspace.page call has been in flight for `ms` (or after `timeoutMs`: the counts then tell). */
  quiet(ms: number, timeoutMs: number): Promise<void>;
}

/** Watches the console's `POST /rpc/workspace.page` calls as they go over the wire. */
function watchPageCalls(page: Page): PageCalls {
  const isPageCall = (url: string) => new URL(url).pathname.endsWith('/rpc/workspace.page');
  let calls = 0;
  let inFlight = 0;
  let lastChange = now();
  const bodies: Promise<number>[] = [];
  page.on('request', (request) => {
    if (!isPageCall(request.url())) return;
    calls += 1;
    inFlight += 1;
    lastChange = now();
  });
  const settled = (request: { url(): string }) => {
    if (!isPageCall(request.url())) return;
    inFlight -= 1;
    lastChange = now();
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  page.on('response', (response) => {
    if (!isPageCall(response.url())) return;
    bodies.push(
      response.json().then(
        (body: { ok?: boolean; value?: { rows?: unknown[] } }) => body.value?.rows?.length ?? 0,
        () => 0,
      ),
    );
  });
  return {
    async counted() {
      const rows = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
      return { calls, rows };
    },
    async quiet(ms, timeoutMs) {
      const deadline = now() + timeoutMs;
      while ((inFlight > 0 || now() - lastChange < ms) && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

interface SignedIn {
  context: BrowserContext;
  page: Page;
  calls: PageCalls;
  ms: number;
  timeline: TimelineEntry[];
}

/** Opens the workspace by URL in a fresh context, signs in, and times the submit → first rows painted. */
async function signIn(browser: Browser, url: string, truth: TableTruth): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: playwrightConfig.use?.viewport ?? { width: 1280, height: 800 } });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const calls = watchPageCalls(page);
  await page.goto(new URL(WORKSPACE_ROUTE, url).href);
  await page.getByTestId('sign-in-username').fill(REVIEWER.username);
  await page.getByTestId('sign-in-password').fill(REVIEWER.password);
  await page.getByTestId('sign-in-submit').click();
  const shown = await page.evaluate<{ pressedAt: number; paintedAt: number; index: number; registrationId: number; timeline: TimelineEntry[] }>(
    'window.__mqpBench.firstRows',
  );
  if (shown.index !== 0 || shown.registrationId !== truth.firstRegistrationId) {
    throw new Error(`the workspace's first row shown is row ${shown.index}, registration ${shown.registrationId}; SQL's first row by enroll-by is registration ${truth.firstRegistrationId}`);
  }
  if ((await page.locator('th[aria-sort="ascending"] [data-testid="sort-enrollBy"]').count()) !== 1) {
    throw new Error('the workspace did not open sorted by enroll-by ascending, the order the SQL check reads');
  }
  return { context, page, calls, ms: round(shown.paintedAt - shown.pressedAt, 1), timeline: shown.timeline };
}

/** Scrolls the signed-in table to its end as a reviewer would, and checks what was loaded and shown. */
async function scrollToEnd(run: SignedIn, truth: TableTruth, by: ScrollToEnd['by']): Promise<ScrollToEnd> {
  const { page } = run;
  // End goes to the last row once the count is known (the facets answer it).
  const count = page.locator('[data-testid="workspace-count"][data-total]:not([data-total=""])');
  await count.waitFor({ timeout: ROW_TIMEOUT_MS });
  const total = Number(await count.getAttribute('data-total'));
  if (total !== truth.totalRows) throw new Error(`the workspace counts ${total} rows; SQL counts ${truth.totalRows} in workspace_row`);

  const started = now();
  if (by === 'End key') {
    await page.getByTestId('workspace-table').focus();
    await page.keyboard.press('End');
  } else {
    await page.evaluate('window.__mqpBench.scrollToBottom()');
  }
  const lastRow = page.locator(`[data-testid="workspace-row"][data-index="${total - 1}"]`);
  await lastRow.waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS });
  const ms = round(now() - started, 1);
  await run.calls.quiet(500, ROW_TIMEOUT_MS);
  const { calls, rows } = await run.calls.counted();

  const lastId = Number(await lastRow.getAttribute('data-registration-id'));
  const rowLimit = Math.max(MIN_ROW_LIMIT, Math.ceil(truth.totalRows / 100));
  const result: ScrollToEnd = { by, ms, pageCalls: calls, rowsReceived: rows, rowLimit, totalRows: truth.totalRows, lastRowShown: lastId === truth.lastRegistrationId };
  if (!result.lastRowShown) throw new Error(`scrolling to the end (${by}) showed registration ${lastId} last; SQL's last row by enroll-by is registration ${truth.lastRegistrationId}`);
  if (rows > rowLimit) throw new Error(`scrolling to the end (${by}) loaded ${rows} of ${truth.totalRows} rows in ${calls} workspace.page calls: more than ${rowLimit}, pages are not loaded on demand`);
  return result;
}
