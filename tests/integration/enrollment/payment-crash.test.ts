/**
 * A crash between submitting a payment and its response never charges twice: the station is killed (-9) while the
 * central service is still answering the payment, restarted on the same data, and the payment submitted again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { EnrollmentDraftView } from '../../../src-main/contract';
import { DATABASE_FILE } from '../../../src-main/backend/store/open-store';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { CONTACT, eligibleDemoPeople, TODAY } from '../../support/enrollment-flow';
import { startStationProcess, type StationProcess } from '../../support/station-process';
import { tempDir } from '../../support/temp-dir';
import { filesHoldingCardNumbers } from '../../support/card-scan';

let central: CentralProcess | null = null;
let station: StationProcess | null = null;
const dir = tempDir();
afterEach(async () => {
  await station?.kill();
  await central?.stop();
  dir.cleanup();
});

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

const attemptStatus = (key: string) => {
  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT status FROM payment_attempt WHERE key = ?`).pluck().get(key) as string | undefined;
  } finally {
    db.close();
  }
};

it('kill -9 of the station while its payment is being answered: after restart, the same attempt charges once', async () => {
  expect(existsSync('out/renderer/index.html')).toBe(true); // the web host serves the built console
  central = await startCentralProcess({ seed: 300, today: TODAY, settleMs: 100 });
  const stationArgs = ['--data', dir.path, '--central', central.url, '--token', central.stationToken, '--demo-count', '300', '--now', `${TODAY}T15:00:00Z`];
  station = await startStationProcess(stationArgs);
  const [{ crd, category }] = eligibleDemoPeople(300, 1);
  const session = (await ok<{ token: string }>(station.call('session.signIn', { username: 'agent1', password: 'demo-password-1' }))).token;
  const texts = await ok<{ agreements: { terms: { version: string }; payment: { version: string } } }>(station.call('enrollment.texts', { language: 'en' }, session));
  let draft = await ok<EnrollmentDraftView>(station.call('enrollment.open', { crd }, session));
  await ok(station.call('enrollment.goTo', { draftId: draft.id, step: 'contact', scriptVersion: 'x' }, session));
  await ok(station.call('enrollment.saveContact', { draftId: draft.id, contact: CONTACT }, session));
  await ok(station.call('enrollment.chooseQualifications', {
    draftId: draft.id, categories: [category], termsVersion: texts.agreements.terms.version, paymentAgreementVersion: texts.agreements.payment.version,
    termsAccepted: true, paymentAgreementAccepted: true, scriptVersion: 'x',
  }, session));
  draft = await ok<EnrollmentDraftView>(station.call('enrollment.startPayment', { draftId: draft.id }, session));
  const key = draft.attempt!.key;

  // Every /v1 answer now takes 800 ms: the station tokenizes, commits the token, sends the payment — and dies
  // while the central service is still working on it.
  expect((await central.admin('faults', { method: 'POST', body: JSON.stringify({ latencyMs: 800 }) })).status).toBe(200);
  const submitting = station.call('enrollment.submitPayment', { draftId: draft.id, attemptKey: key, method: 'card-token', card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } }, session).catch(() => null);
  for (let i = 0; i < 400 && attemptStatus(key) !== 'tokenized'; i++) await new Promise((r) => setTimeout(r, 10));
  expect(attemptStatus(key)).toBe('tokenized');
  await new Promise((r) => setTimeout(r, 300)); // the payment request is now inside the central service's latency
  await station.kill('SIGKILL');
  await submitting;
  await central.admin('faults', { method: 'DELETE' });

  // The central service finished the payment nobody heard the answer to.
  let enrollments: { id: string; status: string; confirmationNumber: string }[] = [];
  for (let i = 0; i < 100 && enrollments.length === 0; i++) {
    const page = (await (await central.v1('changes?limit=5000')).json()) as { changes: { kind: string; data?: { crd: string; id: string; status: string; confirmationNumber: string } }[] };
    enrollments = page.changes.filter((c) => c.kind === 'enrollment' && c.data?.crd === crd).map((c) => c.data!);
    if (enrollments.length === 0) await new Promise((r) => setTimeout(r, 50));
  }
  expect(enrollments).toHaveLength(1);

  station = await startStationProcess(stationArgs);
  const session2 = (await ok<{ token: string }>(station.call('session.signIn', { username: 'agent2', password: 'demo-password-1' }))).token;
  const resumed = await ok<EnrollmentDraftView>(station.call('enrollment.open', { crd }, session2));
  expect(resumed).toMatchObject({ id: draft.id, step: 'payment', attempt: { key, last4: '4242' } });
  // Submitting the same attempt again (the card is not needed: the token was kept) gets the same enrollment.
  const after = await ok<EnrollmentDraftView>(station.call('enrollment.submitPayment', { draftId: draft.id, attemptKey: key, method: 'card-token' }, session2));
  expect(after).toMatchObject({ enrollmentId: enrollments[0].id, confirmationNumber: enrollments[0].confirmationNumber });
  const page = (await (await central.v1('changes?limit=5000')).json()) as { changes: { kind: string; data?: { crd: string } }[] };
  expect(page.changes.filter((c) => c.kind === 'enrollment' && c.data?.crd === crd)).toHaveLength(1);
  await station.kill('SIGTERM');
  expect(filesHoldingCardNumbers(dir.path, central.dataDir, central.logFile)).toEqual([]);
}, 120_000);
