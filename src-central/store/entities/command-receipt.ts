import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The idempotency record of an applied command, committed in the same transaction as the command's effect. */
@Entity({ name: 'command_receipt' })
export class CommandReceipt {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  @Column({ type: 'varchar', length: 32, name: 'applied_at' })
  appliedAt: string;
}
