import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Station-level key/value settings (station id, …). */
@Entity({ name: 'setting' })
export class Setting {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
