import { AppError, type SyncStatus } from '../../../contract';
import { outboxCounts, requeueParked } from '../../sync/outbox';
import { readLastSyncAt } from '../../sync/sync-state';
import type { HandlerContext, HandlerMap } from '../handler-context';

/** A station without a central service still reports its queue, so agents see what waits to be sent. */
function statusOf(ctx: HandlerContext): SyncStatus {
  if (ctx.sync) return ctx.sync.snapshot();
  return { connection: 'not-configured', lastSuccessAt: readLastSyncAt(ctx.db), ...outboxCounts(ctx.db), pull: null, error: null, asOf: ctx.now.toISOString() };
}

export const syncHandlers: HandlerMap<'sync.status' | 'sync.now' | 'sync.retryFailed'> = {
  'sync.status': (_input, ctx) => statusOf(ctx),
  'sync.now': (_input, ctx) => {
    if (!ctx.sync) throw new AppError('CONFLICT', 'This station has no central service configured. Set one in the settings first.');
    // Not awaited: the pass needs the queue this handler is holding. Progress arrives as sync.status events.
    void ctx.sync.syncOnce().catch(() => undefined);
    return statusOf(ctx);
  },
  'sync.retryFailed': (_input, ctx) => {
    const requeued = requeueParked(ctx.db, ctx.now);
    ctx.audit({ action: 'sync.retriedFailed', entity: 'outbox', details: { requeued } });
    ctx.emit({ name: 'sync.status', payload: statusOf(ctx) });
    return { requeued };
  },
};
