/** "What changed" in an enrollment's trail: each event's fields, before → after, replayed in order. */
import { expect, it } from 'vitest';
import { trailChanges } from '../../../src-main/backend/services/supervision/trail-changes';

it('lists the fields each event moved, with the value before it', () => {
  const address = { street: '1 Main St', city: 'Albany', state: 'NY', zip: '12207', country: 'US' };
  const changes = trailChanges([
    { action: 'enrollment.started', details: { draftId: 'd', step: 'program', kind: 'new', language: 'es' } },
    { action: 'enrollment.stepShown', details: { draftId: 'd', step: 'contact', scriptVersion: '2026-11' } },
    { action: 'individual.contactUpdated', details: { before: { email: 'a@x.org', phone: null, address }, after: { email: 'b@y.org', phone: null, address: { ...address, zip: '12208' } } } },
    { action: 'individual.contactUpdated', details: { before: { email: 'b@y.org', phone: null, address }, after: { email: 'c@z.org', phone: null, address } } },
    { action: 'payment.started', details: { attemptKey: 'k1', amountUsd: 100 } },
    { action: 'payment.cardTokenized', details: { brand: 'visa', last4: '4242' } },
    { action: 'call.noteAdded', details: { text: 'not a tracked change' } },
  ]);
  expect(changes[0]).toEqual([
    { field: 'step', before: null, after: 'program' },
    { field: 'kind', before: null, after: 'new' },
    { field: 'language', before: null, after: 'es' },
  ]);
  expect(changes[1]).toEqual([
    { field: 'step', before: 'program', after: 'contact' },
    { field: 'scriptVersion', before: null, after: '2026-11' },
  ]);
  expect(changes[2]).toEqual([
    { field: 'contact.email', before: 'a@x.org', after: 'b@y.org' },
    { field: 'contact.address.zip', before: '12207', after: '12208' },
  ]);
  // The second edit compares with what the trail already saw (zip 12208), not only with its own "before".
  expect(changes[3]).toEqual([
    { field: 'contact.email', before: 'b@y.org', after: 'c@z.org' },
    { field: 'contact.address.zip', before: '12208', after: '12207' },
  ]);
  expect(changes[5]).toEqual([
    { field: 'payment', before: 'started', after: 'tokenized' },
    { field: 'card', before: null, after: 'visa •••• 4242' },
  ]);
  expect(changes[6]).toEqual([]);
});
