/**
 * The README's screenshots (docs/screenshots/, 1280×800): sign-in on the demo station, a lookup with several
 * results, and a partly eligible caller's record (full page).
 */
import { expect, test } from '@playwright/test';
import { IndividualPage } from './pages/individual-page';
import { LookupPage } from './pages/lookup-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_COUNT, DEMO_PASSWORD, mixedCaller, NOW } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen, readmeScreenshot } from './support/screens';

const station = useStation({ demoCount: DEMO_COUNT, now: NOW });

test('README screenshots: sign-in, lookup, individual', async ({ page }, testInfo) => {
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await expect(page.getByTestId('demo-accounts')).toBeVisible();
  await readmeScreenshot(page, 'sign-in');
  await checkScreen(page, testInfo, 'sign-in');

  await signIn.signIn('agent1', DEMO_PASSWORD);
  const lookup = new LookupPage(page);
  await lookup.search(mixedCaller.record.lastName);
  await expect(lookup.row(mixedCaller.record.crd)).toBeVisible();
  await readmeScreenshot(page, 'lookup');
  await checkScreen(page, testInfo, 'lookup');

  await lookup.open(mixedCaller.record.crd);
  const individual = new IndividualPage(page);
  await individual.expectShown(mixedCaller.record.crd, mixedCaller.name);
  await expect(individual.qualificationRows).toHaveCount(mixedCaller.expected.qualifications.length);
  await readmeScreenshot(page, 'individual', { fullPage: true });
  await checkScreen(page, testInfo, 'individual');
});
