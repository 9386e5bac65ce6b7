import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person, identified for life by the CRD number (stored without leading zeros). */
@Entity({ name: 'individual' })
export class Individual {
  /** Integer key so the FTS5 index can use it as its content rowid. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  crd: string;

  @Column({ type: 'text', name: 'first_name' })
  firstName: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName: string;

  @Column({ type: 'text', name: 'date_of_birth', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  zip: string;

  @Column({ type: 'text' })
  country: string;

  @Column({ type: 'text', name: 'finpro_last_login', nullable: true })
  finproLastLogin: string | null;

  /** JSON array of the firm e-mail domains known for the person (R21). */
  @Column({ type: 'text', name: 'firm_domains', default: '[]' })
  firmDomains: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt: string;
}
