/**
 * Issue 3: a station without a central service is pointed at one from the settings; a wrong token is refused
 * before anything is saved; agents cannot reach the settings (the backend refuses them anyway).
 */
import { expect, test } from '@playwright/test';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen } from './support/screens';

const station = useStation({ demoCount: 50, extraArgs: ['--no-central'] });
let central: CentralProcess;
test.beforeAll(async () => {
  central = await startCentralProcess({ seed: 20 });
});
test.afterAll(async () => {
  await central?.stop();
});

test('an admin points the station at a central service; a wrong token is refused first', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await signIn.signIn('admin', DEMO_PASSWORD);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'not-configured');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-central-url')).toBeVisible();
  await checkScreen(page, testInfo, 'settings');

  await page.getByTestId('settings-central-url').fill(central.url);
  await page.getByTestId('settings-central-token').fill('not-the-station-token');
  await page.getByTestId('settings-central-save').click();
  await expect(page.getByTestId('settings-central-error')).toContainText(/./);
  await expect(page.locator('#settings-central-token[aria-invalid="true"]')).toBeVisible();
  await checkScreen(page, testInfo, 'settings-refused');

  await page.getByTestId('settings-central-token').fill(central.stationToken);
  await page.getByTestId('settings-central-save').click();
  await expect(page.getByTestId('settings-central-status')).toContainText(central.url);
  await expect(page.getByTestId('settings-central-token')).toHaveValue(''); // never shown again
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online', { timeout: 20_000 });
});

test('agents see no settings, and the page says they are not allowed', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await signIn.signIn('agent1', DEMO_PASSWORD);
  await expect(page.getByTestId('search-box')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  await page.goto(`${station.current.url}#/settings`);
  await expect(page.getByTestId('settings-not-allowed')).toBeVisible();
});
