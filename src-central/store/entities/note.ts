import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Free text about an individual, written by stations; `version` is the optimistic-concurrency counter.
 * A reviewer's note (issue 5) has a `category` ('' = the individual as a whole) and is fed to stations; a call
 * note has none (null) and stays here.
 */
@Index('note_crd', ['crd'])
@Entity({ name: 'note' })
export class NoteRow {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  crd: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  @Column({ type: 'varchar', length: 32, name: 'updated_at' })
  updatedAt: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  category: string | null;

  /** The writer's display name at their station (review notes). */
  @Column({ type: 'varchar', length: 100, name: 'updated_by', nullable: true })
  updatedBy: string | null;
}
