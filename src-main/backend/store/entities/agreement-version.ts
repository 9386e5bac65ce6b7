import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A versioned agreement text (Terms and Conditions, Payment Agreement) as published by the central service. */
@Entity({ name: 'agreement_version' })
export class AgreementVersionRow {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', name: 'effective_from' })
  effectiveFrom: string;
}
