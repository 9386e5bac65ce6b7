/**
 * An answer the central service gives on purpose: an HTTP status, a typed code and a sentence (the
 * `centralError` body of src-main/contract/central-api.ts). Never carries request values such as card data.
 */
export type CentralErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'CURSOR_AHEAD'
  | 'UNKNOWN_INDIVIDUAL'
  | 'NOT_ELIGIBLE'
  | 'AMOUNT_MISMATCH'
  | 'PAYMENT_PENDING'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CARD_TOKEN_UNKNOWN'
  | 'CARD_REJECTED'
  | 'INJECTED_FAULT'
  | 'INTERNAL';

export class CentralError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503,
    readonly code: CentralErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CentralError';
  }

  get body() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** A 400 naming the field, e.g. `payload.address.zip: must be a US ZIP code`. */
export function invalidInput(field: string, message: string): CentralError {
  return new CentralError(400, 'INVALID_INPUT', `${field}: ${message}`, { field });
}
