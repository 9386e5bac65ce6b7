import { describe, expect, it } from 'vitest';
import { SeenCrds } from '../../../../src-main/backend/services/import/seen-crds';

describe('SeenCrds', () => {
  it('tells a CRD met before from a new one, across the whole range of 1–8 digits', () => {
    const seen = new SeenCrds();
    for (const crd of ['1', '7', '8', '15', '99999999', '12345678']) expect(seen.add(crd), crd).toBe(true);
    for (const crd of ['1', '7', '8', '15', '99999999', '12345678']) expect(seen.add(crd), crd).toBe(false);
    // Neighbours sharing a byte stay apart.
    expect(seen.add('9')).toBe(true);
    expect(seen.add('0')).toBe(true);
  });

  it('refuses what the record schema never lets through, rather than folding it onto another CRD', () => {
    const seen = new SeenCrds();
    expect(() => seen.add('100000000')).toThrow(RangeError);
    expect(() => seen.add('12a')).toThrow(RangeError);
  });
});
