import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Free text about an individual, written by stations; `version` is the optimistic-concurrency counter. */
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
}
