import { createHash, randomBytes } from 'node:crypto';

/** A bearer token for the renderer; only its hash is stored, so a copied database cannot be used to sign in. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
