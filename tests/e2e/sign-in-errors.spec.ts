/** Sign-in failures read as sentences that say what to do, in English and in Spanish. */
import { expect, test } from '@playwright/test';
import { en } from '../../src-renderer/src/i18n/en';
import { es } from '../../src-renderer/src/i18n/es';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_COUNT } from './support/demo-callers';
import { useStation } from './support/fixtures';
import { checkScreen } from './support/screens';

const station = useStation({ demoCount: DEMO_COUNT });

test('a wrong password shows the error sentence, clears the password and stays on sign-in', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await expect(signIn.title).toHaveText(en.signIn.title);
  await checkScreen(page, testInfo, 'sign-in');

  await signIn.fill('agent1', 'not-the-password-1');
  const answered = page.waitForResponse((r) => r.url().endsWith('/rpc/session.signIn'));
  await signIn.submit.click();
  await answered;
  await expect(signIn.error).toHaveText(en.errors.BAD_CREDENTIALS);
  await expect(signIn.password).toHaveValue('');
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(signIn.signedInStaff).toHaveCount(0);
  await checkScreen(page, testInfo, 'sign-in-wrong-password');
});

test('empty fields are named before anything is sent', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  let sent = false;
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc/session.signIn')) sent = true;
  });
  await signIn.submit.click();
  await expect(signIn.usernameError).toHaveText(en.fields.required.replace('{field}', en.signIn.username));
  await expect(signIn.username).toBeFocused();
  expect(sent).toBe(false);
  await checkScreen(page, testInfo, 'sign-in-empty-fields');
});

test('the language switch turns the sign-in screen into Spanish, errors included, and back', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.open(station.current.url);
  await expect(signIn.usernameLabel).toHaveText(en.signIn.username);

  await signIn.chooseLanguage('Español');
  await expect(signIn.title).toHaveText(es.signIn.title);
  await expect(signIn.usernameLabel).toHaveText(es.signIn.username);
  await expect(signIn.submit).toHaveText(es.signIn.submit);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await checkScreen(page, testInfo, 'sign-in-es');

  await signIn.fill('agent1', 'contrasena-incorrecta');
  await signIn.submit.click();
  await expect(signIn.error).toHaveText(es.errors.BAD_CREDENTIALS);
  await checkScreen(page, testInfo, 'sign-in-es-wrong-password');

  await signIn.chooseLanguage('English');
  await expect(signIn.usernameLabel).toHaveText(en.signIn.username);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
