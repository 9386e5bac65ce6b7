/** The sign-in screen (and the shell around it: language switch, signed-in line, sign-out). */
import { expect, type Locator, type Page } from '@playwright/test';

export class SignInPage {
  readonly title: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly usernameLabel: Locator;
  readonly usernameError: Locator;
  readonly languageSwitch: Locator;
  readonly signedInStaff: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('#sign-in-title');
    this.username = page.getByTestId('sign-in-username');
    this.password = page.getByTestId('sign-in-password');
    this.submit = page.getByTestId('sign-in-submit');
    this.error = page.getByTestId('sign-in-error');
    this.notice = page.getByTestId('sign-in-notice');
    this.usernameLabel = page.locator('label[for="sign-in-username"]');
    this.usernameError = page.getByTestId('sign-in-username-error');
    this.languageSwitch = page.getByTestId('language-switch');
    this.signedInStaff = page.getByTestId('signed-in-staff');
    this.signOut = page.getByTestId('sign-out');
  }

  /** Opens the console; the router lands on sign-in (or set-up on a fresh station). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.username).toBeVisible();
  }

  async fill(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
  }

  /** Signs in and waits for the lookup screen that follows. */
  async signIn(username: string, password: string): Promise<void> {
    await this.fill(username, password);
    await this.submit.click();
    await expect(this.page).toHaveURL(/#\/lookup$/);
    await expect(this.signedInStaff).toBeVisible();
  }

  /** Signs in with the keyboard alone: type, Tab, type, Enter. */
  async signInWithKeyboard(username: string, password: string): Promise<void> {
    await expect(this.username).toBeFocused();
    await this.page.keyboard.type(username);
    await this.page.keyboard.press('Tab');
    await expect(this.password).toBeFocused();
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
    await expect(this.page).toHaveURL(/#\/lookup$/);
  }

  /** Chooses a language by the switch's visible option (each option is written in its own language). */
  async chooseLanguage(label: 'English' | 'Español'): Promise<void> {
    await this.languageSwitch.getByText(label, { exact: true }).click();
  }
}
