import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An enrollment as the central service last reported it (authoritative for status). */
@Entity({ name: 'enrollment' })
export class Enrollment {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  crd: string;

  /** JSON array of category codes. */
  @Column({ type: 'text' })
  categories: string;

  @Column({ type: 'text', name: 'enroll_window' })
  enrollWindow: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', name: 'status_reason', nullable: true })
  statusReason: string | null;

  @Column({ type: 'text', name: 'status_at' })
  statusAt: string;

  @Column({ type: 'text', name: 'confirmation_number', nullable: true })
  confirmationNumber: string | null;

  @Column({ type: 'real', name: 'fee_usd' })
  feeUsd: number;

  @Column({ type: 'text', name: 'station_id', nullable: true })
  stationId: string | null;

  @Column({ type: 'integer', name: 'staff_id', nullable: true })
  staffId: number | null;
}
