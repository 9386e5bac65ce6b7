/**
 * Issue 3: an administrator points a station without a central service at one from the settings (a wrong token is
 * refused before anything is saved), the station then receives the central service's records, and the
 * administrator adds a staff member. Agents get no settings: no link, and the page says they are not allowed.
 */
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src-renderer/src/i18n/en';
import { es } from '../../src-renderer/src/i18n/es';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { person } from '../support/records';
import { LookupPage } from './pages/lookup-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen } from './support/screens';

const station = useStation({ demoCount: 50, extraArgs: ['--no-central'] });

/** Known only to the central service (the demo CRDs have 7 digits): the station can only get it by syncing. */
const centralOnly = person('99000001', { firstName: 'Quinta', lastName: 'Centralia' });
const newAgent = { username: 'new.agent', displayName: 'Nova Agent', password: 'long-enough-pass-1' };

let central: CentralProcess;
test.beforeAll(async () => {
  central = await startCentralProcess({ seed: 20 });
  const put = await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records: [centralOnly] }) });
  expect(put.status, await put.clone().text()).toBe(200);
});
test.afterAll(async () => {
  await central?.stop();
});

const byTestId = (page: Page, id: string) => page.getByTestId(id);

test('an admin points the station at a central service (a wrong token is refused first) and adds an agent', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  const lookup = new LookupPage(page);
  const syncStatus = byTestId(page, 'sync-status');
  await signIn.open(station.current.url);
  await signIn.signIn('admin', DEMO_PASSWORD);
  await expect(syncStatus).toHaveAttribute('data-connection', 'not-configured');
  await lookup.search(centralOnly.crd);
  await expect(lookup.rows).toHaveCount(0);

  await byTestId(page, 'nav-settings').click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.locator('h1')).toHaveText(en.settings.title);
  await expect(byTestId(page, 'staff-table')).toBeVisible();
  await expect(byTestId(page, 'settings-central-token')).toHaveValue(''); // never prefilled
  await checkScreen(page, testInfo, 'settings');

  // Empty fields are caught before anything is sent.
  await byTestId(page, 'settings-central-save').click();
  await expect(byTestId(page, 'settings-central-url-error')).toHaveText(`${en.settings.central.url} is required.`);
  await expect(byTestId(page, 'settings-central-url')).toBeFocused();

  // A wrong token: the central service refuses it, the field says so, nothing is saved.
  await byTestId(page, 'settings-central-url').fill(central.url);
  await byTestId(page, 'settings-central-token').fill('not-the-station-token');
  await byTestId(page, 'settings-central-save').click();
  await expect(byTestId(page, 'settings-central-token-error')).toHaveText(en.settings.central.errors.tokenRefused);
  await expect(byTestId(page, 'settings-central-token')).toHaveAttribute('aria-invalid', 'true');
  await expect(byTestId(page, 'settings-central-token')).toBeFocused();
  await expect(byTestId(page, 'settings-central-url-error')).toHaveCount(0);
  await expect(byTestId(page, 'settings-central-error')).toContainText(en.settings.central.notChanged);
  await expect(byTestId(page, 'settings-central-saved')).toHaveCount(0);
  await expect(syncStatus).toHaveAttribute('data-connection', 'not-configured');
  await checkScreen(page, testInfo, 'settings-token-refused');

  // The right URL and token: saved, the token field emptied, and the station goes online.
  await byTestId(page, 'settings-central-token').fill(central.stationToken);
  await byTestId(page, 'settings-central-save').click();
  await expect(byTestId(page, 'settings-central-saved')).toHaveText(en.settings.central.saved.replace('{url}', central.url));
  await expect(byTestId(page, 'settings-central-error')).toHaveText('');
  await expect(byTestId(page, 'settings-central-token')).toHaveValue('');
  await expect(syncStatus).toHaveAttribute('data-connection', 'online', { timeout: 20_000 });
  await expect(byTestId(page, 'settings-connection')).toHaveAttribute('data-connection', 'online');

  // Sync now: the record only the central service had is now found at the station.
  const requested = page.waitForResponse((r) => r.url().endsWith('/rpc/sync.now') && r.ok());
  await byTestId(page, 'sync-now').click();
  await requested;
  await expect(syncStatus).toHaveAttribute('data-syncing', 'false', { timeout: 20_000 });
  await expect(syncStatus).toHaveAttribute('data-connection', 'online');
  await page.getByRole('link', { name: en.shell.lookup }).click();
  await lookup.search(centralOnly.crd);
  await expect(lookup.row(centralOnly.crd)).toBeVisible();

  // Staff: a username already taken is refused next to the field; a new agent is added to the table.
  await byTestId(page, 'nav-settings').click();
  const rows = byTestId(page, 'staff-row');
  await expect(rows.and(page.locator('[data-username="agent1"]'))).toHaveCount(1);
  const before = await rows.count();
  await byTestId(page, 'staff-username').fill('agent1');
  await byTestId(page, 'staff-display-name').fill(newAgent.displayName);
  await byTestId(page, 'staff-role').click();
  await page.getByRole('option', { name: en.roles.agent, exact: true }).click();
  await expect(byTestId(page, 'staff-role')).toHaveAttribute('data-value', 'agent');
  await byTestId(page, 'staff-password').fill(newAgent.password);
  await byTestId(page, 'staff-password-confirm').fill('not-the-same-password');
  await byTestId(page, 'staff-create').click();
  await expect(byTestId(page, 'staff-password-confirm-error')).toHaveText(en.fields.confirmPassword);
  await byTestId(page, 'staff-password-confirm').fill(newAgent.password);
  await byTestId(page, 'staff-create').click();
  await expect(byTestId(page, 'staff-username-error')).toHaveText(en.settings.staff.usernameTaken);
  await expect(byTestId(page, 'staff-username')).toBeFocused();
  await expect(byTestId(page, 'staff-error')).toHaveText(en.errors.INVALID_INPUT);
  await expect(rows).toHaveCount(before);

  await byTestId(page, 'staff-username').fill(newAgent.username);
  await byTestId(page, 'staff-create').click();
  await expect(byTestId(page, 'staff-status')).toHaveText(
    en.settings.staff.created.replace('{name}', newAgent.displayName).replace('{username}', newAgent.username).replace('{role}', en.roles.agent),
  );
  await expect(byTestId(page, 'staff-error')).toHaveText('');
  await expect(rows).toHaveCount(before + 1);
  const added = rows.and(page.locator(`[data-username="${newAgent.username}"]`));
  await expect(added).toHaveAttribute('data-role', 'agent');
  await expect(added.locator('td')).toHaveText([newAgent.username, newAgent.displayName, en.roles.agent]);
  await expect(byTestId(page, 'staff-username')).toHaveValue(''); // the form is ready for the next one
  await checkScreen(page, testInfo, 'settings-staff-added');

  // The new agent can sign in, and gets no settings link.
  await signIn.signOut.click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  await signIn.signIn(newAgent.username, newAgent.password);
  await expect(signIn.signedInStaff).toHaveText(`Signed in as ${newAgent.displayName}, ${en.roles.agent}`);
  await expect(byTestId(page, 'nav-settings')).toHaveCount(0);
});

test('agents see no settings link, and the settings page says they are not allowed (in both languages)', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await signIn.signIn('agent1', DEMO_PASSWORD);
  await new LookupPage(page).expectShown();
  await expect(byTestId(page, 'nav-settings')).toHaveCount(0);

  await page.goto(`${station.current.url}#/settings`);
  await expect(byTestId(page, 'settings-not-allowed')).toHaveText(en.settings.notAllowed);
  await expect(byTestId(page, 'settings-central-url')).toHaveCount(0);
  await expect(byTestId(page, 'staff-table')).toHaveCount(0);
  await checkScreen(page, testInfo, 'settings-not-allowed');

  await signIn.chooseLanguage('Español');
  await expect(page.locator('h1')).toHaveText(es.settings.title);
  await expect(byTestId(page, 'settings-not-allowed')).toHaveText(es.settings.notAllowed);
});
