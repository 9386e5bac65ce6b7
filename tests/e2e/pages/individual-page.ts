/** One individual's record: name, FinPro status (R19), the qualification table and "Start enrollment". */
import { expect, type Locator, type Page } from '@playwright/test';

/** The cells of a qualification row, keyed by their data-field. */
export const QUALIFICATION_FIELDS = ['category', 'eligible', 'reason', 'window', 'enrollBy', 'daysLeft', 'reregisterBy', 'fee'] as const;
export type QualificationField = (typeof QUALIFICATION_FIELDS)[number];

export interface QualificationRowData {
  category: string | null;
  reason: string | null;
  eligible: string | null;
  /** data-value of each cell ('' stands for null). */
  values: Record<QualificationField, string | null>;
  /** The sentence read to the caller (the reason cell's main text). */
  reasonText: string;
}

export class IndividualPage {
  readonly name: Locator;
  readonly error: Locator;
  readonly finproStatus: Locator;
  readonly qualificationRows: Locator;
  readonly startEnrollment: Locator;
  readonly startBlockedReason: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('individual-name');
    this.error = page.getByTestId('individual-error');
    this.finproStatus = page.getByTestId('finpro-status');
    this.qualificationRows = page.getByTestId('qualification-row');
    this.startEnrollment = page.getByTestId('start-enrollment');
    this.startBlockedReason = page.getByTestId('start-blocked-reason');
  }

  async expectShown(crd: string, name: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`#/individuals/${crd}$`));
    await expect(this.name).toHaveText(name);
  }

  /** Every qualification row, in screen order, as the machine-readable attributes and the reason sentence. */
  async rows(): Promise<QualificationRowData[]> {
    return this.qualificationRows.evaluateAll((trs, fields) =>
      trs.map((tr) => {
        const values = {} as Record<string, string | null>;
        for (const field of fields) values[field] = tr.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value') ?? null;
        return {
          category: tr.getAttribute('data-category'),
          reason: tr.getAttribute('data-reason'),
          eligible: tr.getAttribute('data-eligible'),
          values,
          reasonText: tr.querySelector('[data-field="reason"] .reason-text')?.textContent?.trim() ?? '',
        } as QualificationRowData;
      }),
    [...QUALIFICATION_FIELDS]);
  }
}
