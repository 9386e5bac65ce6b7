/**
 * The central service as other tests use it: killed with -9 and restarted on the same data directory (and port),
 * it keeps its records, cursor, idempotency receipts and pending settlements (DESIGN §9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentAccepted } from '../../../src-main/contract/central-api';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { person } from '../../support/records';
import { command, json, pullAll, pushCommands, waitFor } from './central-kit';

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess({ seed: 300, today: '2024-09-01', settleMs: 1500 });
});
afterAll(() => central?.stop());

describe('kill -9 and restart on the same data directory', () => {
  it('keeps records, cursor and receipts; --seed is not applied twice; the URL stays the same', async () => {
    const before = await pullAll(central, '', 5000);
    expect((await pushCommands(central, [command('restart-echo-1', 'test.echo', {})]))[0].status).toBe('applied');
    const url = central.url;
    const pid = central.pid;

    expect(await central.kill('SIGKILL')).toBeNull();
    await central.restart();
    expect(central.url).toBe(url);
    expect(central.pid).not.toBe(pid);
    expect(central.output()).toMatch(/already holds data; --seed ignored/);

    const stats = await json<{ tables: Record<string, number>; latestCursor: string }>(central.admin('stats'));
    expect(stats.tables.individual).toBe(300);
    expect(stats.latestCursor).toBe(before.cursor);
    expect((await pullAll(central, before.cursor)).changes).toEqual([]);
    expect((await pushCommands(central, [command('restart-echo-1', 'test.echo', {})]))[0].status).toBe('duplicate');
  });

  it('settles a payment accepted just before a kill -9 after the restart', async () => {
    expect((await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records: [person('7700001')] }) })).status).toBe(200);
    const card = await json<{ token: string }>(central.v1('payments/tokenize', {
      method: 'POST', body: JSON.stringify({ cardNumber: '4242424242424242', expMonth: 1, expYear: 2035, cvc: '321' }),
    }));
    const res = await central.v1('payments', {
      method: 'POST',
      body: JSON.stringify({ key: 'restart-pay-1', crd: '7700001', categories: ['GS'], amountUsd: 100, method: 'card-token', token: card.token, stationId: 's', staffId: null }),
    });
    const { enrollment } = paymentAccepted.parse(await res.json());
    expect(enrollment.status).toBe('payment_pending');

    await central.kill('SIGKILL');
    await central.restart();
    const settled = await waitFor('the enrollment to settle after the restart', async () => {
      const { changes } = await pullAll(central, '', 5000);
      const found = changes.find((c) => c.kind === 'enrollment' && c.id === enrollment.id);
      return found?.op === 'upsert' && found.kind === 'enrollment' && found.data.status === 'enrolled' ? found.data : undefined;
    });
    expect(settled.confirmationNumber).toBe(enrollment.confirmationNumber);
  });

  it('stops cleanly on SIGTERM (exit code 0)', async () => {
    expect(await central.kill('SIGTERM')).toBe(0);
    await central.restart();
    expect((await central.v1('health')).status).toBe(200);
  });
});
