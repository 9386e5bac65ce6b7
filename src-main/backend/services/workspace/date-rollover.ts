/**
 * When the New York date rolls over, stored eligibility that depends on the date is brought up to the new day —
 * in the background, in small slices through the backend's serial queue, yielding between them, so a call never
 * waits for more than one slice. Only registrations whose result can change with the date are re-evaluated:
 *  - an enroll-by date that passed (R6–R8; also raises the review flag, see sync/recheck-deadlines.ts);
 *  - a termination date that arrived (R4), a window that opened (R8), a disqualification dated in between (R9, R10);
 *  - R19's 36 months running out since the row was evaluated (the workspace's FinPro filter);
 *  - rows evaluated on a later day than today (the clock was set back, as in training): anything may differ.
 * Every write goes through registration, so the workspace rows follow by their triggers (migration 0006).
 */
import type { DisqualificationInput, RegistrationInput } from '../../../contract';
import type { Clock } from '../../clock';
import { addDays, evaluateEligibility, startOfDayInNewYork, todayInNewYork } from '../../domain';
import type { Store } from '../../store/open-store';
import { prepared } from '../../store/prepared';
import { recheckPassedDeadlines } from '../../sync/recheck-deadlines';
import type { SerialQueue } from '../serial-queue';

/** Registrations scanned per slice: one short transaction each (measured at a million: p50 ≈ 3 ms, max ≈ 12 ms). */
export const ROLLOVER_SLICE = 2500;
/** How often the date is looked at, besides the timer set for midnight (a laptop may sleep through it). */
const CHECK_EVERY_MS = 60_000;

export interface DateRollover {
  /** Starts bringing stored eligibility up to today's date, unless that is done or under way. */
  check(): void;
  /** Resolves when no re-evaluation is running (tests; closing). */
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export interface RolloverReport {
  asOf: string;
  /** Individuals re-evaluated beyond the passed-deadline recheck. */
  reevaluated: number;
  /** Review flags raised for enroll-by dates that passed. */
  deadlineFlags: number;
}

export function startDateRollover(options: {
  store: Store;
  queue: SerialQueue;
  clock: Clock;
  onDone?: (report: RolloverReport) => void;
  /** Why writes must wait (a console import holds the write lock), or null: slices then wait their turn. */
  writesPaused?: () => string | null;
}): DateRollover {
  const { store, queue, clock } = options;
  let doneFor: string | null = null;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const check = () => {
    if (stopped || busy) return;
    const today = todayInNewYork(clock.now());
    if (today === doneFor) return;
    busy = true;
    running = catchUp(today)
      .then((report) => {
        if (!report) return;
        doneFor = report.asOf;
        options.onDone?.(report);
      })
      .catch((error) => console.error('[backend] re-evaluation for the new day failed:', error))
      .finally(() => {
        busy = false;
        // The date may have moved on again while this ran.
        if (!stopped && todayInNewYork(clock.now()) !== doneFor) setImmediate(check);
      });
  };

  /** Never write into an import's lock: that would block the whole backend on the busy timeout. */
  async function writable(): Promise<void> {
    while (!stopped && options.writesPaused?.()) await new Promise((resolve) => setTimeout(resolve, 500));
  }

  async function catchUp(today: string): Promise<RolloverReport | null> {
    await writable();
    const deadlineFlags = await queue.run(async () => recheckPassedDeadlines(store.db, today, clock.now()));
    let reevaluated = 0;
    for (let after = 0; after !== -1; ) {
      await writable();
      if (stopped) return null;
      const slice = await queue.run(async () => reevaluateSlice(store, today, after));
      reevaluated += slice.reevaluated;
      after = slice.nextAfter;
      await new Promise((resolve) => setImmediate(resolve)); // let waiting calls in between slices
    }
    return { asOf: today, reevaluated, deadlineFlags };
  }

  // Wakes just after New York midnight, and at least every minute (a laptop may sleep through midnight).
  const tick = () => {
    check();
    const now = clock.now();
    const untilMidnight = startOfDayInNewYork(addDays(todayInNewYork(now), 1)).getTime() - now.getTime();
    timer = setTimeout(tick, Math.min(Math.max(untilMidnight, 0) + 1000, CHECK_EVERY_MS));
    timer.unref();
  };
  tick();

  return {
    check,
    whenIdle: () => running,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Re-evaluates, on `today`, the people with a registration in the next slice of ids whose stored result may have
 * changed since it was evaluated. Returns where the next slice starts (-1: the end).
 */
export function reevaluateSlice(store: Store, today: string, after: number): { reevaluated: number; nextAfter: number } {
  const db = store.db;
  const last = prepared(db, `SELECT max(id) FROM (SELECT id FROM registration WHERE id > ? ORDER BY id LIMIT ?)`).pluck().get(after, ROLLOVER_SLICE) as number | null;
  if (last === null) return { reevaluated: 0, nextAfter: -1 };
  const people = prepared(db, CANDIDATES_SQL).all({ after, last, today }) as { id: number; crd: string }[];
  if (people.length > 0) {
    db.transaction(() => {
      for (const person of people) reevaluate(db, person, today);
    }).immediate();
  }
  return { reevaluated: people.length, nextAfter: last };
}

const CANDIDATES_SQL = `SELECT DISTINCT r.individual_id AS id, s.crd
  FROM registration r JOIN workspace_row_source s ON s.registration_id = r.id
  WHERE r.id > @after AND r.id <= @last AND r.evaluated_on <> @today AND (
    r.evaluated_on > @today
    OR (r.termination_date > r.evaluated_on AND r.termination_date <= @today)
    OR (r.enroll_by < @today AND (r.reason = 'ELIGIBLE' OR r.enroll_window = 'first'))
    OR r.reason = 'WINDOW_NOT_OPEN'
    OR (s.finpro_deleted_after >= r.evaluated_on AND s.finpro_deleted_after < @today)
    OR EXISTS (SELECT 1 FROM disqualification d WHERE d.individual_id = r.individual_id AND d.date > r.evaluated_on AND d.date <= @today))`;

function reevaluate(db: Store['db'], person: { id: number; crd: string }, today: string): void {
  const registrations = prepared(
    db,
    `SELECT position, category, series, level, start_date AS startDate, termination_date AS terminationDate,
            termination_type AS terminationType FROM registration WHERE individual_id = ? ORDER BY position`,
  ).all(person.id) as (RegistrationInput & { position: number })[];
  const disqualifications = prepared(db, `SELECT kind, date FROM disqualification WHERE individual_id = ?`).all(person.id) as DisqualificationInput[];
  const result = evaluateEligibility({ crd: person.crd, registrations, disqualifications }, today);
  const update = prepared(
    db,
    `UPDATE registration SET eligible = ?, reason = ?, enroll_window = ?, enroll_by = ?, reregister_by = ?, evaluated_on = ?
     WHERE individual_id = ? AND position = ?`,
  );
  result.qualifications.forEach((q, i) => {
    update.run(q.eligible ? 1 : 0, q.reason, q.window, q.enrollBy, q.reregisterBy, today, person.id, registrations[i].position);
  });
}
