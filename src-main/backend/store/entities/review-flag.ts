import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Raised when a pull changes what an agent may have told a caller (a deadline passed, a status moved, …). */
@Entity({ name: 'review_flag' })
export class ReviewFlag {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  crd: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'text', name: 'raised_at' })
  raisedAt: string;

  @Column({ type: 'text', name: 'resolved_at', nullable: true })
  resolvedAt: string | null;
}
