import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A versioned agreement text (MQP Terms and Conditions, MQP Payment Agreement) in one language. */
@Entity({ name: 'agreement_version' })
export class AgreementVersionRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 32 })
  version: string;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10, name: 'effective_from' })
  effectiveFrom: string;
}
