/**
 * POST /v1/commands (DESIGN §4 push): idempotent by key, one transaction per command, conflicts on a stale base
 * version, rejections that name the field.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { person } from '../../support/records';
import { command, json, pullAll, pushCommands } from './central-kit';

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess();
  const res = await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records: [person('5500001'), person('5500002')] }) });
  expect(res.status).toBe(200);
});
afterAll(() => central?.stop());

type Counts = { keys: Record<string, { applied: number; duplicate: number; rejected: number; conflict: number; effects?: number }> };

describe('POST /v1/commands: idempotency', () => {
  it('applies a command once: the same key again is a duplicate, and the effect exists exactly once', async () => {
    const echo = command('echo-key-0001', 'test.echo', { hello: 'world' });
    expect(await pushCommands(central, [echo])).toEqual([{ key: 'echo-key-0001', status: 'applied' }]);
    expect(await pushCommands(central, [echo])).toEqual([{ key: 'echo-key-0001', status: 'duplicate' }]);
    const counts = await json<Counts>(central.admin('commands?type=test.echo'));
    expect(counts.keys['echo-key-0001']).toEqual({ type: 'test.echo', applied: 1, duplicate: 1, rejected: 0, conflict: 0, effects: 1 });
  });

  it('treats a key repeated inside one batch as a duplicate of its first occurrence', async () => {
    const echo = command('echo-key-0002', 'test.echo', { n: 2 });
    expect((await pushCommands(central, [echo, echo])).map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('refuses a key already used by a command of another type', async () => {
    const [result] = await pushCommands(central, [command('echo-key-0001', 'note.put', { id: 'n-x', crd: '5500001', text: 't', baseVersion: 0 })]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^key: already used by a test\.echo command/) });
  });

  it('answers one result per command, in order, and one bad command never loses the others', async () => {
    const results = await pushCommands(central, [
      command('batch-0001-a', 'test.echo', { i: 1 }),
      command('batch-0001-b', 'no.such.type', {}),
      command('batch-0001-c', 'note.put', { id: 'n-1', crd: '5500001', text: 42, baseVersion: 0 }),
      { key: 'short', type: 'test.echo', stationId: 'station-test', createdAt: 'x', payload: {} },
      command('batch-0001-e', 'test.echo', { i: 5 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ reason: expect.stringMatching(/^type: unknown command type "no\.such\.type"/) });
    expect(results[2]).toMatchObject({ reason: expect.stringMatching(/^payload\.text: /) });
    expect(results[3]).toMatchObject({ key: 'short', reason: expect.stringMatching(/^commands\[3\]\.key: /) });
  });

  it('refuses a body over 8 MB with 413 before reading it all', async () => {
    const res = await central.v1('commands', { method: 'POST', body: JSON.stringify({ commands: [command('big-0001', 'test.echo', { blob: 'x'.repeat(9_000_000) })] }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const counts = await json<Counts>(central.admin('commands?type=test.echo'));
    expect(counts.keys['big-0001']).toBeUndefined();
  });

  it.each([
    ['a body that is not JSON', 'not json', /^body: is not valid JSON/],
    ['an empty batch', JSON.stringify({ commands: [] }), /^commands: /],
    ['a batch over 500 commands', JSON.stringify({ commands: Array.from({ length: 501 }, () => ({})) }), /^commands: /],
  ])('refuses %s with a 400 naming the field', async (_name, body, message) => {
    const res = await central.v1('commands', { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
  });
});

describe('individual.updateContact', () => {
  async function serverVersion(crd: string) {
    const { changes } = await pullAll(central, '', 5000);
    const found = changes.find((c) => c.kind === 'individual' && c.id === crd);
    if (!found || found.kind !== 'individual' || found.op !== 'upsert') throw new Error(`no individual ${crd}`);
    return found;
  }

  it('applies on the current base and emits an individual change with the new contact details', async () => {
    const before = await serverVersion('5500001');
    const { cursor } = await pullAll(central, '', 5000);
    const [result] = await pushCommands(central, [command('contact-0001', 'individual.updateContact', {
      crd: '5500001', baseUpdatedAt: before.updatedAt, email: 'dana.new@proton.me', phone: '(518) 555-0199',
    })]);
    expect(result).toEqual({ key: 'contact-0001', status: 'applied' });
    const { changes } = await pullAll(central, cursor);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'individual', id: '5500001', data: { email: 'dana.new@proton.me', phone: '(518) 555-0199' } });
    expect((changes[0] as { updatedAt: string }).updatedAt).not.toBe(before.updatedAt);
  });

  it('answers conflict with the current record when the base is stale, and changes nothing', async () => {
    const current = await serverVersion('5500001');
    const [result] = await pushCommands(central, [command('contact-0002', 'individual.updateContact', {
      crd: '5500001', baseUpdatedAt: '2020-01-01T00:00:00.000Z', email: 'stale@proton.me',
    })]);
    expect(result).toMatchObject({ key: 'contact-0002', status: 'conflict', current: { ...current.data, updatedAt: current.updatedAt } });
    expect((await serverVersion('5500001')).data.email).toBe('dana.new@proton.me');
    // A conflict leaves no receipt: the same key is judged again (and conflicts again), never "duplicate".
    const [again] = await pushCommands(central, [command('contact-0002', 'individual.updateContact', {
      crd: '5500001', baseUpdatedAt: '2020-01-01T00:00:00.000Z', email: 'stale@proton.me',
    })]);
    expect(again.status).toBe('conflict');
  });

  it.each([
    ['an unknown CRD', { crd: '5599999', email: 'a@b.co' }, /^payload\.crd: no individual with CRD 5599999/],
    ['a malformed email', { crd: '5500002', email: 'not-an-email' }, /^payload\.email: /],
    ['a US address without a ZIP', { crd: '5500002', address: { street: '1 A St', city: 'Troy', state: 'NY', zip: '', country: 'US' } }, /^payload\.address\.zip: /],
    ['nothing to change', { crd: '5500002' }, /must change at least one of email, phone or address/],
    ['a CRD of letters', { crd: 'abc', email: 'a@b.co' }, /^payload\.crd: /],
  ])('rejects %s, naming the field', async (_name, payload, reason) => {
    const [result] = await pushCommands(central, [command(`contact-bad-${Math.random().toString(36).slice(2, 10)}`, 'individual.updateContact', payload)]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
  });
});

describe('note.put', () => {
  it('creates at base 0, updates at the current version, and answers conflict with the current note on a stale base', async () => {
    const put = (key: string, text: string, baseVersion: number) => pushCommands(central, [command(key, 'note.put', { id: 'note-1', crd: '5500002', text, baseVersion })]);
    expect((await put('note-0001', 'first', 0))[0].status).toBe('applied');
    expect((await put('note-0002', 'second', 1))[0].status).toBe('applied');
    const [stale] = await put('note-0003', 'edited offline from version 1', 1);
    expect(stale).toMatchObject({ status: 'conflict', current: { id: 'note-1', text: 'second', version: 2 } });
  });
});

describe('audit.append', () => {
  const event = (seq: number, hash: string, stationId = 'station-test') => ({
    seq, at: '2024-09-01T12:00:00.000Z', staffId: 1, stationId, action: 'individual.viewed', entity: 'individual', entityId: '5500001',
    details: '{}', prevHash: '0'.repeat(64), hash,
  });
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('stores events keyed by (station, seq): the same event under a new key is a duplicate, a different hash a conflict', async () => {
    expect((await pushCommands(central, [command('audit:station-test:1', 'audit.append', event(1, sha('a')))]))[0].status).toBe('applied');
    expect((await pushCommands(central, [command('audit:station-test:1', 'audit.append', event(1, sha('a')))]))[0].status).toBe('duplicate');
    expect((await pushCommands(central, [command('audit-other-key-1', 'audit.append', event(1, sha('a')))]))[0].status).toBe('duplicate');
    const [rewritten] = await pushCommands(central, [command('audit-other-key-2', 'audit.append', event(1, sha('b')))]);
    expect(rewritten).toMatchObject({ status: 'conflict', current: { seq: 1, hash: sha('a') } });
    const stats = await json<{ tables: Record<string, number> }>(central.admin('stats'));
    expect(stats.tables.station_audit_event).toBe(1);
  });

  it.each([
    ['another station', event(2, 'f'.repeat(64), 'station-other'), /^payload\.stationId: /],
    ['a hash that is not SHA-256 hex', event(2, 'xyz'), /^payload\.hash: /],
    ['seq 0', event(0, 'f'.repeat(64)), /^payload\.seq: /],
  ])('rejects an event from %s, naming the field', async (_name, payload, reason) => {
    const [result] = await pushCommands(central, [command(`audit-bad-${Math.random().toString(36).slice(2, 10)}`, 'audit.append', payload)]);
    expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
  });
});
