/**
 * Issue 6's acceptance: a supervisor signs in → the dashboard numbers equal counts computed directly over the
 * seeded data → opens an enrollment's timeline → approves it → exports the PDF (its text extracted and checked) and
 * the JSONL → `mqp audit verify --file` passes; with one line altered it fails and names that line. Agents see none
 * of it. axe on every screen.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { extractPdfText } from '../support/pdf-text';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, NOW } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen, readmeScreenshot } from './support/screens';

const station = useStation({ demoCount: 300, now: NOW });

// The demo history covers the 14 New York days before NOW (2024-09-01); New York is UTC−4 throughout.
const FROM = '2024-08-18';
const TO = '2024-09-01';
const FROM_AT = '2024-08-18T04:00:00.000Z';
const TO_AT = '2024-09-02T04:00:00.000Z';

/** Counts made straight from the station's database — the audit trail and the raw tables — not through the app. */
function countsFromDatabase(dataDir: string) {
  const db = new Database(join(dataDir, 'mqp.sqlite'), { readonly: true, fileMustExist: true });
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  try {
    return {
      enrollments: count(`SELECT count(*) FROM audit_event WHERE action = 'payment.submitted' AND at >= ? AND at < ?`, FROM_AT, TO_AT),
      enrolledCalls: count(
        `SELECT count(*) FROM audit_event WHERE action = 'call.wrappedUp' AND json_extract(details, '$.disposition') IN ('enrolled', 'payment-pending') AND at >= ? AND at < ?`,
        FROM_AT,
        TO_AT,
      ),
      declines: count(`SELECT count(*) FROM enrollment e JOIN payment_attempt a ON a.enrollment_id = e.id WHERE e.status = 'payment_failed'`),
      abandoned: count(`SELECT count(*) FROM audit_event WHERE action = 'payment.abandoned' AND at >= ? AND at < ?`, FROM_AT, TO_AT),
      pendingOverdue: count(
        `SELECT count(*) FROM enrollment e JOIN payment_attempt a ON a.enrollment_id = e.id WHERE e.status = 'payment_pending' AND e.status_at < ?`,
        new Date(Date.parse(NOW) - 48 * 3_600_000).toISOString(),
      ),
    };
  } finally {
    db.close();
  }
}

async function signIn(page: Page, username: string) {
  const signInPage = new SignInPage(page);
  await signInPage.open(station.current.url);
  await signInPage.signIn(username, DEMO_PASSWORD);
}

const mqp = (...args: string[]) => spawnSync(process.execPath, ['bin/mqp.js', ...args], { encoding: 'utf8', timeout: 60_000 });

test('a supervisor checks the numbers, reviews an enrollment and exports evidence that re-verifies', async ({ page }, testInfo) => {
  await signIn(page, 'super1');
  await page.getByTestId('nav-dashboard').click();
  // The first answer moves the default range to the station's today (--now): set ours after it.
  await expect(page.getByTestId('dashboard-as-of')).toBeVisible();
  await page.getByTestId('dashboard-from').fill(FROM);
  await page.getByTestId('dashboard-to').fill(TO);
  await page.getByTestId('dashboard-apply').click();

  const expected = countsFromDatabase(station.current.dataDir);
  expect(expected.enrollments).toBeGreaterThan(10);
  for (const [metric, value] of Object.entries(expected)) {
    await expect(page.getByTestId(`metric-${metric}-value`), metric).toHaveText(value.toLocaleString('en-US'));
  }
  await checkScreen(page, testInfo, 'dashboard');
  await readmeScreenshot(page, 'supervisor-dashboard');

  // A number opens the records it counted.
  await page.getByTestId('metric-declines').click();
  await expect(page.getByTestId('record-row')).toHaveCount(expected.declines);
  await checkScreen(page, testInfo, 'dashboard-records');

  // The review queue: an enrollment someone else worked, with a flag.
  await page.getByTestId('nav-review').click();
  const flagged = page.locator('[data-testid="review-row"][data-own="false"]').filter({ has: page.getByTestId('review-flag') }).first();
  const draftId = await flagged.getAttribute('data-draft-id');
  const crd = await flagged.getAttribute('data-crd');
  await checkScreen(page, testInfo, 'review-queue');
  await readmeScreenshot(page, 'supervisor-review-queue');
  await flagged.getByTestId('review-open').click();

  // Its timeline, in order, every link sound.
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-ok', 'true');
  const rows = page.getByTestId('timeline-row');
  await expect(rows.first()).toBeVisible();
  const seqs = (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq')))));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(await page.locator('[data-testid="timeline-row"][data-chain="broken"]').count()).toBe(0);
  await expect(page.getByTestId('consent-agreement')).toHaveCount(2);
  await checkScreen(page, testInfo, 'enrollment-audit');
  await readmeScreenshot(page, 'supervisor-enrollment-audit');

  // Approve it: the decision shows, and is an audit event.
  await page.getByTestId('decision-approve').click();
  await expect(page.getByTestId('decision-entry').last()).toContainText('Sam Supervisor');
  const db = new Database(join(station.current.dataDir, 'mqp.sqlite'), { readonly: true });
  const decided = db.prepare(`SELECT details FROM audit_event WHERE action = 'review.decided' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
  const hashes = db
    .prepare(`SELECT hash FROM audit_event WHERE entity_id = ? AND json_extract(details, '$.draftId') = ? AND action NOT LIKE 'audit.%' ORDER BY seq`)
    .pluck()
    .all(crd, draftId) as string[];
  db.close();
  expect(JSON.parse(decided)).toMatchObject({ draftId, decision: 'approved' });

  // The evidence packet: a PDF whose text holds the enrollment, its consent and every hash.
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdfPath = testInfo.outputPath('evidence.pdf');
  await (await pdfDownload).saveAs(pdfPath);
  const pdf = await extractPdfText(readFileSync(pdfPath));
  expect(pdf.text).toContain('MQP enrollment evidence packet');
  expect(pdf.text).toContain(crd!);
  expect(pdf.text).toContain('approved');
  const flat = pdf.text.replace(/\s+/g, '');
  for (const hash of hashes) expect(flat).toContain(hash);

  // The audit stream of the range as JSON lines: it re-verifies without the app, and an altered line is named.
  await page.getByTestId('nav-integrity').click();
  await page.getByTestId('verify-chain').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('export-from').fill(FROM);
  await page.getByTestId('export-to').fill(TO);
  const jsonlDownload = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const jsonlPath = testInfo.outputPath('audit.jsonl');
  await (await jsonlDownload).saveAs(jsonlPath);
  await checkScreen(page, testInfo, 'integrity');

  const ok = mqp('audit', 'verify', '--file', jsonlPath);
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  const lines = readFileSync(jsonlPath, 'utf8').split('\n');
  expect(lines.length).toBeGreaterThan(100);
  lines[41] = lines[41].replace('"action":"', '"action":"edited-');
  writeFileSync(jsonlPath, lines.join('\n'));
  const altered = mqp('audit', 'verify', '--file', jsonlPath);
  expect(altered.status).toBe(1);
  expect(altered.stdout + altered.stderr).toMatch(/line 42\b/);
});

test('a supervisor cannot decide on an enrollment they worked', async ({ page }) => {
  await signIn(page, 'super1');
  await page.getByTestId('nav-review').click();
  const own = page.locator('[data-testid="review-row"][data-own="true"]').first();
  await expect(own.getByTestId('review-own')).toBeVisible();
  await own.getByTestId('review-open').click();
  await expect(page.getByTestId('decision-own')).toBeVisible();
  await expect(page.getByTestId('decision-approve')).toBeDisabled();
});

test('agents see no supervision links, and the screens refuse them', async ({ page }) => {
  await signIn(page, 'agent1');
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
  await page.goto(`${station.current.url}#/supervision`);
  await expect(page.getByTestId('supervision-not-allowed')).toBeVisible();
  await expect(page.getByTestId('metric-enrollments')).toHaveCount(0);
});
