/** What each command type provides: its payload schema and how it applies inside the command's transaction. */
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Command } from '../../../src-main/contract/central-api';

/** `applied` commits the effect; `rejected`/`conflict` roll back anything written. */
export type HandlerOutcome =
  | { status: 'applied' }
  | { status: 'duplicate' }
  | { status: 'rejected'; reason: string }
  | { status: 'conflict'; reason: string; current: unknown };

export interface CommandHandler<P> {
  payload: z.ZodType<P>;
  apply(em: EntityManager, command: Command, payload: P, now: Date): Promise<HandlerOutcome>;
}

/** Keeps each handler's payload type while the registry holds them together. */
export function commandHandler<P>(handler: CommandHandler<P>): CommandHandler<unknown> {
  return handler as CommandHandler<unknown>;
}
