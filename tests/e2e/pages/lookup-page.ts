/** Caller lookup: the search box, its status line and the result rows (each carries data-crd). */
import { expect, type Locator, type Page } from '@playwright/test';

export class LookupPage {
  readonly searchBox: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByTestId('search-box');
    this.status = page.getByTestId('search-status');
    this.error = page.getByTestId('search-error');
    this.rows = page.getByTestId('result-row');
  }

  row(crd: string): Locator {
    return this.page.locator(`[data-testid="result-row"][data-crd="${crd}"]`);
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/lookup$/);
    await expect(this.searchBox).toBeVisible();
  }

  /** Waits until the status line answers `text` (not an earlier query, not "Searching…"). */
  async expectAnswered(text: string): Promise<void> {
    await expect(this.status).toContainText(`“${text.trim()}”`);
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.expectAnswered(text);
  }

  /** Opens the result row of `crd` with the mouse. */
  async open(crd: string): Promise<void> {
    await this.row(crd).click();
    await expect(this.page).toHaveURL(new RegExp(`#/individuals/${crd}$`));
  }

  /** The CRD of the result row that has the keyboard focus (null when focus is elsewhere). */
  async focusedCrd(): Promise<string | null> {
    const focused = this.page.locator('[data-testid="result-row"]:focus');
    return (await focused.count()) === 1 ? focused.getAttribute('data-crd') : null;
  }

  /**
   * Keyboard only: ↓ from the search box into the results, ↓ again until the row of `crd` has the focus, Enter.
   * Fails if the row is not among the results.
   */
  async openWithKeyboard(crd: string): Promise<void> {
    await expect(this.row(crd)).toBeVisible();
    const count = await this.rows.count();
    await expect(this.searchBox).toBeFocused();
    let previous: string | null = null;
    for (let step = 0; step < count; step++) {
      await this.page.keyboard.press('ArrowDown');
      // Each ↓ must move the focus to another row; waiting for that keeps a slow frame from skipping a row.
      await expect.poll(() => this.focusedCrd(), { message: 'ArrowDown moves the focus to the next result row' }).not.toBe(previous);
      previous = await this.focusedCrd();
      expect(previous, 'a result row has the focus').not.toBeNull();
      if (previous === crd) break;
    }
    expect(previous, `the row of CRD ${crd} is reachable with the arrow keys`).toBe(crd);
    await this.page.keyboard.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`#/individuals/${crd}$`));
  }
}
