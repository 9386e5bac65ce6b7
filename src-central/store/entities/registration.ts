import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IndividualRow } from './individual';

/** One registration category of an individual, in record order (the §4 output keeps the same order). */
@Index('registration_crd_position', ['crd', 'position'], { unique: true })
@Entity({ name: 'registration' })
export class RegistrationRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  /** Declared only for the foreign key (the migration creates it); rows are read by `crd`. */
  @ManyToOne(() => IndividualRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'crd', referencedColumnName: 'crd', foreignKeyConstraintName: 'registration_individual' })
  individual?: IndividualRow;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 4 })
  category: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  series: string | null;

  @Column({ type: 'varchar', length: 16 })
  level: string;

  @Column({ type: 'varchar', length: 10, name: 'start_date' })
  startDate: string;

  @Column({ type: 'varchar', length: 10, name: 'termination_date', nullable: true })
  terminationDate: string | null;

  @Column({ type: 'varchar', length: 8, name: 'termination_type', nullable: true })
  terminationType: string | null;
}
