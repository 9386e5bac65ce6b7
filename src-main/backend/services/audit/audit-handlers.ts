import { createHash } from 'node:crypto';
import { AppError, type ExportFile, type RetentionView } from '../../../contract';
import { readAuditAnchor } from '../../audit/audit-anchor';
import { auditJsonLines } from '../../audit/audit-jsonl';
import { compareWithCentral } from '../../audit/compare-with-central';
import { renderEvidencePacketPdf } from '../../audit/evidence-packet-pdf';
import { applyRetention, retentionYears, saveRetentionYears } from '../../audit/retention';
import { verifyStoredChainInSlices } from '../../audit/verify-stored-chain';
import type BetterSqlite3 from 'better-sqlite3';
import { CentralError, centralClient } from '../../sync/central-client';
import { readCentralConfig } from '../../sync/sync-state';
import { requireStaff, type HandlerMap } from '../handler-context';
import { enrollmentTrail } from '../supervision/enrollment-trail';

/** A JSONL export travels through one call; larger ranges go through `mqp audit export`, which streams to a file. */
const MAX_EXPORT_EVENTS = 200_000;

// Viewing, verifying and exporting the audit trail are themselves audited (issue 6: every audit view is audited).
export const auditHandlers: HandlerMap<
  | 'audit.verify'
  | 'audit.recent'
  | 'audit.compareWithCentral'
  | 'audit.enrollment'
  | 'audit.exportPdf'
  | 'audit.exportJsonl'
  | 'audit.retention'
  | 'audit.setRetention'
> = {
  'audit.verify': async (_input, ctx) => {
    const report = await verifyStoredChainInSlices(ctx.db, (done, total) => ctx.emit({ name: 'task.progress', payload: { task: 'audit.verify', done, total } }));
    await ctx.transaction((tx) => tx.audit({ action: 'audit.verified', entity: 'audit', details: { ok: report.ok, checked: report.checked, firstBroken: report.firstBroken } }));
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
  'audit.enrollment': (input, ctx) => {
    const trail = enrollmentTrail(ctx.db, input.draftId, requireStaff(ctx).id, ctx.now, ctx.resourcesDir);
    ctx.audit({ action: 'audit.enrollmentViewed', entity: 'individual', entityId: trail.item.crd, details: { draftId: input.draftId, events: trail.events.length } });
    return trail;
  },
  'audit.exportPdf': async (input, ctx) => {
    const staff = requireStaff(ctx);
    const trail = enrollmentTrail(ctx.db, input.draftId, staff.id, ctx.now, ctx.resourcesDir);
    const bytes = await renderEvidencePacketPdf(trail, { stationId: ctx.stationId, generatedAt: ctx.now.toISOString(), generatedBy: staff.displayName });
    const file: ExportFile = {
      fileName: `mqp-evidence-${trail.item.crd}-${trail.item.confirmationNumber ?? input.draftId}.pdf`,
      mediaType: 'application/pdf',
      encoding: 'base64',
      content: Buffer.from(bytes).toString('base64'),
      events: trail.events.length,
    };
    ctx.audit({ action: 'audit.exported', entity: 'individual', entityId: trail.item.crd, details: { draftId: input.draftId, ...describe(file, bytes) } });
    return file;
  },
  'audit.exportJsonl': (input, ctx) => {
    const lines: string[] = [];
    for (const line of auditJsonLines(ctx.db, input.from, input.to)) {
      lines.push(line);
      if (lines.length > MAX_EXPORT_EVENTS) {
        throw new AppError('INVALID_INPUT', `to: the range holds more than ${MAX_EXPORT_EVENTS.toLocaleString('en-US')} events; choose a shorter range, or export it with \`mqp audit export --from ${input.from} --to ${input.to} --out FILE\`.`, {
          issues: [{ path: ['to'], message: 'the range holds too many events for one export' }],
        });
      }
    }
    const content = lines.map((l) => `${l}\n`).join('');
    const file: ExportFile = { fileName: `mqp-audit-${input.from}-to-${input.to}.jsonl`, mediaType: 'application/x-ndjson', encoding: 'utf8', content, events: lines.length };
    ctx.audit({ action: 'audit.exported', entity: 'audit', details: { from: input.from, to: input.to, ...describe(file, Buffer.from(content, 'utf8')) } });
    return file;
  },
  'audit.retention': (_input, ctx) => {
    const view = retentionView(ctx.db);
    ctx.audit({ action: 'audit.retentionViewed', entity: 'audit', details: { years: view.years, localEvents: view.localEvents } });
    return view;
  },
  'audit.setRetention': (input, ctx) => {
    const before = retentionYears(ctx.db);
    saveRetentionYears(ctx.db, input.years);
    ctx.audit({ action: 'audit.retentionChanged', entity: 'audit', details: { before, after: input.years } });
    applyRetention(ctx.db, ctx.now, ctx.stationId, requireStaff(ctx).id);
    return retentionView(ctx.db);
  },
};

/** What the audit keeps of an export: enough to recognise the very file later. */
function describe(file: ExportFile, bytes: Uint8Array) {
  return { kind: file.mediaType, fileName: file.fileName, events: file.events, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function retentionView(db: BetterSqlite3.Database): RetentionView {
  return {
    years: retentionYears(db),
    anchor: readAuditAnchor(db),
    localEvents: db.prepare(`SELECT count(*) FROM audit_event`).pluck().get() as number,
    awaitingCentral: db.prepare(`SELECT count(*) FROM outbox WHERE type = 'audit.append'`).pluck().get() as number,
  };
}
