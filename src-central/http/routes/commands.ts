/** POST /v1/commands: a batch from a station's outbox → one result per command, in order (services/commands). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { CommandResult } from '../../../src-main/contract/central-api';
import { processCommands } from '../../services/commands/process-commands';
import type { CentralEnv, CentralServices } from '../central-env';
import { readBody } from '../read-body';

/** The batch's outer shape; each command is then checked on its own, so one malformed command rejects only itself. */
const batch = z.object({ commands: z.array(z.unknown()).min(1).max(500) });

export function commandsRoutes(services: Pick<CentralServices, 'centralDb' | 'clock' | 'logError'>) {
  return new Hono<CentralEnv>().post('/commands', async (c) => {
    const { commands } = await readBody(c, batch);
    const results: CommandResult[] = await processCommands({ centralDb: services.centralDb, clock: services.clock, onError: services.logError }, commands);
    return c.json({ results });
  });
}
