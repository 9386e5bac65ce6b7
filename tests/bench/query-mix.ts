/**
 * A seeded, realistic mix of what agents type into caller lookup, drawn from the people actually imported:
 * name prefixes (2–6 letters), "first last" pairs, full e-mails, e-mail local-part prefixes, CRD prefixes, full
 * CRDs, and a few strings that match nobody. The same (people, seed, size) always gives the same list.
 */
import { SeededRandom } from '../../src-main/backend/domain/demo/seeded-random';

export interface Person {
  crd: string;
  firstName: string;
  lastName: string;
  email: string;
}

export type QueryKind =
  | 'first-prefix'
  | 'last-prefix'
  | 'first-last'
  | 'email'
  | 'email-local-prefix'
  | 'crd-prefix'
  | 'crd'
  | 'no-match';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

// Rough shares of a call centre's lookups: mostly names, then CRDs and e-mails read out by the caller.
const KINDS: readonly (readonly [QueryKind, number])[] = [
  ['first-prefix', 15],
  ['last-prefix', 20],
  ['first-last', 15],
  ['email', 10],
  ['email-local-prefix', 10],
  ['crd-prefix', 10],
  ['crd', 15],
  ['no-match', 5],
];

// Letter runs no generated name, e-mail or CRD starts with (checked: the bench reports their hit counts).
const NO_MATCH = ['qzx', 'xqv', 'zzqj', 'qqwx', 'jxq vzq', 'zqkx qvx', 'xvzq', 'qjjz'];

export function queryMix(people: readonly Person[], size: number, seed: string | number): BenchQuery[] {
  if (people.length === 0) throw new Error('queryMix needs at least one person');
  const rng = new SeededRandom(`bench-queries:${seed}`);
  const out: BenchQuery[] = [];
  for (let i = 0; i < size; i++) {
    const kind = rng.weighted(KINDS);
    out.push({ kind, text: queryText(kind, rng.pick(people), rng) });
  }
  return out;
}

function queryText(kind: QueryKind, p: Person, rng: SeededRandom): string {
  switch (kind) {
    case 'first-prefix':
      return prefix(p.firstName, rng);
    case 'last-prefix':
      return prefix(p.lastName, rng);
    case 'first-last':
      // Half typed in full, half with the surname still being typed.
      return rng.chance(0.5) ? `${p.firstName} ${p.lastName}` : `${p.firstName} ${prefix(p.lastName, rng)}`;
    case 'email':
      return p.email;
    case 'email-local-prefix': {
      const local = p.email.slice(0, p.email.indexOf('@'));
      return local.slice(0, Math.min(local.length, rng.int(3, 10)));
    }
    case 'crd-prefix':
      return p.crd.slice(0, rng.int(2, 6));
    case 'crd':
      return p.crd;
    case 'no-match':
      return rng.pick(NO_MATCH);
  }
}

/** 2–6 leading letters, as typed (accents kept: the FTS tokenizer folds them). */
function prefix(name: string, rng: SeededRandom): string {
  const letters = [...name];
  return letters.slice(0, Math.min(letters.length, rng.int(2, 6))).join('');
}
