/** Events pushed from the backend to the console (SSE on the web host, IPC under Electron). */
import { z } from 'zod';

/** The console's view of sync (DESIGN §4): shown all the time, unobtrusively. */
export const syncStatus = z.object({
  /** unknown: not tried yet; refused: the central service rejected this station's token; not-configured: no central. */
  connection: z.enum(['unknown', 'online', 'offline', 'refused', 'not-configured']),
  lastSuccessAt: z.string().nullable(),
  pending: z.number().int(),
  failed: z.number().int(),
  conflict: z.number().int(),
  pull: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  error: z.string().nullable(),
  /** When this status was taken. */
  asOf: z.string(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const events = {
  'sync.status': syncStatus,
  /** The session ended on the server side (expiry or sign-out elsewhere). */
  'session.ended': z.object({ reason: z.enum(['expired', 'signed-out']) }),
  /** A long task's progress, with counts. */
  'task.progress': z.object({ task: z.string(), done: z.number().int(), total: z.number().int().nullable() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
/** A discriminated union over every event, so `if (e.name === 'task.progress')` narrows the payload. */
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
