import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One registration category of an individual, with its eligibility stored as columns (evaluated on `evaluatedOn`)
 * so lists can filter and sort on it; the individual view always re-evaluates on today's date.
 */
@Entity({ name: 'registration' })
export class Registration {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer', name: 'individual_id' })
  individualId: number;

  /** Order of the registration in the individual's record (the §4 output keeps the same order). */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text', nullable: true })
  series: string | null;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text', name: 'start_date' })
  startDate: string;

  @Column({ type: 'text', name: 'termination_date', nullable: true })
  terminationDate: string | null;

  @Column({ type: 'text', name: 'termination_type', nullable: true })
  terminationType: string | null;

  @Column({ type: 'integer' })
  eligible: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', name: 'enroll_window', nullable: true })
  enrollWindow: string | null;

  @Column({ type: 'text', name: 'enroll_by', nullable: true })
  enrollBy: string | null;

  @Column({ type: 'text', name: 'reregister_by', nullable: true })
  reregisterBy: string | null;

  @Column({ type: 'text', name: 'evaluated_on' })
  evaluatedOn: string;
}
