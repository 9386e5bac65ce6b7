import { Column, Entity, PrimaryColumn } from 'typeorm';

/** DESIGN §6: the central copy of each station's audit chain, stored as given, keyed by (station, seq). */
@Entity({ name: 'station_audit_event' })
export class StationAuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ type: 'integer', name: 'staff_id', nullable: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'varchar', length: 100 })
  entity: string;

  @Column({ type: 'varchar', length: 100, name: 'entity_id', nullable: true })
  entityId: string | null;

  /** The station's canonical JSON text, byte for byte, so the hash can be recomputed here. */
  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'varchar', length: 64, name: 'prev_hash' })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 32, name: 'received_at' })
  receivedAt: string;
}
