import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IndividualRow } from './individual';

/** A disqualification event of an individual (R9, R10), in record order. */
@Index('disqualification_crd_position', ['crd', 'position'], { unique: true })
@Entity({ name: 'disqualification' })
export class DisqualificationRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  /** Declared only for the foreign key (the migration creates it); rows are read by `crd`. */
  @ManyToOne(() => IndividualRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'crd', referencedColumnName: 'crd', foreignKeyConstraintName: 'disqualification_individual' })
  individual?: IndividualRow;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 10 })
  date: string;
}
