import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only, hash-chained (DESIGN §6). Triggers refuse UPDATE and DELETE. */
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  at: string;

  @Column({ type: 'integer', name: 'staff_id', nullable: true })
  staffId: number | null;

  @Column({ type: 'text', name: 'station_id' })
  stationId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'text', name: 'entity_id', nullable: true })
  entityId: string | null;

  /** Canonical JSON. */
  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'text', name: 'prev_hash' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
