/** Typed error codes that cross every transport boundary intact. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'SETUP_DONE',
  'UNKNOWN_PROCEDURE',
  'NOT_ELIGIBLE',
  'PAYMENT_LOCKED',
  'ENROLLMENT_PENDING',
  'ILLEGAL_TRANSITION',
  'CENTRAL_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown inside the backend; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
