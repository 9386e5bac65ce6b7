import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A change waiting to reach the central service. `id` is the idempotency key; rows leave only when acknowledged. */
@Entity({ name: 'outbox' })
export class OutboxEntry {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  /** JSON. Never card data (DESIGN §5). */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'text', name: 'created_at' })
  createdAt: string;

  /** pending: will be sent; failed: parked after rejection or too many attempts; conflict: needs a person. */
  @Column({ type: 'text' })
  status: 'pending' | 'failed' | 'conflict';

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'text', name: 'next_attempt_at' })
  nextAttemptAt: string;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', name: 'conflict_current', nullable: true })
  conflictCurrent: string | null;
}
