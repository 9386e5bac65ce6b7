/**
 * Deterministic synthetic individuals for demos, tests and benchmarks: the same (count, seed) always yields the
 * same records, each of which parses with `individualRecord`. A generator, so a million records stream through
 * without ever being held in memory together.
 */
import type { DisqualificationInput, IndividualRecord, RegistrationInput } from '../../../contract/schemas';
import { fromDayNumber, toDayNumber } from '../dates';
import {
  type CategoryInfo,
  COMMON_FIRST_NAMES,
  COMMON_LAST_NAMES,
  EMAIL_PROVIDERS,
  FIRM_DOMAINS,
  PLACES,
  PRINCIPAL_CATEGORIES,
  REPRESENTATIVE_CATEGORIES,
  SPECIAL_FIRST_NAMES,
  SPECIAL_LAST_NAMES,
  STATE_CATEGORIES,
  STREET_NAMES,
  STREET_SUFFIXES,
} from './demo-vocabulary';
import { hashSeed, SeededRandom } from './seeded-random';

/** CRDs are 7 digits, 1000000–9999999: one distinct value per index, so a set can hold at most this many. */
export const MAX_DEMO_COUNT = 9_000_000;
const CRD_BASE = 1_000_000;
// Coprime with MAX_DEMO_COUNT (2^6·3^2·5^6), so index → CRD is a bijection: unique CRDs that do not look sequential.
const CRD_STRIDE = 7_368_787;

const FIRST_CAREER_DAY = toDayNumber('2015-01-01');
const LAST_CAREER_DAY = toDayNumber('2025-06-30');
const LAST_TERMINATION_DAY = toDayNumber('2026-11-30');
const FIRST_LOGIN_DAY = toDayNumber('2019-01-01');
const LAST_LOGIN_DAY = toDayNumber('2026-11-20');
const FIRST_BIRTH_DAY = toDayNumber('1950-01-01');
const LAST_BIRTH_DAY = toDayNumber('2001-12-31');

export function demoCrd(index: number, seed: string | number): string {
  const offset = hashSeed(`crd:${seed}`) % MAX_DEMO_COUNT;
  return String(CRD_BASE + ((index * CRD_STRIDE + offset) % MAX_DEMO_COUNT));
}

export function* generateDemoIndividuals(count: number, seed: string | number): Generator<IndividualRecord> {
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_DEMO_COUNT}`);
  }
  const rng = new SeededRandom(seed);
  for (let index = 0; index < count; index++) yield demoIndividual(rng, demoCrd(index, seed));
}

const folded = new Map<string, string>();
/** Mailbox-safe form of a name: José → jose, O'Brien → obrien, Van der Berg → vanderberg. */
function mailboxWord(name: string): string {
  let word = folded.get(name);
  if (word === undefined) {
    word = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
    folded.set(name, word);
  }
  return word;
}

function demoIndividual(rng: SeededRandom, crd: string): IndividualRecord {
  const firstName = rng.chance(0.06) ? rng.pick(SPECIAL_FIRST_NAMES) : rng.pick(COMMON_FIRST_NAMES);
  const lastName = rng.chance(0.06) ? rng.pick(SPECIAL_LAST_NAMES) : rng.pick(COMMON_LAST_NAMES);
  const firm = rng.pick(FIRM_DOMAINS);
  const onFirmDomain = rng.chance(0.03); // R21: a few enrolment emails the console must warn about
  const knowsFirm = onFirmDomain || rng.chance(0.5);
  const place = rng.pick(PLACES);
  const registrations = demoRegistrations(rng);
  const careerEnd = registrations.reduce((end, r) => (r.terminationDate && r.terminationDate > end ? r.terminationDate : end), registrations[0].startDate);

  return {
    crd,
    firstName,
    lastName,
    dateOfBirth: rng.chance(0.85) ? fromDayNumber(rng.int(FIRST_BIRTH_DAY, LAST_BIRTH_DAY)) : null,
    email: demoEmail(rng, firstName, lastName, onFirmDomain ? firm : rng.weighted(EMAIL_PROVIDERS)),
    phone: rng.chance(0.95) ? `(${place.area}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null,
    address: {
      street: `${rng.int(1, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}${rng.chance(0.25) ? ` Apt ${rng.int(1, 30)}${rng.pick(['A', 'B', 'C', 'D'])}` : ''}`,
      city: place.city,
      state: place.state,
      zip: `${place.zip3}${String(rng.int(1, 99)).padStart(2, '0')}`,
      country: 'US',
    },
    // R19: some logins are older than 36 months, some people never logged in.
    finproLastLogin: rng.chance(0.9) ? fromDayNumber(rng.int(FIRST_LOGIN_DAY, LAST_LOGIN_DAY)) : null,
    firmDomains: knowsFirm ? [firm] : [],
    registrations,
    disqualifications: demoDisqualifications(rng, careerEnd),
  };
}

function demoEmail(rng: SeededRandom, firstName: string, lastName: string, domain: string): string {
  const first = mailboxWord(firstName);
  const last = mailboxWord(lastName);
  const style = rng.int(0, 3);
  const local = style === 0 ? `${first}.${last}` : style === 1 ? `${first}${last}` : style === 2 ? `${first[0]}${last}` : `${first}_${last}`;
  return `${local}${rng.chance(0.6) ? rng.int(1, 99) : ''}@${domain}`;
}

function registration(info: CategoryInfo, startDay: number): RegistrationInput {
  // Explicit fields, not a spread: the spread made this the generator's hottest line.
  return { category: info.category, series: info.series, level: info.level, startDate: fromDayNumber(startDay), terminationDate: null, terminationType: null };
}

function pickDistinct(rng: SeededRandom, table: readonly (readonly [CategoryInfo, number])[], taken: Set<string>): CategoryInfo | null {
  for (let attempt = 0; attempt < 4; attempt++) {
    const info = rng.weighted(table);
    if (!taken.has(info.category)) return info;
  }
  return null;
}

/** 1–4 rows: a representative category, maybe a principal one, a second representative one, a state one. */
function demoRegistrations(rng: SeededRandom): RegistrationInput[] {
  const careerStart = rng.int(FIRST_CAREER_DAY, LAST_CAREER_DAY);
  const rows: RegistrationInput[] = [];
  const taken = new Set<string>();
  const add = (info: CategoryInfo | null, startDay: number) => {
    if (!info || startDay > LAST_CAREER_DAY || taken.has(info.category)) return;
    taken.add(info.category);
    rows.push(registration(info, startDay));
  };

  if (rng.chance(0.02)) {
    add(rng.weighted(STATE_CATEGORIES), careerStart); // C8-like: a state registration only (R2)
  } else {
    add(rng.weighted(REPRESENTATIVE_CATEGORIES), careerStart);
    if (rng.chance(0.15)) add(pickDistinct(rng, REPRESENTATIVE_CATEGORIES, taken), careerStart + rng.int(30, 900));
    if (rng.chance(0.35)) add(rng.weighted(PRINCIPAL_CATEGORIES), careerStart + rng.int(365, 5 * 365));
    if (rng.chance(0.45)) add(rng.weighted(STATE_CATEGORIES), careerStart + rng.int(0, 180));
  }

  let latestStart = careerStart;
  for (const r of rows) latestStart = Math.max(latestStart, toDayNumber(r.startDate));
  const earliestEnd = latestStart + 30;
  const story = rng.next();
  if (story < 0.3 || earliestEnd > LAST_TERMINATION_DAY) return rows; // still registered in everything (R4)

  if (story < 0.85 || rows.length < 2) {
    // Full termination: every category ends the same day.
    const end = fromDayNumber(rng.int(earliestEnd, LAST_TERMINATION_DAY));
    for (const r of rows) {
      r.terminationDate = end;
      r.terminationType = 'full';
    }
    return rows;
  }

  // R4: partial termination — one category dropped, the others kept.
  const dropped = rows[rng.int(0, rows.length - 1)];
  dropped.terminationDate = fromDayNumber(rng.int(toDayNumber(dropped.startDate) + 30, LAST_TERMINATION_DAY));
  dropped.terminationType = 'partial';
  return rows;
}

/** About 1% statutory (R10) and 1% two-year CE inactivity (R9). */
function demoDisqualifications(rng: SeededRandom, careerEnd: string): DisqualificationInput[] {
  const events: DisqualificationInput[] = [];
  if (rng.chance(0.01)) {
    const day = Math.min(toDayNumber(careerEnd) + rng.int(-400, 400), LAST_TERMINATION_DAY);
    events.push({ kind: 'statutory', date: fromDayNumber(day) });
  }
  if (rng.chance(0.01)) events.push({ kind: 'ce-inactive-2y', date: fromDayNumber(rng.int(toDayNumber('2021-01-01'), LAST_TERMINATION_DAY)) });
  return events;
}
