/**
 * Card payment, kept out of every store (DESIGN §5: card data is never kept, logged or queued). The fields live
 * only in the payment step's component; this module checks them against the contract's schema and hands them to
 * the backend, which passes them to the central service's tokenizer. Pinia's action subscribers would see an
 * action's arguments — hence a plain function, not a store action.
 */
import { cardEntry, type EnrollmentDraftView } from '../../../src-main/contract';
import { call } from '../api';

/** What the agent typed, as typed. */
export interface CardFields {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export type CardField = keyof CardFields;
export type CardCheck = { ok: true; card: ReturnType<typeof cardEntry.parse> } | { ok: false; invalid: CardField[] };

const digits = (s: string) => s.replace(/[\s-]/g, '');

/** Which fields are not acceptable (by the contract's own schema); never echoes a value. */
export function checkCard(fields: CardFields): CardCheck {
  const month = digits(fields.expMonth);
  const year = digits(fields.expYear);
  const candidate = {
    number: digits(fields.number),
    expMonth: /^\d{1,2}$/.test(month) ? Number(month) : NaN,
    expYear: /^\d{2}$/.test(year) ? 2000 + Number(year) : /^\d{4}$/.test(year) ? Number(year) : NaN,
    cvc: digits(fields.cvc),
  };
  const parsed = cardEntry.safeParse(candidate);
  if (parsed.success) return { ok: true, card: parsed.data };
  const invalid = new Set<CardField>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === 'number' || field === 'expMonth' || field === 'expYear' || field === 'cvc') invalid.add(field);
  }
  return { ok: false, invalid: [...invalid] };
}

export function submitCardPayment(draftId: string, attemptKey: string, card: ReturnType<typeof cardEntry.parse>): Promise<EnrollmentDraftView> {
  return call('enrollment.submitPayment', { draftId, attemptKey, method: 'card-token', card });
}

export function submitPaymentLink(draftId: string, attemptKey: string): Promise<EnrollmentDraftView> {
  return call('enrollment.submitPayment', { draftId, attemptKey, method: 'payment-link' });
}
