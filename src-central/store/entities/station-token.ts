import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registered station token, stored only as its SHA-256 (a stolen database file does not hold usable tokens). */
@Entity({ name: 'station_token' })
export class StationToken {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'varchar', length: 32, name: 'registered_at' })
  registeredAt: string;
}
