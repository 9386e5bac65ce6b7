/** The supervisor's dashboard and review queue (issue 6). Every view is audited like a change. */
import { AppError } from '../../../contract';
import { requireStaff, type HandlerMap } from '../handler-context';
import { metricRows } from './dashboard-records';
import { dashboardSummary } from './dashboard-summary';
import { reviewItem, reviewQueue, workersOf } from './review-items';

/** A list the console shows at once; the count says when more matched. */
const MAX_RECORDS = 500;

export const supervisionHandlers: HandlerMap<'dashboard.summary' | 'dashboard.records' | 'review.queue' | 'review.decide'> = {
  'dashboard.summary': (input, ctx) => {
    const summary = dashboardSummary(ctx.db, input, ctx.now);
    ctx.audit({ action: 'dashboard.viewed', entity: 'dashboard', details: { ...input } });
    return summary;
  },
  'dashboard.records': (input, ctx) => {
    const rows = metricRows(ctx.db, input.metric, input.filter, ctx.now, input.slice);
    ctx.audit({ action: 'dashboard.recordsViewed', entity: 'dashboard', details: { ...input.filter, metric: input.metric, slice: input.slice, count: rows.length } });
    return { rows: rows.slice(0, MAX_RECORDS).map(({ date: _date, staffId: _staffId, ...record }) => record), total: rows.length };
  },
  'review.queue': (input, ctx) => {
    const items = reviewQueue(ctx.db, input.state, requireStaff(ctx).id, ctx.now);
    ctx.audit({ action: 'review.queueViewed', entity: 'review', details: { state: input.state, count: items.length } });
    return { items, asOf: ctx.now.toISOString() };
  },
  'review.decide': (input, ctx) => {
    const reviewer = requireStaff(ctx);
    const item = reviewItem(ctx.db, input.draftId, reviewer.id, ctx.now);
    if (!item) throw new AppError('NOT_FOUND', `No submitted enrollment ${input.draftId} on this station to review. Reload the review queue.`);
    const createdBy = ctx.db.prepare(`SELECT created_by FROM enrollment_draft WHERE id = ?`).pluck().get(input.draftId) as number;
    if (workersOf(ctx.db, input.draftId, item.crd, createdBy).has(reviewer.id)) {
      throw new AppError('FORBIDDEN', 'You worked on this enrollment, so another supervisor must review it.');
    }
    const note = input.note === '' ? null : input.note;
    ctx.db
      .prepare(`INSERT INTO review_decision (draft_id, decision, note, staff_id, at) VALUES (?, ?, ?, ?, ?)`)
      .run(input.draftId, input.decision, note, reviewer.id, ctx.now.toISOString());
    ctx.audit({
      action: 'review.decided', entity: 'individual', entityId: item.crd,
      details: { draftId: input.draftId, decision: input.decision, note, previous: item.decision?.decision ?? null, flags: item.flags.map((f) => f.kind) },
    });
    return reviewItem(ctx.db, input.draftId, reviewer.id, ctx.now)!;
  },
};
