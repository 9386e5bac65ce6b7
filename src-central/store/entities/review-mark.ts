import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A review flag set by a reviewer at some station (issue 5), on an individual (`category` '') or one registration.
 * One row per crd × category × flag: setting it twice is one flag (merge); unsetting deletes the row and leaves a
 * tombstone in the change feed.
 */
@Entity({ name: 'review_mark' })
export class ReviewMarkRow {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  crd: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  category: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  flag: string;

  /** The station that set it first. */
  @Column({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  @Column({ type: 'varchar', length: 100, name: 'set_by', nullable: true })
  setBy: string | null;

  @Column({ type: 'varchar', length: 32, name: 'set_at' })
  setAt: string;
}
