/**
 * `window.mqp`: the one object the Electron preload exposes to the renderer (DESIGN §2). The renderer's api
 * module types it with this interface and falls back to HTTP when it is absent. Types and channel names only.
 */
import type { Envelope } from './errors';
import type { EventName, EventPayload } from './events';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from './procedures';

/**
 * Every procedure name, as plain strings, for the sandboxed preload's name check. The preload must not pull in
 * zod and the schemas just to learn the names (a sandboxed preload cannot require npm packages, and bundling
 * them would add ~180 kB to every page load). tsc keeps this list equal to the contract both ways; a unit test
 * compares it with PROCEDURE_NAMES at run time.
 */
export const BRIDGE_PROCEDURE_NAMES = Object.freeze([
  'setup.status',
  'setup.createAdmin',
  'session.signIn',
  'session.signOut',
  'session.current',
  'individual.search',
  'individual.get',
  'eligibility.evaluate',
  'staff.list',
  'staff.create',
  'audit.verify',
  'audit.recent',
  'audit.enrollment',
  'audit.exportPdf',
  'audit.exportJsonl',
  'audit.retention',
  'audit.setRetention',
  'dashboard.summary',
  'dashboard.records',
  'review.queue',
  'review.decide',
  'workspace.page',
  'workspace.facets',
  'worklist.list',
  'worklist.save',
  'worklist.delete',
  'flag.set',
  'note.list',
  'note.save',
  'note.resolve',
  'export.start',
  'export.chunk',
  'import.begin',
  'import.append',
  'import.start',
  'task.get',
  'task.cancel',
  'audit.compareWithCentral',
  'sync.status',
  'sync.now',
  'sync.retryFailed',
  'sync.configure',
  'enrollment.texts',
  'enrollment.section',
  'enrollment.open',
  'enrollment.get',
  'enrollment.goTo',
  'enrollment.saveContact',
  'enrollment.chooseQualifications',
  'enrollment.startPayment',
  'enrollment.abandonPayment',
  'enrollment.submitPayment',
  'enrollment.refreshStatus',
  'enrollment.retryPayment',
  'enrollment.timeline',
  'call.addNote',
  'call.notes',
  'call.wrapUp',
] as const satisfies readonly ProcedureName[]);

/** A compile error here names a procedure of the contract missing from BRIDGE_PROCEDURE_NAMES: add it above. */
type MustBeNever<T extends never> = T;
export type _EveryProcedureIsListed = MustBeNever<Exclude<ProcedureName, (typeof BRIDGE_PROCEDURE_NAMES)[number]>>;

/** ipcMain.handle channel carrying `{procedure, input, sessionToken}` and answering with an envelope. */
export const MQP_RPC_CHANNEL = 'mqp:rpc';
/** Channel on which the main process pushes backend events `{name, payload}` to the window. */
export const MQP_EVENT_CHANNEL = 'mqp:event';

/** Called with the event's name and payload; narrowing on `name` narrows `payload`. */
export type MqpEventListener = (...args: { [E in EventName]: [name: E, payload: EventPayload<E>] }[EventName]) => void;

export interface MqpBridge {
  call<P extends ProcedureName>(
    procedure: P,
    input: ProcedureInput<P>,
    sessionToken?: string | null,
  ): Promise<Envelope<ProcedureOutput<P>>>;
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: MqpEventListener): () => void;
}
