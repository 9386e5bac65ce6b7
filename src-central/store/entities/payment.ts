import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One accepted payment. DESIGN §5: only the token's brand and last four digits are kept — never a card number,
 * CVV or expiry. `outcome` is what the simulated processor will do, fixed at acceptance, so a restart settles it.
 */
@Index('payment_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('payment_status', ['status'])
@Entity({ name: 'payment' })
export class PaymentRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 100, name: 'idempotency_key' })
  idempotencyKey: string;

  /** SHA-256 of the request's meaningful fields: the same key with a different request is refused. */
  @Column({ type: 'varchar', length: 64, name: 'request_hash' })
  requestHash: string;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  @Column({ type: 'varchar', length: 64, name: 'enrollment_id' })
  enrollmentId: string;

  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents: number;

  @Column({ type: 'varchar', length: 16 })
  method: string;

  @Column({ type: 'varchar', length: 16, name: 'card_brand', nullable: true })
  cardBrand: string | null;

  @Column({ type: 'varchar', length: 4, name: 'card_last4', nullable: true })
  cardLast4: string | null;

  /** succeed | decline | never (stays pending). */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  /** pending | succeeded | failed. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  /** When the simulated processor answers; null when it never does. */
  @Column({ type: 'varchar', length: 32, name: 'settle_due_at', nullable: true })
  settleDueAt: string | null;

  @Column({ type: 'varchar', length: 32, name: 'settled_at', nullable: true })
  settledAt: string | null;
}
