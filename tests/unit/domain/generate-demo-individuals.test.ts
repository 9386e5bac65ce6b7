/** The demo-data generator: deterministic, valid, varied. */
import { describe, expect, it } from 'vitest';
import { generateDemoIndividuals, MAX_DEMO_COUNT } from '../../../src-main/backend/domain';
import { individualRecord, type IndividualRecord } from '../../../src-main/contract/schemas';

const take = (count: number, seed: string | number): IndividualRecord[] => [...generateDemoIndividuals(count, seed)];

describe('generateDemoIndividuals', () => {
  const sample = take(5000, 7);

  it('is deterministic: the same seed gives the same records', () => {
    expect(take(200, 7)).toEqual(sample.slice(0, 200));
    expect(take(50, '7')).toEqual(sample.slice(0, 50)); // numeric and text seeds agree
  });

  it('a different seed gives different records', () => {
    const other = take(200, 8);
    expect(other).not.toEqual(sample.slice(0, 200));
    expect(other.filter((r, i) => r.crd === sample[i].crd).length).toBeLessThan(5);
  });

  it('every record parses with individualRecord, unchanged', () => {
    for (const record of sample) expect(individualRecord.parse(record)).toEqual(record);
  });

  it('CRDs are unique, 1–8 digits, no leading zero', () => {
    const crds = sample.map((r) => r.crd);
    expect(new Set(crds).size).toBe(crds.length);
    for (const crd of crds) expect(crd).toMatch(/^[1-9]\d{0,7}$/);
  });

  it('has the variety the console must handle', () => {
    const all = sample.flatMap((r) => r.registrations);
    const share = (n: number) => n / sample.length;
    expect(sample.some((r) => /[éëíñüöá]/i.test(r.firstName + r.lastName))).toBe(true);
    expect(sample.some((r) => /['-]/.test(r.lastName))).toBe(true);
    const onFirm = sample.filter((r) => r.firmDomains.includes(r.email.split('@')[1])).length;
    expect(share(onFirm)).toBeGreaterThan(0.015);
    expect(share(onFirm)).toBeLessThan(0.05);
    expect(all.some((r) => r.level === 'state')).toBe(true);
    expect(all.some((r) => r.level === 'principal')).toBe(true);
    expect(all.some((r) => r.terminationDate === null)).toBe(true);
    expect(all.some((r) => r.terminationType === 'partial')).toBe(true);
    for (const r of sample) {
      expect(r.registrations.length).toBeGreaterThanOrEqual(1);
      expect(r.registrations.length).toBeLessThanOrEqual(4);
      expect(new Set(r.registrations.map((g) => g.category)).size).toBe(r.registrations.length);
      for (const g of r.registrations) if (g.terminationDate) expect(g.terminationDate > g.startDate).toBe(true);
    }
    const statutory = sample.filter((r) => r.disqualifications.some((d) => d.kind === 'statutory')).length;
    expect(share(statutory)).toBeGreaterThan(0.003);
    expect(share(statutory)).toBeLessThan(0.03);
    expect(sample.some((r) => r.finproLastLogin === null)).toBe(true);
    expect(sample.some((r) => r.finproLastLogin && r.finproLastLogin < '2022-01-01')).toBe(true);
  });

  it('refuses a count it cannot give unique CRDs for', () => {
    expect(() => generateDemoIndividuals(MAX_DEMO_COUNT + 1, 1).next()).toThrow(RangeError);
    expect(() => generateDemoIndividuals(-1, 1).next()).toThrow(RangeError);
  });
});
