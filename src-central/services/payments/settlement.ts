/**
 * The simulated processor's answer, some time after acceptance (`--settle-ms`): Payment Pending → Enrolled, or
 * → Payment Failed (card_declined), emitted into the change stream. The due time is stored with the payment, so
 * after a restart (even kill -9) pending settlements are picked up again; "never" cards stay pending forever.
 */
import type { Clock } from '../../../src-main/backend/clock';
import type { CentralDb } from '../../store/central-db';
import { EnrollmentRow, PaymentRow } from '../../store/entities';
import { recordChange } from '../change-log';

export class Settlement {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly centralDb: CentralDb,
    private readonly clock: Clock,
    private readonly onError: (message: string) => void,
  ) {}

  /** Re-arms every pending payment that has a due time (start-up). */
  async resume(): Promise<number> {
    const due = await this.centralDb.write((em) => em.find(PaymentRow, { where: { status: 'pending' }, select: { id: true, settleDueAt: true } }));
    for (const p of due) this.schedule(p.id, p.settleDueAt);
    return due.filter((p) => p.settleDueAt !== null).length;
  }

  schedule(paymentId: string, dueAt: string | null): void {
    if (dueAt === null || this.closed || this.timers.has(paymentId)) return;
    const delay = Math.max(0, Date.parse(dueAt) - this.clock.now().getTime());
    this.timers.set(paymentId, setTimeout(() => {
      this.timers.delete(paymentId);
      this.settle(paymentId).catch((error: Error) => this.onError(`settling payment ${paymentId} failed: ${error.message}`));
    }, delay));
  }

  get pending(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private settle(paymentId: string): Promise<void> {
    return this.centralDb.write(async (em) => {
      const payment = await em.findOneBy(PaymentRow, { id: paymentId });
      if (!payment || payment.status !== 'pending' || payment.outcome === 'never') return;
      const now = this.clock.now();
      const succeeded = payment.outcome === 'succeed';
      await em.update(PaymentRow, { id: paymentId }, { status: succeeded ? 'succeeded' : 'failed', settledAt: now.toISOString() });
      const enrollment = await em.findOneBy(EnrollmentRow, { id: payment.enrollmentId });
      if (!enrollment || enrollment.status !== 'payment_pending') return;
      await em.update(EnrollmentRow, { id: enrollment.id }, {
        status: succeeded ? 'enrolled' : 'payment_failed',
        statusReason: succeeded ? null : 'card_declined',
        statusAt: now.toISOString(),
      });
      await recordChange(em, 'enrollment', enrollment.id, 'upsert', now);
    });
  }
}
