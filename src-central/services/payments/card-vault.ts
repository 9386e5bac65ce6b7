/**
 * The payment processor simulator's tokenization (DESIGN §5). Card data comes in, `{token, brand, last4}` goes
 * out; the number, CVV and expiry are used in memory to decide and are then dropped — never stored or logged.
 * Tokens live in memory only (a restart forgets them: tokenize again) and are single-use.
 *
 * Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined (card_declined);
 * 4000 0000 0000 0259 stays pending forever. Any other number that passes the Luhn check succeeds.
 */
import { randomBytes } from 'node:crypto';
import type { CardToken } from '../../../src-main/contract/central-api';
import { CentralError } from '../../central-error';

export type CardOutcome = 'succeed' | 'decline' | 'never';

export const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': 'succeed',
  '4000000000000002': 'decline',
  '4000000000000259': 'never',
};

const TOKEN_TTL_MS = 60 * 60 * 1000;

interface HeldToken {
  outcome: CardOutcome;
  brand: string;
  last4: string;
  expiresAt: number;
}

export interface CardInput {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export class CardVault {
  private readonly tokens = new Map<string, HeldToken>();

  tokenize(card: CardInput, now: Date): CardToken {
    if (!luhnValid(card.cardNumber)) throw new CentralError(422, 'CARD_REJECTED', 'cardNumber: is not a valid card number (check digit)', { field: 'cardNumber' });
    // The card is good through the last day of its expiry month.
    if (card.expYear < now.getUTCFullYear() || (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1)) {
      throw new CentralError(422, 'CARD_REJECTED', 'expYear: the card has expired', { field: 'expYear' });
    }
    this.prune(now);
    const token = `tok_${randomBytes(16).toString('hex')}`;
    const held: HeldToken = {
      outcome: TEST_CARDS[card.cardNumber] ?? 'succeed',
      brand: brandOf(card.cardNumber),
      last4: card.cardNumber.slice(-4),
      expiresAt: now.getTime() + TOKEN_TTL_MS,
    };
    this.tokens.set(token, held);
    return { token, brand: held.brand, last4: held.last4 };
  }

  /** Removes and returns the token's card facts; null when unknown, used or expired. */
  take(token: string, now: Date): Omit<HeldToken, 'expiresAt'> | null {
    const held = this.tokens.get(token);
    this.tokens.delete(token);
    if (!held || held.expiresAt < now.getTime()) return null;
    return { outcome: held.outcome, brand: held.brand, last4: held.last4 };
  }

  /** Puts a taken token back (its payment did not commit). */
  restore(token: string, card: Omit<HeldToken, 'expiresAt'>, now: Date): void {
    this.tokens.set(token, { ...card, expiresAt: now.getTime() + TOKEN_TTL_MS });
  }

  private prune(now: Date): void {
    for (const [token, held] of this.tokens) if (held.expiresAt < now.getTime()) this.tokens.delete(token);
  }
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  const two = Number(number.slice(0, 2));
  const four = Number(number.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (number.startsWith('6011') || number.startsWith('65')) return 'discover';
  return 'unknown';
}
