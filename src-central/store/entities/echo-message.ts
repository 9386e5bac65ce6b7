import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The effect of a `test.echo` command: one row per application, so tests can count arrivals. */
@Index('echo_message_command_key', ['commandKey'])
@Entity({ name: 'echo_message' })
export class EchoMessage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100, name: 'command_key' })
  commandKey: string;

  @Column({ type: 'varchar', length: 100, name: 'station_id' })
  stationId: string;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 32, name: 'received_at' })
  receivedAt: string;
}
