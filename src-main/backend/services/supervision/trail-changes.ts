/**
 * "What changed" for each event of an enrollment's trail: the events are replayed over a small picture of the
 * enrollment (step, categories, fee, payment, contact…), and each event lists the fields it moved, before → after.
 */
import type { TrailEvent } from '../../../contract';

type Picture = Record<string, unknown>;
type Details = Record<string, unknown>;

/** The fields of the picture each action sets, read from its audit details. */
const SETS: Record<string, (d: Details) => Picture> = {
  'enrollment.started': (d) => ({ step: d.step, kind: d.kind, language: d.language }),
  'enrollment.resumed': (d) => ({ step: d.step }),
  'enrollment.stepShown': (d) => ({ step: d.step, scriptVersion: d.scriptVersion }),
  'enrollment.consentRecorded': (d) => ({
    categories: d.categories, feeUsd: d.feeUsd, termsVersion: d.termsVersion, paymentAgreementVersion: d.paymentAgreementVersion, step: 'payment',
  }),
  'individual.contactUpdated': (d) => flatten('contact', d.after),
  'payment.started': (d) => ({ payment: 'started', attemptKey: d.attemptKey, amountUsd: d.amountUsd }),
  'payment.cardTokenized': (d) => ({ payment: 'tokenized', card: `${String(d.brand)} •••• ${String(d.last4)}` }),
  'payment.submitted': (d) => ({ payment: 'submitted', enrollmentStatus: d.status, confirmationNumber: d.confirmationNumber, step: 'confirmation' }),
  'payment.abandoned': (d) => ({ payment: 'abandoned', lockedUntil: d.lockedUntil }),
  'payment.refused': () => ({ payment: 'failed' }),
  'payment.retried': () => ({ payment: 'retrying', step: 'payment' }),
  'review.decided': (d) => ({ review: d.decision, reviewNote: d.note ?? null }),
};

/** Changes per event, in the order given. A contact edit's own "before" is used when the trail has not seen it yet. */
export function trailChanges(events: { action: string; details: unknown }[]): TrailEvent['changes'][] {
  const picture: Picture = {};
  return events.map((e) => {
    const details = (e.details ?? {}) as Details;
    const sets = SETS[e.action]?.(details) ?? {};
    const known = e.action === 'individual.contactUpdated' ? { ...flatten('contact', details.before), ...pick(picture, 'contact.') } : picture;
    const changes: TrailEvent['changes'] = [];
    for (const [field, after] of Object.entries(sets)) {
      const before = known[field] ?? null;
      if (JSON.stringify(before) !== JSON.stringify(after ?? null)) changes.push({ field, before, after: after ?? null });
      picture[field] = after ?? null;
    }
    return changes;
  });
}

function flatten(prefix: string, value: unknown): Picture {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [prefix]: value ?? null };
  return Object.assign({}, ...Object.entries(value as Details).map(([k, v]) => flatten(`${prefix}.${k}`, v))) as Picture;
}

function pick(picture: Picture, prefix: string): Picture {
  return Object.fromEntries(Object.entries(picture).filter(([k]) => k.startsWith(prefix)));
}
