/**
 * Issue 4's journeys on the web host against the embedded (real) central service: a full enrollment by card (also
 * keyboard-only), a decline then success charged once, the R22 lock seen by a second agent and lifted 60 minutes
 * later, a handoff, an idle lock mid-step, Enroll Now, and an ineligible caller. axe on every step; README shots.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { evaluateEligibility, generateDemoIndividuals } from '../../src-main/backend/domain';
import { filesHoldingCardNumbers } from '../support/card-scan';
import { JourneyPage, tabTo } from './pages/journey-page';
import { SignInPage } from './pages/sign-in-page';
import { AS_OF, DEMO_COUNT, DEMO_PASSWORD, NOW } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen, readmeScreenshot } from './support/screens';

const station = useStation({ demoCount: DEMO_COUNT, now: NOW, extraArgs: ['--settle-ms', '1500', '--test-clock'] });

// Callers from the same generator and seed as the demo station: each journey gets its own.
const people = [...generateDemoIndividuals(DEMO_COUNT, 1)].map((record) => ({ record, qs: evaluateEligibility(record, AS_OF).qualifications }));
const oneEligible = people.filter((p) => p.qs.filter((q) => q.eligible).length === 1 && p.qs.find((q) => q.eligible)!.window === 'standard');
const twoEligible = people.find((p) => p.qs.filter((q) => q.eligible && q.window === 'standard').length >= 2)!;
const ineligible = people.find((p) => p.qs.every((q) => !q.eligible))!;
const pick = (i: number) => ({ crd: oneEligible[i].record.crd, category: oneEligible[i].qs.find((q) => q.eligible)!.category, name: oneEligible[i].record.lastName, email: oneEligible[i].record.email });

async function signIn(page: Page, username = 'agent1', query = '') {
  const signInPage = new SignInPage(page);
  await signInPage.open(`${station.current.url}${query}`);
  await signInPage.signIn(username, DEMO_PASSWORD);
}

async function moveClock(page: Page, advanceMs: number) {
  const token = await page.locator('meta[name="mqp-launch-token"]').getAttribute('content');
  const res = await page.request.post(`${station.current.url}__test/clock`, { headers: { 'x-mqp-token': token! }, data: { advanceMs } });
  expect(res.ok()).toBe(true);
}

function centralRows(crd: string) {
  const db = new Database(join(station.current.dataDir, 'training-central', 'central.sqlite'), { readonly: true });
  try {
    return {
      enrollments: db.prepare(`SELECT status FROM enrollment WHERE crd = ? ORDER BY status`).pluck().all(crd) as string[],
      payments: db.prepare(`SELECT outcome FROM payment WHERE crd = ? ORDER BY outcome`).pluck().all(crd) as string[],
    };
  } finally {
    db.close();
  }
}

test('(1) a full enrollment with a test card: Payment Pending, then Enrolled — every step checked and pictured', async ({ page }, testInfo) => {
  const caller = pick(0);
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, caller.crd);
  await journey.start();
  await readmeScreenshot(page, 'enroll-1-program', { fullPage: true });
  await checkScreen(page, testInfo, 'step-program');
  await journey.continueButton.click();
  await journey.expectStep('contact');
  await expect(page.getByTestId('contact-email')).toHaveValue(caller.email);
  await readmeScreenshot(page, 'enroll-2-contact', { fullPage: true });
  await checkScreen(page, testInfo, 'step-contact');
  await journey.continueButton.click();
  await journey.expectStep('qualifications');
  await page.getByTestId(`category-${caller.category}`).check();
  await expect(page.getByTestId('terms-text')).toHaveAttribute('data-version', '2024-01');
  await page.getByTestId('terms-accept').check();
  await page.getByTestId('payment-agreement-accept').check();
  await readmeScreenshot(page, 'enroll-3-qualifications', { fullPage: true });
  await checkScreen(page, testInfo, 'step-qualifications');
  await journey.continueButton.click();
  await journey.expectStep('payment');
  await expect(page.getByTestId('fee-amount').first()).toHaveAttribute('data-fee', '100');
  await readmeScreenshot(page, 'enroll-4-payment', { fullPage: true });
  await checkScreen(page, testInfo, 'step-payment');
  await journey.payByCard('4242424242424242');
  await expect(page.getByTestId('confirmation-dialog')).toBeVisible();
  await checkScreen(page, testInfo, 'confirmation-dialog');
  const number = await journey.acknowledgeConfirmation();
  await readmeScreenshot(page, 'enroll-5-confirmation', { fullPage: true });
  await checkScreen(page, testInfo, 'step-confirmation');
  await journey.toStatus();
  await journey.expectStatus('payment_pending', 5_000);
  await expect(page.getByTestId('status-as-of')).toBeVisible();
  await journey.expectStatus('enrolled');
  await readmeScreenshot(page, 'enroll-6-status', { fullPage: true });
  await checkScreen(page, testInfo, 'step-status');
  expect(centralRows(caller.crd).enrollments).toEqual(['enrolled']);
  expect(number).toMatch(/^MQP-/);
});

test('(1, keyboard only) the same journey without a mouse', async ({ page }, testInfo) => {
  const caller = pick(1);
  const signInPage = new SignInPage(page);
  await signInPage.open(station.current.url);
  await tabTo(page, signInPage.username);
  await page.keyboard.type('agent2');
  await tabTo(page, signInPage.password);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-box')).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type(caller.crd);
  await expect(page.locator(`[data-testid="result-row"][data-crd="${caller.crd}"]`)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('individual-name')).toBeVisible();
  const journey = new JourneyPage(page);
  await tabTo(page, page.getByTestId('start-enrollment'));
  await page.keyboard.press('Enter');
  await journey.expectStep('program');
  for (const step of ['contact', 'qualifications'] as const) {
    await tabTo(page, journey.continueButton);
    await page.keyboard.press('Enter');
    await journey.expectStep(step);
  }
  for (const id of [`category-${caller.category}`, 'terms-accept', 'payment-agreement-accept']) {
    await tabTo(page, page.getByTestId(id));
    await page.keyboard.press('Space');
    await expect(page.getByTestId(id)).toBeChecked();
  }
  await tabTo(page, journey.continueButton);
  await page.keyboard.press('Enter');
  await journey.expectStep('payment');
  for (const [id, text] of [['card-number', '4242424242424242'], ['card-exp-month', '12'], ['card-exp-year', '2031'], ['card-cvc', '123']]) {
    await tabTo(page, page.getByTestId(id));
    await page.keyboard.type(text);
  }
  await tabTo(page, page.getByTestId('submit-payment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirmation-dialog')).toBeVisible();
  await expect(page.getByTestId('confirmation-acknowledge')).toBeFocused();
  await page.keyboard.press('Enter');
  await journey.expectStep('confirmation');
  await tabTo(page, page.getByTestId('confirmation-ok'));
  await page.keyboard.press('Enter');
  await journey.expectStatus('enrolled');
  await checkScreen(page, testInfo, 'keyboard-status');
});

test('(2) a decline, then success: charged exactly once', async ({ page }, testInfo) => {
  const caller = pick(2);
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, caller.crd);
  await journey.start();
  await journey.toPayment(caller.category);
  await journey.payByCard('4000000000000002');
  await journey.acknowledgeConfirmation();
  await journey.toStatus();
  await journey.expectStatus('payment_failed');
  await expect(page.getByTestId('payment-declined')).toBeVisible();
  await checkScreen(page, testInfo, 'declined');
  await page.getByTestId('retry-payment').click();
  await journey.expectStep('payment');
  await expect(page.getByTestId('card-number')).toHaveValue('');
  await journey.payByCard('4242424242424242');
  await journey.acknowledgeConfirmation();
  await journey.toStatus();
  await journey.expectStatus('enrolled');
  expect(centralRows(caller.crd)).toEqual({ enrollments: ['enrolled', 'payment_failed'], payments: ['decline', 'succeed'] });
});

test('(3) payment abandoned: the 60-minute lock is seen by a second agent, a restart is refused, then allowed', async ({ page }, testInfo) => {
  const caller = pick(3);
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, caller.crd);
  await journey.start();
  await journey.toPayment(caller.category);
  await journey.backToHome.click(); // leaving the payment page unpaid (R22)
  await expect(page.getByTestId('individual-name')).toBeVisible();
  await page.getByTestId('sign-out').click();

  await signIn(page, 'agent2');
  await journey.openIndividual(station.current.url, caller.crd);
  const lock = page.getByTestId('payment-lock').first();
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('payment-lock-who').first()).toContainText('Avery Agent');
  const seconds = Number(await lock.getAttribute('data-seconds-left'));
  expect(seconds).toBeGreaterThan(3500);
  expect(seconds).toBeLessThanOrEqual(3600);
  await readmeScreenshot(page, 'enroll-lock', { fullPage: true });
  await checkScreen(page, testInfo, 'lock-second-agent');
  await page.getByTestId('resume-enrollment').click();
  await journey.expectStep('payment');
  await expect(page.getByTestId('submit-payment')).toBeDisabled(); // a restart is refused while the lock runs

  await moveClock(page, 60 * 60_000);
  // An hour later the agent's session has expired too (30 idle minutes): sign in again and resume.
  await signIn(page, 'agent2');
  await journey.openIndividual(station.current.url, caller.crd);
  await page.getByTestId('resume-enrollment').click();
  await journey.expectStep('payment');
  await expect(page.getByTestId('payment-lock')).toHaveCount(0);
  await journey.payByCard('4242424242424242');
  await journey.acknowledgeConfirmation();
});

test('(4) a draft resumed by another agent after a handoff, at the same step with the same data', async ({ page }, testInfo) => {
  const caller = pick(4);
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, caller.crd);
  await journey.start();
  await journey.continueButton.click();
  await journey.expectStep('contact');
  await page.getByTestId('contact-email').fill('handoff.caller@gmail.com');
  await journey.continueButton.click();
  await journey.expectStep('qualifications');
  await page.getByTestId('sign-out').click();

  await signIn(page, 'agent2');
  await journey.openIndividual(station.current.url, caller.crd);
  await expect(page.getByTestId('open-draft')).toContainText('Avery Agent');
  await checkScreen(page, testInfo, 'handoff-individual');
  await page.getByTestId('resume-enrollment').click();
  await journey.expectStep('qualifications');
  await journey.back.click();
  await journey.expectStep('contact');
  await expect(page.getByTestId('contact-email')).toHaveValue('handoff.caller@gmail.com');
});

test('(5) idle lock mid-step: PII hidden, sign-in, the same step with nothing lost', async ({ page }, testInfo) => {
  const caller = pick(5);
  await signIn(page, 'agent1', '?idleSeconds=5');
  const journey = new JourneyPage(page);
  await journey.openIndividual(`${station.current.url}?idleSeconds=5`, caller.crd);
  await journey.start();
  await journey.continueButton.click();
  await journey.expectStep('contact');
  await journey.continueButton.click();
  await journey.expectStep('qualifications');
  await page.getByTestId(`category-${caller.category}`).check();

  await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 15_000 });
  await checkScreen(page, testInfo, 'idle-warning');
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  const html = await page.content();
  expect(html).not.toContain(caller.email);
  expect(html).not.toContain(caller.name);
  await checkScreen(page, testInfo, 'idle-locked');

  await page.getByTestId('lock-username').fill('agent1');
  await page.getByTestId('lock-password').fill(DEMO_PASSWORD);
  await page.getByTestId('lock-submit').click();
  await journey.expectStep('qualifications');
  await expect(page.getByTestId(`category-${caller.category}`)).toBeVisible();
});

test('(6) Enroll Now for a second category costs nothing more in a paid year (R15)', async ({ page }, testInfo) => {
  const [first, second] = twoEligible.qs.filter((q) => q.eligible && q.window === 'standard');
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, twoEligible.record.crd);
  await journey.start();
  await journey.toPayment(first.category);
  await journey.payByCard('4242424242424242');
  await journey.acknowledgeConfirmation();
  await journey.toStatus();
  await journey.expectStatus('enrolled');

  await journey.openIndividual(station.current.url, twoEligible.record.crd);
  await expect(page.getByTestId('enrolled-qualifications')).toContainText(first.category);
  await readmeScreenshot(page, 'mqp-section', { fullPage: true });
  await checkScreen(page, testInfo, 'mqp-section');
  await page.getByTestId(`enroll-now-${second.category}`).click();
  await journey.expectStep('qualifications');
  await page.getByTestId(`category-${second.category}`).check();
  await page.getByTestId('terms-accept').check();
  await page.getByTestId('payment-agreement-accept').check();
  await journey.continueButton.click();
  await journey.expectStep('payment');
  await expect(page.getByTestId('fee-amount').first()).toHaveAttribute('data-fee', '0');
  await checkScreen(page, testInfo, 'enroll-now-payment');
});

test('(7) an ineligible caller gets the reason and cannot start', async ({ page }, testInfo) => {
  await signIn(page);
  const journey = new JourneyPage(page);
  await journey.openIndividual(station.current.url, ineligible.record.crd);
  await expect(page.getByTestId('start-enrollment')).toBeDisabled();
  await expect(page.getByTestId('start-blocked-reason')).toBeVisible();
  await checkScreen(page, testInfo, 'ineligible');
});

test('after every journey, no test card number exists at rest (station, WAL files, training central service)', () => {
  expect(filesHoldingCardNumbers(station.current.dataDir)).toEqual([]); // DESIGN §5
});
