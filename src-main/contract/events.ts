/** Events pushed from the backend to the console (SSE on the web host, IPC under Electron). */
import { z } from 'zod';

export const events = {
  /** The session ended on the server side (expiry or sign-out elsewhere). */
  'session.ended': z.object({ reason: z.enum(['expired', 'signed-out']) }),
  /** A long task's progress, with counts. */
  'task.progress': z.object({ task: z.string(), done: z.number().int(), total: z.number().int().nullable() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
/** A discriminated union over every event, so `if (e.name === 'task.progress')` narrows the payload. */
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
