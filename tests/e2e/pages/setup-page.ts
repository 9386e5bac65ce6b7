/** The first-run screen that creates the administrator. */
import { expect, type Locator, type Page } from '@playwright/test';

export type SetupField = 'username' | 'display-name' | 'password' | 'confirm-password';

export class SetupPage {
  readonly title: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('#setup-title');
    this.submit = page.getByTestId('setup-submit');
    this.error = page.getByTestId('setup-error');
  }

  field(name: SetupField): Locator {
    return this.page.getByTestId(`setup-${name}`);
  }

  fieldError(name: SetupField): Locator {
    return this.page.getByTestId(`setup-${name}-error`);
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/setup$/);
    await expect(this.field('username')).toBeVisible();
  }

  async fill(values: { username: string; displayName: string; password: string; confirmPassword: string }): Promise<void> {
    await this.field('username').fill(values.username);
    await this.field('display-name').fill(values.displayName);
    await this.field('password').fill(values.password);
    await this.field('confirm-password').fill(values.confirmPassword);
  }
}
