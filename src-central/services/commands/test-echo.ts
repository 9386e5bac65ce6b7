/** `test.echo`: any payload, stored once per application, so tests can count arrivals ("exactly once"). */
import { z } from 'zod';
import { EchoMessage } from '../../store/entities';
import { commandHandler } from './command-handler';

const payload = z.record(z.string(), z.unknown());

export const testEcho = commandHandler({
  payload,
  async apply(em, command, body: z.infer<typeof payload>, now) {
    await em.insert(EchoMessage, { commandKey: command.key, stationId: command.stationId, payload: JSON.stringify(body), receivedAt: now.toISOString() });
    return { status: 'applied' };
  },
});
