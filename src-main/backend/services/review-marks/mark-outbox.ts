/**
 * The `flag.set` commands in the outbox: queued in slices (the central service takes up to 1,000 marks per
 * command), and — until acknowledged — the sign that a flag has a local change waiting.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { reviewMarkId } from '../../../contract/central-api';
import { enqueueCommand } from '../../sync/outbox';

export const MARKS_PER_COMMAND = 500;

export interface MarkSubject {
  crd: string;
  /** '' = the individual as a whole. */
  category: string;
}

interface FlagSetPayload {
  flag: string;
  on: boolean;
  marks: MarkSubject[];
  setBy: string;
}

/** Queues the change inside the caller's transaction; returns the commands' keys. */
export function enqueueFlagSet(db: BetterSqlite3.Database, change: Omit<FlagSetPayload, 'marks'>, marks: MarkSubject[], now: Date): string[] {
  const keys: string[] = [];
  for (let i = 0; i < marks.length; i += MARKS_PER_COMMAND) {
    const payload: FlagSetPayload = { ...change, marks: marks.slice(i, i + MARKS_PER_COMMAND) };
    keys.push(enqueueCommand(db, { type: 'flag.set', payload: { ...payload } }, now));
  }
  return keys;
}

/** The flags (as `crd/category/flag`) with a local change the central service has not acknowledged yet. */
export function waitingMarkIds(db: BetterSqlite3.Database): Set<string> {
  const ids = new Set<string>();
  const payloads = db.prepare(`SELECT payload FROM outbox WHERE type = 'flag.set'`).pluck().all() as string[];
  for (const text of payloads) {
    const { flag, marks } = JSON.parse(text) as FlagSetPayload;
    for (const mark of marks) ids.add(reviewMarkId({ ...mark, flag }));
  }
  return ids;
}
