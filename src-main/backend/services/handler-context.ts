/** What a procedure handler gets: the data, the time, who is calling, and how to audit and emit. */
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { BackendEvent, ProcedureName, ProcedureOutput, Procedures, StaffView } from '../../contract';
import type { NewAuditEvent } from '../audit/append-audit-event';
import type { Store } from '../store/open-store';
import type { SyncEngine } from '../sync/sync-engine';

export interface HandlerContext {
  store: Store;
  /** The transaction's manager for writing procedures, the plain manager for reads. */
  em: EntityManager;
  db: BetterSqlite3.Database;
  /** The instant of this call (one reading of the clock per call). */
  now: Date;
  stationId: string;
  /** The signed-in staff member; null only for public procedures. */
  staff: StaffView | null;
  sessionTokenHash: string | null;
  /** Appends an audit event in this call's transaction (writing procedures only). */
  audit(event: Omit<NewAuditEvent, 'staffId'> & { staffId?: number | null }): void;
  emit(event: BackendEvent): void;
  /** The sync engine, or null on a station without a central service. */
  sync: SyncEngine | null;
  /** Versioned scripts and agreement texts (resources/). */
  resourcesDir: string;
  /**
   * For procedures declared read-only that must write around network calls (payment submission): runs `work` in
   * its own write transaction, with audit available inside it.
   */
  transaction<T>(work: (tx: Pick<HandlerContext, 'em' | 'db' | 'audit'>) => Promise<T> | T): Promise<T>;
}

export type Handler<P extends ProcedureName> = (
  input: z.output<Procedures[P]['input']>,
  ctx: HandlerContext,
) => Promise<ProcedureOutput<P>> | ProcedureOutput<P>;

/** One map per domain; merged at start-up into the full map (names unique across the app). */
export type HandlerMap<K extends ProcedureName = ProcedureName> = { [P in K]: Handler<P> };

/** The signed-in staff member; throws for public procedures, which should not call this. */
export function requireStaff(ctx: HandlerContext): StaffView {
  if (!ctx.staff) throw new Error('this procedure needs a signed-in staff member');
  return ctx.staff;
}
