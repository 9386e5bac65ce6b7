import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An enrollment and its status (MQP-RULES §3 status model); the central service is authoritative for it. */
@Index('enrollment_crd_status', ['crd', 'status'])
@Entity({ name: 'enrollment' })
export class EnrollmentRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  /** JSON array of category codes chosen together. */
  @Column({ type: 'text' })
  categories: string;

  @Column({ type: 'varchar', length: 16, name: 'enroll_window' })
  window: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 32, name: 'status_reason', nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 32, name: 'status_at' })
  statusAt: string;

  @Column({ type: 'varchar', length: 32, name: 'confirmation_number', nullable: true })
  confirmationNumber: string | null;

  /** Whole cents, so no floating point and no driver-specific decimal type. */
  @Column({ type: 'integer', name: 'fee_cents' })
  feeCents: number;

  @Column({ type: 'varchar', length: 100, name: 'station_id', nullable: true })
  stationId: string | null;

  @Column({ type: 'integer', name: 'staff_id', nullable: true })
  staffId: number | null;
}
