import { AppError, type SyncStatus } from '../../../contract';
import { CentralError, centralClient } from '../../sync/central-client';
import { outboxCounts, requeueParked } from '../../sync/outbox';
import { readLastSyncAt, writeCentralConfig } from '../../sync/sync-state';
import type { HandlerContext, HandlerMap } from '../handler-context';

/** A station without a central service still reports its queue, so agents see what waits to be sent. */
function statusOf(ctx: HandlerContext): SyncStatus {
  if (ctx.sync) return ctx.sync.snapshot();
  return { connection: 'not-configured', lastSuccessAt: readLastSyncAt(ctx.db), ...outboxCounts(ctx.db), pull: null, error: null, asOf: ctx.now.toISOString() };
}

export const syncHandlers: HandlerMap<'sync.status' | 'sync.now' | 'sync.retryFailed' | 'sync.configure'> = {
  'sync.status': (_input, ctx) => statusOf(ctx),
  'sync.now': (_input, ctx) => {
    if (!ctx.sync || statusOf(ctx).connection === 'not-configured') {
      throw new AppError('CONFLICT', 'This station has no central service configured. An admin can set one in the settings.');
    }
    // Not awaited: the pass needs the queue this handler is holding. Progress arrives as sync.status events.
    void ctx.sync.syncOnce().catch(() => undefined);
    return statusOf(ctx);
  },
  'sync.configure': async (input, ctx) => {
    // Checked before it is saved: a mistyped URL or token is reported now, not at the next sync.
    try {
      await centralClient({ url: input.url, token: input.token, timeoutMs: 10_000 }).health();
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      throw new AppError('CENTRAL_UNAVAILABLE', `${error.message} The settings were not changed.`, { issues: [{ path: [error.kind === 'unauthorized' ? 'token' : 'url'], message: error.message }] });
    }
    await ctx.transaction((tx) => {
      writeCentralConfig(tx.db, { url: input.url, token: input.token });
      tx.audit({ action: 'sync.configured', entity: 'setting', entityId: 'central', details: { url: input.url } }); // never the token
    });
    // Not awaited: reconfiguring waits for a pass in flight, which needs the queue this handler holds.
    void ctx.sync?.configure({ url: input.url, token: input.token });
    return { ...statusOf(ctx), connection: 'unknown', error: null };
  },
  'sync.retryFailed': (_input, ctx) => {
    const requeued = requeueParked(ctx.db, ctx.now);
    ctx.audit({ action: 'sync.retriedFailed', entity: 'outbox', details: { requeued } });
    ctx.emit({ name: 'sync.status', payload: statusOf(ctx) });
    return { requeued };
  },
};
