/** The enrollment journey (MQP-RULES §3): one step at a time, as an agent walks a caller through it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class JourneyPage {
  readonly indicator: Locator;
  readonly continueButton: Locator;
  readonly back: Locator;
  readonly backToHome: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('enroll-step-indicator');
    this.continueButton = page.getByTestId('continue');
    this.back = page.getByTestId('back');
    this.backToHome = page.getByTestId('back-to-home');
  }

  step(name: 'program' | 'contact' | 'qualifications' | 'payment' | 'confirmation' | 'status'): Locator {
    return this.page.getByTestId(`step-${name}`);
  }

  async expectStep(name: Parameters<JourneyPage['step']>[0]): Promise<void> {
    await expect(this.step(name)).toBeVisible();
    await expect(this.step(name).getByTestId('script-text').first()).toHaveAttribute('data-version', /.+/);
  }

  /** Opens the caller's record directly (the lookup is covered by its own journey). */
  async openIndividual(baseUrl: string, crd: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/individuals/${crd}`);
    await expect(this.page.getByTestId('individual-name')).toBeVisible();
  }

  async start(): Promise<void> {
    await this.page.getByTestId('start-enrollment').click();
    await this.expectStep('program');
  }

  /** Program → contact (kept as on file) → qualifications with both agreements → payment. */
  async toPayment(category: string): Promise<void> {
    await this.continueButton.click();
    await this.expectStep('contact');
    await this.continueButton.click();
    await this.chooseAndAccept(category);
  }

  async chooseAndAccept(category: string): Promise<void> {
    await this.expectStep('qualifications');
    await this.page.getByTestId(`category-${category}`).check();
    await this.page.getByTestId('terms-accept').check();
    await this.page.getByTestId('payment-agreement-accept').check();
    await this.continueButton.click();
    await this.expectStep('payment');
  }

  async payByCard(number: string): Promise<void> {
    await this.page.getByTestId('card-number').fill(number);
    await this.page.getByTestId('card-exp-month').fill('12');
    await this.page.getByTestId('card-exp-year').fill('2031');
    await this.page.getByTestId('card-cvc').fill('123');
    await this.page.getByTestId('submit-payment').click();
  }

  /** The pop-up, then the confirmation screen; returns the confirmation number. */
  async acknowledgeConfirmation(): Promise<string> {
    await expect(this.page.getByTestId('confirmation-dialog')).toBeVisible();
    await this.page.getByTestId('confirmation-acknowledge').click();
    await this.expectStep('confirmation');
    const number = (await this.page.getByTestId('confirmation-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^MQP-[A-Z2-9]{10}$/);
    return number;
  }

  async toStatus(): Promise<void> {
    await this.page.getByTestId('confirmation-ok').click();
    await this.expectStep('status');
  }

  /** The status refreshes by itself (polling with backoff) until the central service settles the payment. */
  async expectStatus(status: string, timeout = 30_000): Promise<void> {
    await expect(this.page.getByTestId('enrollment-status')).toHaveAttribute('data-status', status, { timeout });
  }
}

/** Presses Tab until `target` has the focus: reaching a control by keyboard only, the way an agent would. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}
