/**
 * The opaque keyset cursor of a workspace page: the sort it belongs to and the position of the page's last row
 * (see workspace-sorts.ts). Base64url JSON — opaque to the console, readable when debugging. Never an offset.
 */
import { AppError, type WorkspaceSort } from '../../../contract';
import type { SortTuple } from './workspace-sorts';

interface CursorBody {
  /** Sort column and direction: a cursor is only valid for the order it came from. */
  s: string;
  d: 'asc' | 'desc';
  k: SortTuple;
}

export function encodeCursor(sort: WorkspaceSort, position: SortTuple): string {
  const body: CursorBody = { s: sort.column, d: sort.direction, k: position };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The position after which the next page starts; INVALID_INPUT naming `after` when the cursor is not one of ours. */
export function decodeCursor(cursor: string, sort: WorkspaceSort): SortTuple {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('is not a page cursor; start again from the first page');
  }
  if (!isCursorBody(body)) throw invalidCursor('is not a page cursor; start again from the first page');
  if (body.s !== sort.column || body.d !== sort.direction) {
    throw invalidCursor('belongs to another sort order; start again from the first page');
  }
  return body.k;
}

function isCursorBody(v: unknown): v is CursorBody {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  const k = b.k;
  return (
    typeof b.s === 'string' &&
    (b.d === 'asc' || b.d === 'desc') &&
    Array.isArray(k) &&
    k.length === 4 &&
    (typeof k[0] === 'string' || (typeof k[0] === 'number' && Number.isFinite(k[0]))) &&
    Number.isInteger(k[1]) &&
    typeof k[2] === 'string' &&
    Number.isInteger(k[3])
  );
}

function invalidCursor(problem: string): AppError {
  const message = `after: ${problem}`;
  return new AppError('INVALID_INPUT', message, { issues: [{ path: ['after'], message: problem }] });
}
