/**
 * Issue 5's acceptance: with the central service stopped, a reviewer filters, flags, writes a note and exports; the
 * central service starts; the flags and the note arrive there exactly once. Then the same note is edited on two
 * stations: both versions are kept and shown side by side, and a person settles it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, NOW } from './support/demo-callers';
import { startConsole, type ConsoleServer } from './support/console-server';
import { checkScreen } from './support/screens';

let central: CentralProcess;
let stationA: ConsoleServer;
let stationB: ConsoleServer | null = null;

test.beforeAll(async () => {
  // Started once so its port and token are known, then stopped: the station begins offline.
  central = await startCentralProcess({ seed: 20 });
  await central.kill('SIGKILL');
  stationA = await startConsole({ demoCount: 300, now: NOW, extraArgs: ['--central', central.url, '--token', central.stationToken] });
});
test.afterAll(async () => {
  await stationB?.stop();
  await stationA?.stop();
  await central?.stop();
});

async function signIn(page: Page, url: string, username = 'agent1') {
  const signInPage = new SignInPage(page);
  await signInPage.open(url);
  await signInPage.signIn(username, DEMO_PASSWORD);
  await page.getByTestId('nav-workspace').click();
  await expect(page.getByTestId('workspace-row').first()).toBeVisible();
}

function centralRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(central.dataDir, 'central.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Presses Sync now until the header says nothing waits to be sent. */
async function syncUntilDrained(page: Page) {
  await expect(async () => {
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-summary')).toContainText(/synced/i, { timeout: 3_000 });
    await expect(page.getByTestId('sync-summary')).not.toContainText(/waiting|to send/i, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
}

async function openNotes(page: Page, crd: string) {
  await page.getByTestId('workspace-search').fill(crd);
  const row = page.locator(`[data-testid="workspace-row"][data-crd="${crd}"]`).first();
  await row.getByTestId('row-open').click();
  await expect(page.getByTestId('workspace-detail')).toBeVisible();
}

test('offline: filter, flag, note and export; online: everything arrives once', async ({ page }, testInfo) => {
  await signIn(page, stationA.url);
  await expect(page.getByTestId('sync-summary')).toContainText(/offline|not reach|unreachable/i);

  // Filter by a facet value, and read what the console says it matched.
  const count = async () => Number((await page.getByTestId('workspace-count').innerText()).replace(/[^\d]/g, ''));
  await expect(page.getByTestId('workspace-count')).toContainText(/\d/);
  const all = await count();
  await page.locator('[data-testid^="facet-level-"]').first().check();
  await expect.poll(count).not.toBe(all);
  const matched = await count();
  expect(matched).toBeGreaterThan(2);
  await checkScreen(page, testInfo, 'workspace');

  // Flag two rows.
  const rows = page.getByTestId('workspace-row');
  const flagged = [await rows.nth(0).getAttribute('data-registration-id'), await rows.nth(1).getAttribute('data-registration-id')];
  await rows.nth(0).getByTestId('row-select').check();
  await rows.nth(1).getByTestId('row-select').check();
  await page.getByTestId('target-selection').check();
  await page.getByTestId('bulk-flag-kind').selectOption('follow-up');
  await page.getByTestId('bulk-flag').click();
  await expect(page.getByTestId('bulk-flag-question')).toContainText('2');
  await page.getByTestId('bulk-flag-confirm').click();
  await expect(page.getByTestId('bulk-flag-outcome')).toContainText('2');

  // A note on the first row's individual, waiting to be sent.
  const crd = (await rows.nth(0).getAttribute('data-crd'))!;
  await rows.nth(0).getByTestId('row-open').click();
  await page.getByTestId('note-about-individual').check();
  await page.getByTestId('note-text').fill('Offline review: ask for the U5, "twice" — José');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-pending')).toBeVisible();
  await checkScreen(page, testInfo, 'workspace-detail');
  await page.keyboard.press('Escape');

  // Export the filtered set; the file parses back to the same rows.
  await page.getByTestId('target-filter').check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = testInfo.outputPath('review.csv');
  await (await download).saveAs(file);
  const records = parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
  expect(records).toHaveLength(matched);
  expect(Object.keys(records[0])).toContain('CRD');

  // The central service starts: flags and note arrive, each command exactly once.
  await central.restart();
  await syncUntilDrained(page);
  const marks = centralRows<{ crd: string; flag: string }>(`SELECT crd, flag FROM review_mark WHERE flag = 'follow-up'`);
  expect(marks).toHaveLength(2);
  const notes = centralRows<{ text: string; version: number }>(`SELECT text, version FROM note WHERE crd = ?`, crd);
  expect(notes).toEqual([{ text: 'Offline review: ask for the U5, "twice" — José', version: 1 }]);
  const twice = centralRows(`SELECT key FROM command_arrival WHERE status = 'applied' GROUP BY key HAVING count(*) > 1`);
  expect(twice).toEqual([]);
  expect(flagged.every(Boolean)).toBe(true);
});

test('the same note edited on two stations: both versions kept, shown side by side, then settled', async ({ page, browser }) => {
  const crd = centralRows<{ crd: string }>(`SELECT crd FROM note ORDER BY crd LIMIT 1`)[0].crd;
  stationB = await startConsole({ demoCount: 300, now: NOW, extraArgs: ['--central', central.url, '--token', central.stationToken] });
  const pageB = await browser.newPage();
  await signIn(page, stationA.url);
  await signIn(pageB, stationB.url, 'agent2');
  await syncUntilDrained(pageB); // B now holds the note as A wrote it

  await openNotes(page, crd);
  await page.getByTestId('note-edit').first().click();
  await page.getByTestId('note-text').fill('Version A: the caller will send the U5 by mail.');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-pending')).toBeVisible();
  await page.keyboard.press('Escape');
  await syncUntilDrained(page);

  await openNotes(pageB, crd);
  await pageB.getByTestId('note-edit').first().click();
  await pageB.getByTestId('note-text').fill('Version B: the caller asked us to call the office.');
  await pageB.getByTestId('note-save').click();
  await expect(pageB.getByTestId('note-pending')).toBeVisible();
  await pageB.keyboard.press('Escape');
  await pageB.getByTestId('sync-now').click();

  // B lost the race: both texts are shown, nothing is dropped.
  await expect(async () => {
    await pageB.keyboard.press('Escape');
    await openNotes(pageB, crd);
    await expect(pageB.getByTestId('note-conflict')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(pageB.getByTestId('note-conflict')).toContainText('Version A: the caller will send the U5 by mail.');
  await expect(pageB.getByTestId('note-conflict')).toContainText('Version B: the caller asked us to call the office.');

  await pageB.getByTestId('note-keep-mine').click();
  await expect(pageB.getByTestId('note-conflict')).toHaveCount(0);
  await pageB.keyboard.press('Escape');
  await syncUntilDrained(pageB);
  expect(centralRows<{ text: string }>(`SELECT text FROM note WHERE crd = ?`, crd)).toEqual([{ text: 'Version B: the caller asked us to call the office.' }]);
  await pageB.close();
});
