import { AppError } from '../../../contract';
import { compareWithCentral } from '../../audit/compare-with-central';
import { verifyStoredChain } from '../../audit/verify-stored-chain';
import { CentralError, centralClient } from '../../sync/central-client';
import { readCentralConfig } from '../../sync/sync-state';
import type { HandlerMap } from '../handler-context';

export const auditHandlers: HandlerMap<'audit.verify' | 'audit.recent' | 'audit.compareWithCentral'> = {
  // Viewing and verifying the audit trail are themselves audited (issue 6: every audit view is audited).
  'audit.verify': (_input, ctx) => {
    const report = verifyStoredChain(ctx.db);
    ctx.audit({ action: 'audit.verified', entity: 'audit', details: { ok: report.ok, checked: report.checked } });
    return report;
  },
  'audit.compareWithCentral': async (_input, ctx) => {
    const config = readCentralConfig(ctx.db);
    if (!config) throw new AppError('CENTRAL_UNAVAILABLE', 'This station has no central service to compare its audit chain with.');
    let report;
    try {
      report = await compareWithCentral(ctx.db, centralClient(config), ctx.stationId);
    } catch (error) {
      if (error instanceof CentralError) throw new AppError('CENTRAL_UNAVAILABLE', `${error.message} Try the comparison again when the central service answers.`);
      throw error;
    }
    await ctx.transaction((tx) => tx.audit({ action: 'audit.comparedWithCentral', entity: 'audit', details: { ...report } }));
    return report;
  },
  'audit.recent': (input, ctx) => {
    const rows = ctx.db
      .prepare(
        `SELECT seq, at, staff_id AS staffId, station_id AS stationId, action, entity, entity_id AS entityId, details, hash
         FROM audit_event ORDER BY seq DESC LIMIT ?`,
      )
      .all(input.limit) as { details: string }[];
    ctx.audit({ action: 'audit.viewed', entity: 'audit', details: { limit: input.limit } });
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown })) as never;
  },
};
