/**
 * POST /v1/commands: each command of a batch in its own transaction, so one failure never loses the others.
 * The idempotency receipt commits in the same transaction as the effect: a command is applied exactly once, and
 * a retry (after a timeout, a dropped answer or a crash on either side) is answered `duplicate`.
 * Rejections and conflicts write no effect (their transaction rolls back) and no receipt: they are re-judged if
 * the same key comes again. Every arrival, whatever its verdict, is logged for GET /__admin/commands.
 */
import type { EntityManager } from 'typeorm';
import type { Clock } from '../../../src-main/backend/clock';
import { command as commandSchema, type Command, type CommandResult } from '../../../src-main/contract/central-api';
import type { CentralDb } from '../../store/central-db';
import { CommandArrival, CommandReceipt } from '../../store/entities';
import { firstIssue } from '../zod-issue';
import type { HandlerOutcome } from './command-handler';
import { COMMAND_TYPES } from './command-types';

/** Thrown to roll back a command's transaction while keeping its verdict. */
class NotApplied extends Error {
  constructor(readonly outcome: Exclude<HandlerOutcome, { status: 'applied' }>) {
    super(outcome.status);
  }
}

export async function processCommands(
  deps: { centralDb: CentralDb; clock: Clock; onError: (message: string) => void },
  commands: unknown[],
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (const [i, raw] of commands.entries()) {
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, `commands[${i}]`);
      results.push({ key: keyOf(raw), status: 'rejected', reason: `${field}: ${message}` });
      continue;
    }
    results.push(await processOne(deps, parsed.data));
  }
  return results;
}

async function processOne(deps: { centralDb: CentralDb; clock: Clock; onError: (message: string) => void }, command: Command): Promise<CommandResult> {
  let outcome: HandlerOutcome;
  try {
    outcome = await deps.centralDb.write(async (em) => {
      const now = deps.clock.now();
      const receipt = await em.findOneBy(CommandReceipt, { key: command.key });
      if (receipt) {
        if (receipt.type !== command.type) throw new NotApplied({ status: 'rejected', reason: `key: already used by a ${receipt.type} command` });
        await logArrival(em, command, 'duplicate', now);
        return { status: 'duplicate' } as const;
      }
      const result = await apply(em, command, now);
      if (result.status !== 'applied') throw new NotApplied(result);
      await em.insert(CommandReceipt, { key: command.key, type: command.type, stationId: command.stationId, appliedAt: now.toISOString() });
      await logArrival(em, command, 'applied', now);
      return result;
    });
  } catch (error) {
    if (error instanceof NotApplied) {
      outcome = error.outcome;
    } else {
      // Not a verdict on the command but a fault of ours: reported (and parked by the station), never half-applied.
      deps.onError(`command ${command.key} (${command.type}) failed: ${(error as Error).message}`);
      outcome = { status: 'rejected', reason: `internal error: the command was not applied (${(error as Error).name})` };
    }
    await deps.centralDb.write((em) => logArrival(em, command, outcome.status, deps.clock.now()));
  }
  return { key: command.key, ...outcome } as CommandResult;
}

async function apply(em: EntityManager, command: Command, now: Date): Promise<HandlerOutcome> {
  const handler = COMMAND_TYPES[command.type];
  if (!handler) return { status: 'rejected', reason: `type: unknown command type "${command.type}" (known: ${Object.keys(COMMAND_TYPES).join(', ')})` };
  const payload = handler.payload.safeParse(command.payload);
  if (!payload.success) {
    const { field, message } = firstIssue(payload.error, 'payload');
    return { status: 'rejected', reason: `${field}: ${message}` };
  }
  return handler.apply(em, command, payload.data, now);
}

async function logArrival(em: EntityManager, command: Command, status: HandlerOutcome['status'], now: Date): Promise<void> {
  await em.insert(CommandArrival, { key: command.key, type: command.type, stationId: command.stationId, status, receivedAt: now.toISOString() });
}

function keyOf(raw: unknown): string {
  const key = (raw as { key?: unknown } | null)?.key;
  return typeof key === 'string' ? key : '';
}
