/**
 * Payments (DESIGN §5, MQP-RULES §3 steps 4–6, R15): tokenization that never keeps card data, idempotent payment
 * attempts checked against the fee rules on the server's date, and the asynchronous Payment Pending → Enrolled /
 * Payment Failed settlement emitted into the change stream.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnrollmentRecord, paymentAccepted } from '../../../src-main/contract/central-api';
import { startCentralProcess, type CentralProcess } from '../../support/central-process';
import { person } from '../../support/records';
import { json, pullAll, waitFor } from './central-kit';

const CARDS = { succeeds: '4242424242424242', declined: '4000000000000002', pending: '4000000000000259' };
const TODAY = '2023-06-01';
const standard = (crd: string) => person(crd, {
  registrations: [{ category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: '2023-01-15', terminationType: 'full' }],
});

let central: CentralProcess;
beforeAll(async () => {
  central = await startCentralProcess({ today: TODAY, settleMs: 150 });
  const records = [
    ...['6600001', '6600003', '6600004', '6600005', '6600007', '6600008'].map(standard),
    // R8: terminated in the look-back group; on 2023-06-01 the second window is open ($200).
    person('6600002', { registrations: [{ category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: '2021-07-01', terminationType: 'full' }] }),
    // R4: still registered.
    person('6600006', { registrations: [{ category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: null, terminationType: null }] }),
  ];
  expect((await central.admin('individuals', { method: 'POST', body: JSON.stringify({ records }) })).status).toBe(200);
});
afterAll(() => central?.stop());

async function tokenize(cardNumber: string, overrides: Record<string, unknown> = {}) {
  return central.v1('payments/tokenize', { method: 'POST', body: JSON.stringify({ cardNumber, expMonth: 12, expYear: 2031, cvc: '123', ...overrides }) });
}

async function token(cardNumber: string): Promise<string> {
  const res = await tokenize(cardNumber);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

let keyCounter = 0;
function pay(body: Record<string, unknown>) {
  return central.v1('payments', {
    method: 'POST',
    body: JSON.stringify({ key: `pay-attempt-${++keyCounter}`, categories: ['GS'], amountUsd: 100, method: 'card-token', stationId: 'station-test', staffId: 7, ...body }),
  });
}

/** Polls the change stream until the enrollment reaches `status`. */
async function enrollmentReaches(id: string, status: EnrollmentRecord['status']): Promise<EnrollmentRecord> {
  return waitFor(`enrollment ${id} to be ${status}`, async () => {
    const { changes } = await pullAll(central, '', 5000);
    const found = changes.find((c) => c.kind === 'enrollment' && c.id === id);
    return found && found.op === 'upsert' && found.kind === 'enrollment' && found.data.status === status ? found.data : undefined;
  });
}

describe('POST /v1/payments/tokenize', () => {
  it('turns card data into a token with brand and last four digits only', async () => {
    const res = await tokenize(CARDS.succeeds);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ token: expect.stringMatching(/^tok_[0-9a-f]{32}$/), brand: 'visa', last4: '4242' });
  });

  it.each([
    ['a number failing the check digit', { cardNumber: '4242424242424241' }, 422, /^cardNumber: /],
    ['a number with letters', { cardNumber: '4242-4242-4242' }, 400, /^cardNumber: /],
    ['a CVC of two digits', { cvc: '12' }, 400, /^cvc: /],
    ['an expired card', { expYear: 2020 }, 422, /^expYear: the card has expired/],
  ])('refuses %s, naming the field and never echoing the number', async (_name, overrides, status, message) => {
    const res = await tokenize(CARDS.succeeds, overrides);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { message: expect.stringMatching(message) } });
    expect(text).not.toMatch(/\d{12}/);
  });

  it('answers a truncated body holding a card number with a 400 that does not quote it', async () => {
    const res = await central.v1('payments/tokenize', { method: 'POST', body: `{"cardNumber":"${CARDS.declined}","cvc":"9` });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(CARDS.declined);
  });
});

describe('POST /v1/payments', () => {
  it('success: Payment Pending with a confirmation number, then Enrolled after settle-ms', async () => {
    const res = await pay({ crd: '6600001', token: await token(CARDS.succeeds) });
    expect(res.status).toBe(202);
    const accepted = paymentAccepted.parse(await res.json());
    expect(accepted.enrollment).toMatchObject({
      crd: '6600001', categories: ['GS'], window: 'standard', status: 'payment_pending', feeUsd: 100, stationId: 'station-test', staffId: 7,
      confirmationNumber: expect.stringMatching(/^MQP-[A-Z2-9]{10}$/),
    });
    const enrolled = await enrollmentReaches(accepted.enrollment.id, 'enrolled');
    expect(enrolled).toMatchObject({ statusReason: null, confirmationNumber: accepted.enrollment.confirmationNumber });
  });

  it('decline: Payment Pending, then Payment Failed with reason card_declined', async () => {
    const res = await pay({ crd: '6600003', token: await token(CARDS.declined) });
    expect(res.status).toBe(202);
    const { enrollment } = paymentAccepted.parse(await res.json());
    expect(enrollment.status).toBe('payment_pending');
    expect(await enrollmentReaches(enrollment.id, 'payment_failed')).toMatchObject({ statusReason: 'card_declined' });
    // A failed attempt does not block a new one (a new enrollment, a new key).
    const retry = await pay({ crd: '6600003', token: await token(CARDS.succeeds) });
    expect(retry.status).toBe(202);
  });

  it('the same key twice gives the same payment and one enrollment, never a second charge', async () => {
    const body = JSON.stringify({ key: 'idem-payment-0001', crd: '6600005', categories: ['GS'], amountUsd: 100, method: 'card-token', token: await token(CARDS.succeeds), stationId: 'station-test', staffId: 7 });
    const first = paymentAccepted.parse(await json(central.v1('payments', { method: 'POST', body })));
    const second = paymentAccepted.parse(await json(central.v1('payments', { method: 'POST', body })));
    expect(second.paymentId).toBe(first.paymentId);
    expect(second.enrollment.id).toBe(first.enrollment.id);
    await enrollmentReaches(first.enrollment.id, 'enrolled');
    const third = paymentAccepted.parse(await json(central.v1('payments', { method: 'POST', body })));
    expect(third).toMatchObject({ paymentId: first.paymentId, enrollment: { id: first.enrollment.id, status: 'enrolled' } });

    const { changes } = await pullAll(central, '', 5000);
    const enrollments = changes.filter((c) => c.kind === 'enrollment' && c.op === 'upsert' && c.data.crd === '6600005');
    expect(enrollments).toHaveLength(1);

    const reused = await central.v1('payments', { method: 'POST', body: body.replace('"amountUsd":100', '"amountUsd":200') });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/^key: /) } });
  });

  it.each([
    ['R15: $100 in the standard window', '6600008', 150, 100],
    ['R8: $200 in the second window', '6600002', 100, 200],
  ])('a wrong amount is refused naming the expected one (%s)', async (_name, crd, amountUsd, expectedUsd) => {
    const res = await pay({ crd, amountUsd, token: await token(CARDS.succeeds) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: 'AMOUNT_MISMATCH', message: expect.stringContaining(`expected ${expectedUsd}`), details: { field: 'amountUsd', expectedUsd } },
    });
  });

  it('R8: the second window enrolls at $200', async () => {
    const res = await pay({ crd: '6600002', amountUsd: 200, token: await token(CARDS.succeeds) });
    expect(res.status).toBe(202);
    expect(paymentAccepted.parse(await res.json()).enrollment).toMatchObject({ window: 'second', feeUsd: 200 });
  });

  it('no second enrollment for a CRD while one is Payment Pending (a card that never settles): 409', async () => {
    const first = await pay({ crd: '6600004', token: await token(CARDS.pending) });
    expect(first.status).toBe(202);
    const second = await pay({ crd: '6600004', token: await token(CARDS.succeeds) });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'PAYMENT_PENDING' } });
  });

  it.each([
    ['R4: a category still registered', { crd: '6600006' }, 'NOT_ELIGIBLE', /^categories\[0\]: GS is not eligible on 2023-06-01 \(STILL_REGISTERED\)/],
    ['a category the individual never held', { crd: '6600007', categories: ['GP'] }, 'NOT_ELIGIBLE', /^categories\[0\]: /],
    ['an unknown CRD', { crd: '6699999' }, 'UNKNOWN_INDIVIDUAL', /^crd: /],
    ['a card-token payment without a token', { crd: '6600007' }, 'CARD_TOKEN_UNKNOWN', /^token: is required/],
    ['an unknown token', { crd: '6600007', token: 'tok_0000' }, 'CARD_TOKEN_UNKNOWN', /^token: /],
    ['a payment link without an email', { crd: '6600007', method: 'payment-link' }, 'INVALID_INPUT', /^email: /],
  ])('refuses %s with a 422 naming the field', async (_name, body, code, message) => {
    const res = await pay(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.stringMatching(message) } });
  });

  it('a token is single-use', async () => {
    const once = await token(CARDS.succeeds);
    expect((await pay({ crd: '6600007', token: once })).status).toBe(202);
    const again = await pay({ crd: '6600008', token: once });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: 'CARD_TOKEN_UNKNOWN' } });
  });

  it('keeps no card number in its data directory or its logs', async () => {
    const files = [...readdirSync(central.dataDir).map((f) => join(central.dataDir, f)), central.logFile].filter((f) => statSync(f).isFile());
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) {
      const content = readFileSync(file);
      for (const number of Object.values(CARDS)) expect(content.includes(number), `${number} in ${file}`).toBe(false);
    }
    expect(central.output()).toContain('MQP central service:');
  });
});
