import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A single row holding the last issued change sequence number. Updating it takes the row's write lock. */
@Entity({ name: 'change_counter' })
export class ChangeCounter {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'bigint', name: 'last_seq' })
  lastSeq: number;
}
