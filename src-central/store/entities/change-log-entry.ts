import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The pull stream (GET /v1/changes): one row per entity, holding the sequence number of its latest change.
 * A newer change to the same entity replaces the row (compaction), so a cursor sees each entity at most once.
 */
@Index('change_log_entity', ['entityId', 'kind'], { unique: true })
@Entity({ name: 'change_log' })
export class ChangeLogEntry {
  /** Issued from `change_counter` inside the writing transaction; see services/change-log.ts for why it is monotonic. */
  @PrimaryColumn({ type: 'bigint' })
  seq: number;

  /** individual | enrollment | learningPlanItem | agreementVersion | note | mark */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 64, name: 'entity_id' })
  entityId: string;

  /** upsert | delete (an explicit tombstone). */
  @Column({ type: 'varchar', length: 8 })
  op: string;

  @Column({ type: 'varchar', length: 32, name: 'changed_at' })
  changedAt: string;
}
