/**
 * Station tokens (`--station-token T`, repeatable). Registered tokens persist (as SHA-256 hashes only), so a
 * restart without the flag still accepts the stations already set up. Checked on every /v1 request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CentralDb } from '../store/central-db';
import { StationToken } from '../store/entities';

export const MIN_TOKEN_LENGTH = 8;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class StationTokens {
  private constructor(private readonly hashes: Set<string>) {}

  static async load(centralDb: CentralDb, register: string[], now: Date): Promise<StationTokens> {
    const hashes = await centralDb.write(async (em: EntityManager) => {
      for (const token of register) {
        const hash = tokenHash(token);
        if (!(await em.existsBy(StationToken, { tokenHash: hash }))) await em.insert(StationToken, { tokenHash: hash, registeredAt: now.toISOString() });
      }
      return (await em.find(StationToken)).map((t) => t.tokenHash);
    });
    return new StationTokens(new Set(hashes));
  }

  get count(): number {
    return this.hashes.size;
  }

  /** Hash first, then compare fixed-length digests: the comparison time says nothing about the token. */
  accepts(token: string): boolean {
    const candidate = Buffer.from(tokenHash(token), 'hex');
    for (const hash of this.hashes) if (timingSafeEqual(candidate, Buffer.from(hash, 'hex'))) return true;
    return false;
  }
}
