/**
 * GET /v1/changes?cursor=&limit=: the pull stream (services/change-feed.ts). The cursor is opaque to stations
 * (today the last sequence number they received); no cursor means from the beginning.
 */
import { Hono } from 'hono';
import { CHANGES_MAX_LIMIT } from '../../../src-main/contract/central-api';
import { CentralError, invalidInput } from '../../central-error';
import { latestSeq } from '../../services/change-log';
import type { CentralEnv, CentralServices } from '../central-env';

export const CHANGES_DEFAULT_LIMIT = 1000;

export function changesRoutes(services: Pick<CentralServices, 'centralDb' | 'feed'>) {
  return new Hono<CentralEnv>().get('/changes', async (c) => {
    const after = parseCursor(c.req.query('cursor'));
    const limit = parseLimit(c.req.query('limit'));
    const page = await services.centralDb.read((db) => {
      const latest = latestSeq(db);
      if (after > latest) {
        throw new CentralError(409, 'CURSOR_AHEAD', `cursor: ${after} is ahead of this service's latest change ${latest} (was its database replaced?)`, { field: 'cursor', latestCursor: String(latest) });
      }
      return services.feed.page(after, limit);
    });
    return c.json(page);
  });
}

function parseCursor(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw invalidInput('cursor', 'must be a cursor returned by this service (nextCursor)');
  return Number(raw);
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return CHANGES_DEFAULT_LIMIT;
  const limit = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= CHANGES_MAX_LIMIT)) throw invalidInput('limit', `must be a whole number from 1 to ${CHANGES_MAX_LIMIT}`);
  return limit;
}
