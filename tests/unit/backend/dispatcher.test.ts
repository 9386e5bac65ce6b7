import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callOk, staffWithEveryRole, testBackend, TEST_PASSWORD } from '../../support/test-backend';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeEach(async () => {
  t = await testBackend();
});
afterEach(() => t.close());

describe('dispatcher', () => {
  it('answers INVALID_INPUT naming the failing path, without running the handler', async () => {
    const r = await call(t.backend, 'setup.createAdmin', { username: 'ok-name', displayName: 'A', password: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'password: must be at least 10 characters' } });
    expect(r.ok === false && r.error.details).toEqual({ issues: [{ path: ['password'], message: 'must be at least 10 characters' }] });
    expect(await callOk(t.backend, 'setup.status')).toMatchObject({ needsAdmin: true }); // nothing was created
  });

  it('names nested paths and rejects unknown fields', async () => {
    const tokens = await staffWithEveryRole(t.backend);
    const nested = await call(t.backend, 'eligibility.evaluate', { record: { crd: '12', registrations: [{ category: 'GS', level: 'representative', startDate: '2021-02-30' }] } }, tokens.agent);
    expect(nested).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'record.registrations.0.startDate: is not a real calendar date' } });
    const extra = await call(t.backend, 'individual.search', { query: 'x', sneaky: true }, tokens.agent);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers UNAUTHENTICATED without a session, with an unknown token, and after sign-out', async () => {
    await staffWithEveryRole(t.backend);
    expect(await call(t.backend, 'individual.search', { query: 'smith' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(t.backend, 'individual.search', { query: 'smith' }, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { token } = await callOk<{ token: string }>(t.backend, 'session.signIn', { username: 'agent', password: TEST_PASSWORD });
    await callOk(t.backend, 'session.signOut', {}, token);
    expect(await call(t.backend, 'individual.search', { query: 'smith' }, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'ended' } } });
  });

  it('expires a session after 30 idle minutes, and keeps an active one alive', async () => {
    await staffWithEveryRole(t.backend);
    const { token } = await callOk<{ token: string }>(t.backend, 'session.signIn', { username: 'agent', password: TEST_PASSWORD });
    t.clock.advance(25 * 60_000);
    await callOk(t.backend, 'session.current', {}, token); // activity pushes the expiry forward
    t.clock.advance(25 * 60_000);
    await callOk(t.backend, 'session.current', {}, token);
    t.clock.advance(31 * 60_000);
    expect(await call(t.backend, 'session.current', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'expired' } } });
  });

  it('answers FORBIDDEN for a role outside the procedure’s list', async () => {
    const tokens = await staffWithEveryRole(t.backend);
    expect(await call(t.backend, 'staff.list', {}, tokens.agent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.backend, 'audit.verify', {}, tokens.agent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers UNKNOWN_PROCEDURE for a name outside the contract (including prototype names)', async () => {
    expect(await call(t.backend, 'staff.delete')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await call(t.backend, 'toString')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('refuses a wrong password with BAD_CREDENTIALS, the same way as an unknown user', async () => {
    await staffWithEveryRole(t.backend);
    const wrong = await call(t.backend, 'session.signIn', { username: 'agent', password: 'not-the-password' });
    const unknown = await call(t.backend, 'session.signIn', { username: 'nobody', password: 'not-the-password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(unknown).toEqual(wrong);
  });

  it('allows the first-run admin only once', async () => {
    await callOk(t.backend, 'setup.createAdmin', { username: 'first', displayName: 'First', password: TEST_PASSWORD });
    const second = await call(t.backend, 'setup.createAdmin', { username: 'second', displayName: 'Second', password: TEST_PASSWORD });
    expect(second).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });
});
