/**
 * The CRDs an import has met so far, one bit per possible CRD: a valid CRD is 1–8 digits once its leading zeros are
 * dropped, so 10^8 bits (12.5 MB) cover them all. Reserved zero-filled, the memory becomes resident only where bits
 * are set, and it lives outside the JavaScript heap — a Set of a million numbers grew the import worker's heap by
 * tens of megabytes (with the garbage its growth leaves), at the 400 MB budget of a 1M import (issue 5).
 */
const CRD_LIMIT = 100_000_000;

export class SeenCrds {
  private readonly bits = new Uint8Array(CRD_LIMIT / 8);

  /** Adds a CRD (digits, as the record schema leaves it); false when it was there already. */
  add(crd: string): boolean {
    const n = Number(crd);
    if (!Number.isInteger(n) || n < 0 || n >= CRD_LIMIT) throw new RangeError(`not a CRD the record schema accepts: ${crd}`);
    const byte = n >>> 3;
    const mask = 1 << (n & 7);
    if (this.bits[byte] & mask) return false;
    this.bits[byte] |= mask;
    return true;
  }
}
