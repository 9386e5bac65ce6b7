/**
 * A checksum over individuals' content, computed the same way by a station and by the central service, so a test
 * (or an operator) can tell that both hold exactly the same records: SHA-256 over canonical JSON, one record per
 * line, in CRD order. Optional fields are normalised to null so "missing" and "null" do not differ.
 */
import { createHash } from 'node:crypto';
import type { IndividualRecord } from '../../contract';
import { canonicalJson } from '../audit/canonical-json';

export function canonicalIndividual(r: IndividualRecord): unknown {
  return {
    crd: r.crd,
    firstName: r.firstName,
    lastName: r.lastName,
    dateOfBirth: r.dateOfBirth ?? null,
    email: r.email,
    phone: r.phone ?? null,
    address: { street: r.address.street, city: r.address.city, state: r.address.state ?? '', zip: r.address.zip ?? '', country: r.address.country },
    finproLastLogin: r.finproLastLogin ?? null,
    firmDomains: [...(r.firmDomains ?? [])],
    registrations: r.registrations.map((g) => ({
      category: g.category,
      series: g.series ?? null,
      level: g.level,
      startDate: g.startDate,
      terminationDate: g.terminationDate ?? null,
      terminationType: g.terminationType ?? null,
    })),
    disqualifications: [...r.disqualifications].map((d) => ({ kind: d.kind, date: d.date })).sort((a, b) => (a.date + a.kind).localeCompare(b.date + b.kind)),
  };
}

/** Records must come in CRD order (numeric). */
export function contentChecksum(records: Iterable<IndividualRecord>): { count: number; sha256: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const r of records) {
    hash.update(canonicalJson(canonicalIndividual(r)));
    hash.update('\n');
    count += 1;
  }
  return { count, sha256: hash.digest('hex') };
}
