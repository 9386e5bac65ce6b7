/**
 * Calls every procedure with every role (and with no session) and checks who gets through. The expected matrix is
 * written out here, independently of the contract, so a change of access in the contract fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES, type ProcedureName, type Role } from '../../src-main/contract';
import { call, staffWithEveryRole, testBackend } from '../support/test-backend';

type Who = Role | 'anonymous';
const ALL: Who[] = ['anonymous', 'agent', 'supervisor', 'admin'];
const STAFF: Who[] = ['agent', 'supervisor', 'admin'];

const expected: Record<ProcedureName, { allowed: Who[]; input: unknown }> = {
  'setup.status': { allowed: ALL, input: {} },
  'setup.createAdmin': { allowed: ALL, input: { username: 'late-admin', displayName: 'Late', password: 'long-enough-pw' } },
  'session.signIn': { allowed: ALL, input: { username: 'agent', password: 'wrong-password' } },
  'session.signOut': { allowed: STAFF, input: {} },
  'session.current': { allowed: STAFF, input: {} },
  'individual.search': { allowed: STAFF, input: { query: 'smith' } },
  'individual.get': { allowed: STAFF, input: { crd: '99999999' } },
  'eligibility.evaluate': { allowed: STAFF, input: { record: { crd: '1', registrations: [] } } },
  'staff.list': { allowed: ['admin'], input: {} },
  'staff.create': { allowed: ['admin'], input: { username: 'x-user', displayName: 'X', password: 'long-enough-pw', role: 'agent' } },
  'audit.verify': { allowed: ['supervisor', 'admin'], input: {} },
  'audit.recent': { allowed: ['supervisor', 'admin'], input: {} },
  'audit.compareWithCentral': { allowed: ['supervisor', 'admin'], input: {} },
  'audit.enrollment': { allowed: ['supervisor', 'admin'], input: { draftId: 'none' } },
  'audit.exportPdf': { allowed: ['supervisor', 'admin'], input: { draftId: 'none' } },
  'audit.exportJsonl': { allowed: ['supervisor', 'admin'], input: { from: '2026-01-01', to: '2026-01-31' } },
  'audit.retention': { allowed: ['supervisor', 'admin'], input: {} },
  'audit.setRetention': { allowed: ['admin'], input: { years: 7 } },
  'dashboard.summary': { allowed: ['supervisor', 'admin'], input: { from: '2026-01-01', to: '2026-01-31' } },
  'dashboard.records': { allowed: ['supervisor', 'admin'], input: { filter: { from: '2026-01-01', to: '2026-01-31' }, metric: 'enrollments' } },
  'review.queue': { allowed: ['supervisor', 'admin'], input: {} },
  'review.decide': { allowed: ['supervisor', 'admin'], input: { draftId: 'none', decision: 'approved' } },
  'workspace.page': { allowed: STAFF, input: { filter: {} } },
  'workspace.facets': { allowed: STAFF, input: { filter: {} } },
  'worklist.list': { allowed: STAFF, input: {} },
  'worklist.save': { allowed: STAFF, input: { name: 'mine', filter: {} } },
  'worklist.delete': { allowed: STAFF, input: { id: 'none' } },
  'flag.set': { allowed: STAFF, input: { target: { kind: 'selection', registrationIds: [999999] }, flag: 'follow-up', on: true } },
  'note.list': { allowed: STAFF, input: { crd: '1' } },
  'note.save': { allowed: STAFF, input: { crd: '99999999', text: 'a note' } },
  'note.resolve': { allowed: STAFF, input: { id: 'none', text: 'merged' } },
  'export.start': { allowed: STAFF, input: { target: { kind: 'selection', registrationIds: [999999] } } },
  'export.chunk': { allowed: STAFF, input: { taskId: 'none', offset: 0 } },
  'import.begin': { allowed: ['supervisor', 'admin'], input: { fileName: 'x.jsonl', format: 'jsonl' } },
  'import.append': { allowed: ['supervisor', 'admin'], input: { uploadId: 'none', chunk: '' } },
  'import.start': { allowed: ['supervisor', 'admin'], input: { uploadId: 'none' } },
  'task.get': { allowed: STAFF, input: { taskId: 'none' } },
  'task.cancel': { allowed: STAFF, input: { taskId: 'none' } },
  'sync.status': { allowed: STAFF, input: {} },
  'sync.now': { allowed: STAFF, input: {} },
  'sync.retryFailed': { allowed: ['supervisor', 'admin'], input: {} },
  'sync.configure': { allowed: ['admin'], input: { url: 'http://127.0.0.1:9/', token: 'not-a-real-token' } },
  'enrollment.texts': { allowed: STAFF, input: { language: 'en' } },
  'enrollment.section': { allowed: STAFF, input: { crd: '99999999' } },
  'enrollment.open': { allowed: STAFF, input: { crd: '99999999' } },
  'enrollment.get': { allowed: STAFF, input: { draftId: 'none' } },
  'enrollment.goTo': { allowed: STAFF, input: { draftId: 'none', step: 'contact', scriptVersion: 'x' } },
  'enrollment.saveContact': { allowed: STAFF, input: { draftId: 'none', contact: { email: 'a@b.co', phone: null, address: { street: 's', city: 'c', state: 'NY', zip: '10001', country: 'US' } } } },
  'enrollment.chooseQualifications': { allowed: STAFF, input: { draftId: 'none', categories: ['GS'], termsVersion: 'v', paymentAgreementVersion: 'v', termsAccepted: true, paymentAgreementAccepted: true, scriptVersion: 'x' } },
  'enrollment.startPayment': { allowed: STAFF, input: { draftId: 'none' } },
  'enrollment.abandonPayment': { allowed: STAFF, input: { draftId: 'none', reason: 'back' } },
  'enrollment.submitPayment': { allowed: STAFF, input: { draftId: 'none', attemptKey: 'k', method: 'payment-link' } },
  'enrollment.refreshStatus': { allowed: STAFF, input: { draftId: 'none' } },
  'enrollment.retryPayment': { allowed: STAFF, input: { draftId: 'none' } },
  'enrollment.timeline': { allowed: STAFF, input: { crd: '1' } },
  'call.addNote': { allowed: STAFF, input: { crd: '1', text: 'called back' } },
  'call.notes': { allowed: STAFF, input: { crd: '1' } },
  'call.wrapUp': { allowed: STAFF, input: { crd: '1', disposition: 'other' } },
};

let t: Awaited<ReturnType<typeof testBackend>>;
let tokens: Record<Role, string>;
beforeAll(async () => {
  t = await testBackend({ individuals: 20 });
  tokens = await staffWithEveryRole(t.backend);
});
afterAll(() => t.close());

describe('role matrix', () => {
  it('covers every procedure of the contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...PROCEDURE_NAMES].sort());
  });

  const cases = Object.entries(expected).flatMap(([procedure, e]) => ALL.map((who) => ({ procedure, who, allowed: e.allowed.includes(who), input: e.input })));
  // signOut last, so it does not end the sessions the other cases use.
  cases.sort((a, b) => Number(a.procedure === 'session.signOut') - Number(b.procedure === 'session.signOut'));

  it.each(cases)('$procedure as $who → allowed: $allowed', async ({ procedure, who, allowed, input }) => {
    const result = await call(t.backend, procedure, input, who === 'anonymous' ? null : tokens[who]);
    const code = result.ok ? null : result.error.code;
    if (allowed) {
      expect(code).not.toBe('FORBIDDEN');
      expect(code).not.toBe('UNAUTHENTICATED');
    } else {
      expect(code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});
