/**
 * The enrollment state machine (MQP-RULES §3, status model). Every change of an enrollment's status goes through
 * `nextStatus`, which refuses an illegal transition with the reason — never a silent no-op.
 */
export const ENROLLMENT_STATUSES = ['draft', 'payment_pending', 'payment_failed', 'enrolled', 'removed', 'ended'] as const;
export type EnrollmentStatusName = (typeof ENROLLMENT_STATUSES)[number];

export type EnrollmentEvent =
  | { type: 'submitPayment' }
  | { type: 'paymentSettled' }
  | { type: 'paymentFailed' }
  | { type: 'retryPayment' }
  | { type: 'remove'; reason: 'ce_not_completed' | 'disqualified' }
  | { type: 'end'; reason: 'reregistered' | 'max_term' };

/** From each status, the events allowed and where they lead. */
const TRANSITIONS: Record<EnrollmentStatusName, Partial<Record<EnrollmentEvent['type'], EnrollmentStatusName>>> = {
  draft: { submitPayment: 'payment_pending' },
  payment_pending: { paymentSettled: 'enrolled', paymentFailed: 'payment_failed' },
  payment_failed: { retryPayment: 'draft' },
  enrolled: { remove: 'removed', end: 'ended' },
  removed: {},
  ended: {},
};

export type TransitionResult = { ok: true; status: EnrollmentStatusName } | { ok: false; reason: string };

export function nextStatus(current: EnrollmentStatusName, event: EnrollmentEvent): TransitionResult {
  const to = TRANSITIONS[current][event.type];
  if (!to) {
    const allowed = Object.keys(TRANSITIONS[current]);
    return {
      ok: false,
      reason: `An enrollment in status ${current} cannot take "${event.type}"${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'}.`,
    };
  }
  return { ok: true, status: to };
}

/** R6 step 6: no second enrollment for a person while one is Payment Pending. */
export const BLOCKS_NEW_ENROLLMENT: readonly EnrollmentStatusName[] = ['payment_pending'];
