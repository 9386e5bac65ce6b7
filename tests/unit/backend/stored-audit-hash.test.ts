/** The fast hash of a stored event is byte-for-byte the canonical one, whatever the event holds. */
import { expect, it } from 'vitest';
import { auditHash, storedAuditHash, type ChainedFields } from '../../../src-main/backend/audit/audit-hash';
import { canonicalJson } from '../../../src-main/backend/audit/canonical-json';

const base: Omit<ChainedFields, 'details'> = { seq: 7, at: '2026-11-27T15:00:00.000Z', staffId: 3, stationId: 'station-ä', action: 'x.y', entity: 'individual', entityId: '1234567', prevHash: 'a'.repeat(64) };

it.each([
  [{}],
  [{ z: 1, a: [3, { b: null, a: 'é"\\n' }], '10': true, '9': false }],
  [{ text: 'Muñoz — “quoted”\u2028名', nested: { deep: { deeper: [1.5, -0, 1e21] } } }],
])('matches auditHash for details %j', (details) => {
  for (const fields of [base, { ...base, staffId: null, entityId: null }]) {
    const e = { ...fields, details: canonicalJson(details) };
    expect(storedAuditHash(e)).toBe(auditHash(e));
  }
});

it('differs when the stored text is not canonical, so the verifier falls back to the slow path', () => {
  const e = { ...base, details: '{ "b": 1, "a": 2 }' };
  expect(storedAuditHash(e)).not.toBe(auditHash(e));
});
