import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every delivery of a command, whatever its verdict (a retry arrives again as `duplicate`). Not unique by key on
 * purpose: it is the evidence behind GET /__admin/commands ("each command applied exactly once").
 */
@Index('command_arrival_type_key', ['type', 'key'])
@Entity({ name: 'command_arrival' })
export class CommandArrival {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  /** applied | duplicate | rejected | conflict */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 32, name: 'received_at' })
  receivedAt: string;
}
