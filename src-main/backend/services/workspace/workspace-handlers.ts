/** The review workspace (issue 5): keyset pages, facet counts and worklists over every registration. */
import { todayInNewYork } from '../../domain';
import { requireStaff, type HandlerMap } from '../handler-context';
import { deleteWorklist, listWorklists, saveWorklist } from './worklists';
import { decodeCursor, encodeCursor } from './workspace-cursor';
import { facetCounts } from './workspace-facets';
import { resolveFilter } from './workspace-filter';
import { pageRows } from './workspace-page';
import { workspaceRows } from './workspace-rows';

export const workspaceHandlers: HandlerMap<'workspace.page' | 'workspace.facets' | 'worklist.list' | 'worklist.save' | 'worklist.delete'> = {
  'workspace.page': (input, ctx) => {
    const today = todayInNewYork(ctx.now);
    const after = input.after === null ? null : decodeCursor(input.after, input.sort);
    // One row more than asked tells whether another page follows.
    const found = pageRows(ctx.db, resolveFilter(input.filter, today, ctx.now), input.sort, after, input.limit + 1);
    const page = found.slice(0, input.limit);
    const next = found.length > input.limit ? encodeCursor(input.sort, page[page.length - 1].position) : null;
    return { rows: workspaceRows(ctx.db, page.map((r) => r.id), today), next, asOf: today };
  },

  'workspace.facets': (input, ctx) => {
    const today = todayInNewYork(ctx.now);
    return { ...facetCounts(ctx.db, resolveFilter(input.filter, today, ctx.now)), asOf: today };
  },

  'worklist.list': (_input, ctx) => listWorklists(ctx.db, requireStaff(ctx).id),

  'worklist.save': (input, ctx) => {
    const { worklist, replaced } = saveWorklist(ctx.db, requireStaff(ctx).id, input, ctx.now);
    ctx.audit({ action: 'worklist.saved', entity: 'worklist', entityId: worklist.id, details: { name: worklist.name, replaced, filter: worklist.filter, sort: worklist.sort } });
    return worklist;
  },

  'worklist.delete': (input, ctx) => {
    const name = deleteWorklist(ctx.db, requireStaff(ctx).id, input.id);
    ctx.audit({ action: 'worklist.deleted', entity: 'worklist', entityId: input.id, details: { name } });
    return null;
  },
};
