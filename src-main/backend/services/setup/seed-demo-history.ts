/**
 * Two weeks of past enrollment work on a demo station, so a supervisor's dashboard, review queue and audit views
 * have something true to show: journeys by the demo agents (enrolled, pending, declined then paid, abandoned,
 * contact edited after consent…), written as the journey writes them — drafts, attempts, enrollments, wrap-ups —
 * and every step as an audit event, appended in time order so the chain reads like the days it describes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../../audit/append-audit-event';
import { addDays, startOfDayInNewYork, todayInNewYork } from '../../domain';
import { SeededRandom } from '../../domain/demo/seeded-random';
import { firmEmailWarning } from '../../domain/contact/personal-email';

export const HISTORY_DAYS = 14;

type Scenario = 'enrolled' | 'pending' | 'declined-then-paid' | 'abandoned-twice' | 'abandoned' | 'contact-after-consent' | 'firm-email';
const SCENARIOS: [Scenario, number][] = [
  ['enrolled', 50],
  ['pending', 14],
  ['declined-then-paid', 10],
  ['abandoned-twice', 8],
  ['abandoned', 8],
  ['contact-after-consent', 5],
  ['firm-email', 5],
];

interface Candidate {
  crd: string;
  email: string;
  firmDomains: string;
  category: string;
  enrollBy: string;
  window: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

interface PlannedEvent {
  at: Date;
  staffId: number;
  action: string;
  crd: string;
  details: Record<string, unknown>;
}

/** Adds the history; returns how many journeys it wrote. Staff ids by demo username. */
export function seedDemoHistory(db: BetterSqlite3.Database, options: { now: Date; stationId: string; staff: Record<string, number>; seed: number }): number {
  const rng = new SeededRandom(`history-${options.seed}`);
  const today = todayInNewYork(options.now);
  const select = (where: string, ...params: string[]) =>
    db
      .prepare(
        `SELECT i.crd, i.email, i.firm_domains AS firmDomains, r.category, r.enroll_by AS enrollBy, r.enroll_window AS window,
           i.street, i.city, i.state, i.zip, i.country
         FROM individual i JOIN registration r ON r.individual_id = i.id
         WHERE ${where} AND i.id > (SELECT max(id) / 2 FROM individual) GROUP BY i.id ORDER BY i.id DESC LIMIT 400`,
      )
      .all(...params) as Candidate[];
  // From the later half of the individuals only: the first ones stay untouched callers for a trainee's first calls.
  const candidates = select(`r.eligible = 1 AND r.enroll_by >= ?`, today);
  // People whose window closed during these two weeks: some enrolled at the last minute (a review flag).
  const lastMinute = select(`r.enroll_window IS NOT NULL AND r.enroll_by >= ? AND r.enroll_by < ?`, addDays(today, -HISTORY_DAYS), today);
  const agents = [options.staff.agent1, options.staff.agent2];
  const events: PlannedEvent[] = [];
  let journeys = 0;
  let scripted = 0;
  for (let back = HISTORY_DAYS; back >= 1 && candidates.length > 0; back--) {
    const day = addDays(today, -back);
    let clock = startOfDayInNewYork(day).getTime() + 9 * 3_600_000; // 09:00 in New York
    // A small station spreads its few candidates over every day rather than spending them in the first few.
    for (let n = Math.min(rng.int(2, 5), Math.ceil(candidates.length / back)); n > 0 && candidates.length > 0; n--) {
      const late = lastMinute.findIndex((c) => c.enrollBy >= day && c.enrollBy <= addDays(day, 2));
      const person = late >= 0 ? lastMinute.splice(late, 1)[0] : candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
      // One journey of the supervisor, who stood in on the phones: the review queue shows it as their own.
      const bySupervisor = journeys === 3 && options.staff.super1 !== undefined;
      const staffId = bySupervisor ? options.staff.super1 : rng.pick(agents);
      clock += rng.int(10, 50) * 60_000;
      // The oldest journeys go through every situation once, so each review flag has an example; then at random.
      const scenario = bySupervisor || late >= 0 ? 'enrolled' : scripted < SCENARIOS.length ? SCENARIOS[scripted++][0] : rng.weighted(SCENARIOS);
      clock = planJourney(db, rng, person, staffId, scenario, new Date(clock), options.now, events);
      journeys += 1;
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of events) {
    appendAuditEvent(db, { staffId: e.staffId, action: e.action, entity: 'individual', entityId: e.crd, details: e.details }, e.at, options.stationId);
  }
  return journeys;
}

/** Writes one journey's rows and plans its events; returns when the journey ended. */
function planJourney(
  db: BetterSqlite3.Database,
  rng: SeededRandom,
  p: Candidate,
  staffId: number,
  scenario: Scenario,
  start: Date,
  now: Date,
  events: PlannedEvent[],
): number {
  let t = start.getTime();
  const draftId = randomUUID();
  const fee = p.window === 'second' ? 200 : 100;
  const event = (action: string, details: Record<string, unknown>, afterSeconds: number) => {
    t += afterSeconds * 1000;
    events.push({ at: new Date(t), staffId, action, crd: p.crd, details: { draftId, ...details } });
    return new Date(t).toISOString();
  };
  const step = (name: string, seconds: [number, number]) => event('enrollment.stepShown', { step: name, scriptVersion: '2026-11', language: 'en' }, rng.int(...seconds));

  const createdAt = event('enrollment.started', { kind: 'new', language: 'en', step: 'program' }, 0);
  step('program', [1, 3]);
  step('contact', [40, 90]);
  const contact = { email: p.email, phone: null, address: { street: p.street, city: p.city, state: p.state, zip: p.zip, country: p.country } };
  let emailWarning = firmEmailWarning(p.email, JSON.parse(p.firmDomains) as string[]);
  if (scenario === 'firm-email') {
    const firm = (JSON.parse(p.firmDomains) as string[])[0] ?? 'examplebroker.com';
    const after = { ...contact, email: `${p.email.split('@')[0]}@${firm}` };
    emailWarning = firmEmailWarning(after.email, [firm]);
    db.prepare(`UPDATE individual SET email = ? WHERE crd = ?`).run(after.email, p.crd);
    event('individual.contactUpdated', { before: contact, after, emailWarning, afterConsent: false }, rng.int(60, 150));
  }
  step('qualifications', [60, 180]);
  const acceptedAt = event('enrollment.consentRecorded', {
    categories: [p.category], feeUsd: fee, feeBasis: 'R15: $100 per person per program year', language: 'en',
    termsVersion: '2024-01', paymentAgreementVersion: '2024-01', scriptVersion: '2026-11', enrollBy: { [p.category]: p.enrollBy },
  }, rng.int(90, 240));
  const acceptance = JSON.stringify({ version: '2024-01', language: 'en', acceptedAt, staffId, scriptVersion: '2026-11' });
  if (scenario === 'contact-after-consent') {
    const after = { ...contact, phone: `+1 212 555 ${String(rng.int(1000, 9999))}` };
    db.prepare(`UPDATE individual SET phone = ? WHERE crd = ?`).run(after.phone, p.crd);
    event('individual.contactUpdated', { before: contact, after, emailWarning, afterConsent: true }, rng.int(20, 60));
  }
  step('payment', [2, 5]);

  const attempts: { key: string; status: string; startedAt: string; abandonedAt: string | null; submittedAt: string | null; enrollmentId: string | null }[] = [];
  const abandon = () => {
    const key = randomUUID();
    const startedAt = event('payment.started', { attemptKey: key, amountUsd: fee }, 1);
    const abandonedAt = event('payment.abandoned', { attemptKey: key, reason: 'navigated-away', lockedUntil: new Date(t + 3_600_000).toISOString() }, rng.int(30, 120));
    attempts.push({ key, status: 'abandoned', startedAt, abandonedAt, submittedAt: null, enrollmentId: null });
    return abandonedAt;
  };
  const submit = (status: string) => {
    const key = randomUUID();
    const enrollmentId = `demo-${randomUUID()}`;
    const confirmationNumber = `MQP-${String(rng.int(100000, 999999))}`;
    const startedAt = event('payment.started', { attemptKey: key, amountUsd: fee }, 1);
    event('payment.cardTokenized', { attemptKey: key, brand: 'visa', last4: '4242' }, rng.int(40, 110));
    const submittedAt = event('payment.submitted', {
      attemptKey: key, method: 'card-token', brand: 'visa', last4: '4242', amountUsd: fee, enrollmentId, confirmationNumber, status: 'payment_pending',
    }, rng.int(2, 6));
    attempts.push({ key, status: 'submitted', startedAt, abandonedAt: null, submittedAt, enrollmentId });
    const statusAt = status === 'payment_pending' ? submittedAt : new Date(t + rng.int(60, 300) * 1000).toISOString();
    db.prepare(
      `INSERT INTO enrollment (id, crd, categories, enroll_window, status, status_reason, status_at, confirmation_number, fee_usd, station_id, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(enrollmentId, p.crd, JSON.stringify([p.category]), p.window, status, status === 'payment_failed' ? 'card_declined' : null, statusAt, confirmationNumber, fee, staffId);
    return { enrollmentId, confirmationNumber };
  };

  let submitted: { enrollmentId: string; confirmationNumber: string } | null = null;
  let disposition = 'enrolled';
  if (scenario === 'abandoned') {
    abandon();
    disposition = 'call-back';
  } else if (scenario === 'abandoned-twice') {
    abandon();
    t += 61 * 60_000; // R22: the caller is called back once the lock has ended
    step('payment', [1, 2]);
    abandon();
    t += 61 * 60_000;
    step('payment', [1, 2]);
    submitted = submit('enrolled');
  } else if (scenario === 'declined-then-paid') {
    submit('payment_failed');
    event('payment.retried', { reason: 'card_declined' }, rng.int(120, 400));
    submitted = submit('enrolled');
  } else {
    const pending = scenario === 'pending' || (now.getTime() - t < 48 * 3_600_000 && rng.chance(0.5));
    submitted = submit(pending ? 'payment_pending' : 'enrolled');
    if (pending) disposition = 'payment-pending';
  }
  if (submitted) step('confirmation', [3, 10]);

  const updatedAt = event('call.wrappedUp', { disposition }, rng.int(20, 90));
  db.prepare(`INSERT INTO call_wrap_up (crd, staff_id, at, disposition, draft_id) VALUES (?, ?, ?, ?, ?)`).run(p.crd, staffId, updatedAt, disposition, draftId);

  db.prepare(
    `INSERT INTO enrollment_draft (id, crd, kind, step, state, language, contact_confirmed, email_warning, categories, fee_usd, fee_basis,
       terms_acceptance, payment_acceptance, enrollment_id, confirmation_number, created_by, updated_by, created_at, updated_at)
     VALUES (?, ?, 'new', ?, ?, 'en', 1, ?, ?, ?, 'R15: $100 per person per program year', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    draftId, p.crd, submitted ? 'confirmation' : 'payment', submitted ? 'submitted' : 'open', emailWarning, JSON.stringify([p.category]), fee,
    acceptance, acceptance, submitted?.enrollmentId ?? null, submitted?.confirmationNumber ?? null, staffId, staffId, createdAt, updatedAt,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO payment_attempt (key, draft_id, crd, amount_usd, method, status, token, brand, last4, staff_id, started_at, abandoned_at, submitted_at, enrollment_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of attempts) {
    const paid = a.status === 'submitted';
    insertAttempt.run(a.key, draftId, p.crd, fee, paid ? 'card-token' : null, a.status, paid ? `tok_demo_${a.key.slice(0, 8)}` : null, paid ? 'visa' : null, paid ? '4242' : null, staffId, a.startedAt, a.abandonedAt, a.submittedAt, a.enrollmentId);
  }
  return t;
}
