import { AppError, type ErrorCode } from '../../contract';

/** An error whose audit events must still be kept (e.g. a failed sign-in): the dispatcher commits, then replies. */
export class AuditedFailure extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'AuditedFailure';
  }
}
