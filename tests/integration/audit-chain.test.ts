import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyStoredChain } from '../../src-main/backend/audit/verify-stored-chain';
import { DATABASE_FILE } from '../../src-main/backend/store/open-store';
import { callOk, staffWithEveryRole, testBackend, TEST_PASSWORD } from '../support/test-backend';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeEach(async () => {
  t = await testBackend({ individuals: 50 });
});
afterEach(() => t.close());

const mqp = (...args: string[]) => spawnSync(process.execPath, ['bin/mqp.js', ...args], { encoding: 'utf8' });

async function someMutations() {
  const tokens = await staffWithEveryRole(t.backend);
  const hits = await callOk<{ hits: { crd: string }[] }>(t.backend, 'individual.search', { query: 'a' }, tokens.agent);
  for (const hit of hits.hits.slice(0, 3)) await callOk(t.backend, 'individual.get', { crd: hit.crd }, tokens.agent);
  await t.backend.call({ procedure: 'session.signIn', input: { username: 'agent', password: 'wrong-password!' } });
  await callOk(t.backend, 'session.signOut', {}, tokens.agent);
  return tokens;
}

describe('audit chain', () => {
  it('records each mutation and audited read, and verifies after a series of them', async () => {
    await someMutations();
    const db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
    const actions = (db.prepare('SELECT action FROM audit_event ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.created', 'individuals.imported', 'session.signedIn', 'individual.viewed', 'session.signInFailed', 'session.signedOut']));
    expect(actions.filter((a) => a === 'individual.viewed')).toHaveLength(3);
    const report = verifyStoredChain(db);
    expect(report).toMatchObject({ ok: true, firstBroken: null });
    expect(report.checked).toBe(actions.length);
    db.close();
    const cli = mqp('audit', 'verify', '--data', t.dataDir);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`intact: ${actions.length} events verified`));
  });

  it('refuses UPDATE and DELETE of audit events (append-only triggers)', async () => {
    await someMutations();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    expect(() => db.prepare(`UPDATE audit_event SET action = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_event WHERE seq = 1`).run()).toThrow(/append-only/);
    db.close();
  });

  it('names the altered row when an event is changed with raw SQL (triggers dropped first)', async () => {
    await someMutations();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    const total = db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
    const target = Math.floor(total / 2);
    db.exec('DROP TRIGGER audit_event_no_update');
    db.prepare(`UPDATE audit_event SET details = '{"username":"someone-else"}' WHERE seq = ?`).run(target);
    const report = verifyStoredChain(db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: target, problem: expect.stringMatching(/altered/) });
    expect(report.checked).toBe(target - 1);
    db.close();
    const cli = mqp('audit', 'verify', '--data', t.dataDir);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at event ${target}`);
  });

  it('detects a deleted event in the middle of the chain', async () => {
    await someMutations();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_event_no_delete');
    db.prepare('DELETE FROM audit_event WHERE seq = 3').run();
    expect(verifyStoredChain(db).firstBroken).toEqual({ seq: 4, problem: expect.stringMatching(/missing or out of order/) });
    db.close();
  });

  it('keeps the audit event and the change together: a failed mutation leaves neither', async () => {
    const tokens = await staffWithEveryRole(t.backend);
    const db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
    const before = db.prepare('SELECT count(*) FROM audit_event').pluck().get();
    const staffBefore = db.prepare('SELECT count(*) FROM staff').pluck().get();
    const dup = await t.backend.call({ procedure: 'staff.create', input: { username: 'agent', displayName: 'x', password: TEST_PASSWORD, role: 'agent' }, sessionToken: tokens.admin });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(db.prepare('SELECT count(*) FROM audit_event').pluck().get()).toBe(before);
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(staffBefore);
    db.close();
  });
});

describe('audit export (JSON lines) and mqp audit verify --file', () => {
  it('an export verifies; with one line altered it fails and names that line; a range export verifies from its anchor', async () => {
    await someMutations();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = join(t.dataDir, 'export.jsonl');
    const exported = mqp('audit', 'export', '--data', t.dataDir, '--out', file);
    expect(exported.status, exported.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    const good = mqp('audit', 'verify', '--file', file);
    expect(good.status, good.stdout).toBe(0);
    expect(good.stdout).toContain(`${lines.length} events verified, from the first event of the station`);

    const altered = lines.map((l, i) => (i === 4 ? l.replace('"action":"', '"action":"x') : l));
    writeFileSync(file, altered.join('\n') + '\n');
    const bad = mqp('audit', 'verify', '--file', file);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/BROKEN at line 5 \(event 5\): its content does not match its hash/);

    writeFileSync(file, lines.slice(3).join('\n') + '\n'); // a slice, as a date-range export is
    const slice = mqp('audit', 'verify', '--file', file);
    expect(slice.status, slice.stdout).toBe(0);
    expect(slice.stdout).toMatch(/from event 4, linked to the earlier event hash [0-9a-f]{64}/);

    writeFileSync(file, [lines[0], '{"seq": 2,', lines[2]].join('\n'));
    expect(mqp('audit', 'verify', '--file', file).stdout).toMatch(/BROKEN at line 2: the line is not valid JSON/);
  });
});
