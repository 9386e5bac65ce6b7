import type { ErrorCode, RpcError } from '../../../src-main/contract';

/** A failed call, as the stores see it: the envelope's typed error (DESIGN §2, STYLE "errors are values"). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }

  /** True when no backend answered (the transport made the envelope itself). */
  get unreachable(): boolean {
    const d = this.details as { unreachable?: unknown } | undefined;
    return d?.unreachable === true;
  }
}

/** Any thrown value as an ApiError, so views handle one kind of failure. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: 'INTERNAL', message });
}
