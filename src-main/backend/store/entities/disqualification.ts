import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'disqualification' })
export class Disqualification {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer', name: 'individual_id' })
  individualId: number;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  date: string;
}
