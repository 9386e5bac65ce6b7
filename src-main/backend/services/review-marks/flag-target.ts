/**
 * The registrations a bulk flag applies to: a selection by id, or everything a workspace filter matches — exactly
 * the rows the table lists for it (workspace/filtered-rows.ts) — capped so one action (its transaction, audit event
 * and outbox commands) stays a size a station and the central service handle in a moment.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { workspaceTarget } from '../../../contract/review-workspace';
import { todayInNewYork } from '../../domain';
import { prepared } from '../../store/prepared';
import { filteredRegistrationIds } from '../workspace/filtered-rows';

/** As many as a selection may hold (contract: workspaceTarget). */
export const MAX_FLAG_TARGETS = 10_000;

export interface FlagTarget {
  registrationId: number;
  crd: string;
  category: string;
}

export function flagTargets(db: BetterSqlite3.Database, target: z.output<typeof workspaceTarget>, now: Date): FlagTarget[] | 'too-many' {
  // One more than allowed tells a filter that matches too many.
  const ids = target.kind === 'selection' ? target.registrationIds : filteredRegistrationIds(db, target.filter, todayInNewYork(now), now, MAX_FLAG_TARGETS + 1);
  if (ids.length > MAX_FLAG_TARGETS) return 'too-many';
  const rows = prepared(
    db,
    `SELECT r.id AS registrationId, i.crd, r.category FROM registration r JOIN individual i ON i.id = r.individual_id
     WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`,
  ).all(JSON.stringify(ids)) as FlagTarget[];
  // A flag is per crd × category: the same category registered twice is one flag.
  const byFlagSubject = new Map<string, FlagTarget>();
  for (const row of rows) if (!byFlagSubject.has(`${row.crd}/${row.category}`)) byFlagSubject.set(`${row.crd}/${row.category}`, row);
  return [...byFlagSubject.values()];
}
