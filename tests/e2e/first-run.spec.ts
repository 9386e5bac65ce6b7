/**
 * First run on a fresh station (`--no-demo`): the set-up screen creates the administrator, who then signs in and out.
 */
import { expect, test } from '@playwright/test';
import { en } from '../../src-renderer/src/i18n/en';
import { LookupPage } from './pages/lookup-page';
import { SetupPage } from './pages/setup-page';
import { SignInPage } from './pages/sign-in-page';
import { useStation } from './support/fixtures';
import { checkScreen } from './support/screens';

const station = useStation({ extraArgs: ['--no-demo'] });

const admin = { username: 'chief.admin', displayName: 'Chief Administrator', password: 'correct-horse-battery-1' };

test('first run: set up the administrator (a too-short password is refused), sign in, sign out', async ({ page }, testInfo) => {
  const setup = new SetupPage(page);
  const signIn = new SignInPage(page);

  // A station without an administrator sends every screen to set-up.
  await page.goto(`${station.current.url}#/lookup`);
  await setup.expectShown();
  await expect(setup.title).toHaveText(en.setup.title);
  await expect(setup.field('username')).toBeFocused();
  await checkScreen(page, testInfo, 'setup');

  await setup.fill({ username: admin.username, displayName: admin.displayName, password: 'short', confirmPassword: 'short' });
  await setup.submit.click();
  await expect(setup.fieldError('password')).toHaveText(en.fields.password);
  await expect(setup.field('password')).toHaveAttribute('aria-invalid', 'true');
  await expect(setup.field('password')).toBeFocused();
  await expect(setup.fieldError('username')).toHaveCount(0);
  await expect(setup.error).toHaveText(en.errors.INVALID_INPUT);
  await expect(page).toHaveURL(/#\/setup$/);
  await checkScreen(page, testInfo, 'setup-password-too-short');

  await setup.field('password').fill(admin.password);
  await setup.field('confirm-password').fill(admin.password);
  const created = page.waitForResponse((r) => r.url().endsWith('/rpc/setup.createAdmin') && r.ok());
  await setup.submit.click();
  await created;
  await expect(page).toHaveURL(/#\/sign-in\?created=1$/);
  await expect(signIn.notice).toHaveText(en.setup.created);
  await checkScreen(page, testInfo, 'sign-in-after-setup');

  await signIn.signIn(admin.username, admin.password);
  await new LookupPage(page).expectShown();
  await expect(signIn.signedInStaff).toHaveText(`Signed in as ${admin.displayName}, ${en.roles.admin}`);
  await checkScreen(page, testInfo, 'lookup-empty-as-admin');

  await signIn.signOut.click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(signIn.username).toBeVisible();
  await expect(signIn.signedInStaff).toHaveCount(0);
  await expect(signIn.signOut).toHaveCount(0);
  await checkScreen(page, testInfo, 'sign-in-after-sign-out');

  // The session is really gone: a protected screen sends back to sign-in, and set-up stays closed.
  await page.goto(`${station.current.url}#/lookup`);
  await expect(page).toHaveURL(/#\/sign-in$/);
  await page.goto(`${station.current.url}#/setup`);
  await expect(page).toHaveURL(/#\/sign-in$/);
});
