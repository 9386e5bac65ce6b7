/**
 * The one implementation of the contract (DESIGN §2): parse the input, check session and role, run the handler —
 * writing procedures inside one transaction with their audit events — and answer with an envelope.
 */
import type { z } from 'zod';
import { AppError, procedures, type BackendEvent, type Envelope, type ProcedureName, type RpcRequest } from '../contract';
import { appendAuditEvent } from './audit/append-audit-event';
import type { Clock } from './clock';
import { AuditedFailure } from './services/audited-failure';
import type { HandlerContext, HandlerMap } from './services/handler-context';
import type { SerialQueue } from './services/serial-queue';
import { resolveSession } from './services/session/resolve-session';
import { inWriteTransaction } from './services/write-transaction';
import type { Store } from './store/open-store';
import type { SyncEngine } from './sync/sync-engine';

export interface DispatcherDeps {
  store: Store;
  clock: Clock;
  stationId: string;
  handlers: HandlerMap;
  /** Shared with the sync engine: one user of the connection at a time. */
  queue: SerialQueue;
  sync: SyncEngine | null;
  resourcesDir: string;
  emit(event: BackendEvent): void;
  /** Where unexpected errors are reported (never sent to the renderer in full). */
  logError(error: unknown, procedure: string): void;
  /** Why writes must wait right now (a console import holds the write lock), or null. */
  writesPaused?: () => string | null;
}

const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
const fail = (error: AppError): Envelope<never> => ({
  ok: false,
  error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
});

export function createDispatcher(deps: DispatcherDeps) {
  const { queue } = deps;

  async function call(request: RpcRequest): Promise<Envelope<unknown>> {
    const name = request?.procedure;
    if (typeof name !== 'string' || !Object.hasOwn(procedures, name)) {
      return fail(new AppError('UNKNOWN_PROCEDURE', `There is no procedure named "${String(name)}".`));
    }
    const procedure = name as ProcedureName;
    const def = procedures[procedure];
    const parsed = (def.input as z.ZodType).safeParse(request.input ?? {});
    if (!parsed.success) return fail(invalidInput(parsed.error));

    try {
      return ok(await queue.run(() => authorizeAndRun(procedure, parsed.data, request.sessionToken ?? null)));
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      deps.logError(error, procedure);
      return fail(new AppError('INTERNAL', 'Something went wrong inside the console. Try again; if it keeps happening, tell your supervisor.'));
    }
  }

  async function authorizeAndRun(procedure: ProcedureName, input: unknown, token: string | null): Promise<unknown> {
    const def = procedures[procedure];
    const now = deps.clock.now();
    let staff: HandlerContext['staff'] = null;
    let sessionTokenHash: string | null = null;
    if (def.access !== 'public') {
      const session = await resolveSession(deps.store, token, now, !deps.writesPaused?.());
      if (!session.ok) {
        if (session.reason === 'expired') deps.emit({ name: 'session.ended', payload: { reason: 'expired' } });
        throw new AppError('UNAUTHENTICATED', unauthenticatedMessage(session.reason), { reason: session.reason });
      }
      if (!def.access.includes(session.staff.role)) {
        throw new AppError('FORBIDDEN', `Your role (${session.staff.role}) may not use ${procedure}. Ask a supervisor or an admin.`, {
          procedure,
          role: session.staff.role,
        });
      }
      staff = session.staff;
      sessionTokenHash = session.tokenHash;
    }

    const handler = deps.handlers[procedure] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const auditAs = (event: Parameters<HandlerContext['audit']>[0]) =>
      appendAuditEvent(deps.store.db, { ...event, staffId: event.staffId ?? staff?.id ?? null }, now, deps.stationId);
    const base = {
      store: deps.store,
      db: deps.store.db,
      now,
      stationId: deps.stationId,
      staff,
      sessionTokenHash,
      emit: deps.emit,
      sync: deps.sync,
      resourcesDir: deps.resourcesDir,
      transaction: <T>(work: (tx: Pick<HandlerContext, 'em' | 'db' | 'audit'>) => Promise<T> | T) => {
        refuseWhileWritesPaused();
        return inWriteTransaction(deps.store, (em) => work({ em, db: deps.store.db, audit: auditAs }));
      },
    };
    if (!def.writes) {
      return handler(input, {
        ...base,
        em: deps.store.dataSource.manager,
        audit: () => {
          throw new Error(`${procedure} is declared read-only but tried to write an audit event`);
        },
      });
    }

    refuseWhileWritesPaused();
    // A failure that must still leave its audit trail (a refused sign-in) commits, then answers with the error.
    let keptFailure: AuditedFailure | null = null;
    const result = await inWriteTransaction(deps.store, async (em) => {
      const ctx: HandlerContext = {
        ...base,
        em,
        audit: auditAs,
      };
      try {
        return await handler(input, ctx);
      } catch (error) {
        if (error instanceof AuditedFailure) {
          keptFailure = error;
          return null;
        }
        throw error;
      }
    });
    if (keptFailure) throw keptFailure;
    deps.sync?.nudge(); // a new outbox row: push it soon
    return result;
  }

  /** Refused at once rather than blocking the thread on the database's busy timeout. */
  function refuseWhileWritesPaused(): void {
    const why = deps.writesPaused?.();
    if (why) throw new AppError('CONFLICT', why, { retry: true });
  }

  return { call };
}

function invalidInput(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  const first = issues[0];
  const where = first.path.length ? first.path.join('.') : 'input';
  return new AppError('INVALID_INPUT', `${where}: ${first.message}`, { issues });
}

function unauthenticatedMessage(reason: string): string {
  if (reason === 'expired') return 'Your session has expired. Sign in again to continue; your work on this station is kept.';
  if (reason === 'ended') return 'You have been signed out. Sign in again to continue.';
  return 'You are not signed in. Sign in to continue.';
}
