import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person as the central service knows them (the authoritative copy stations pull). Keyed by CRD for life. */
@Entity({ name: 'individual' })
export class IndividualRow {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  crd: string;

  @Column({ type: 'varchar', length: 100, name: 'first_name' })
  firstName: string;

  @Column({ type: 'varchar', length: 100, name: 'last_name' })
  lastName: string;

  @Column({ type: 'varchar', length: 10, name: 'date_of_birth', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200 })
  street: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 50 })
  state: string;

  @Column({ type: 'varchar', length: 20 })
  zip: string;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 10, name: 'finpro_last_login', nullable: true })
  finproLastLogin: string | null;

  /** JSON array of firm e-mail domains (R21). Text, not a native JSON type, so the schema stays portable. */
  @Column({ type: 'text', name: 'firm_domains' })
  firmDomains: string;

  /** ISO instant of the last change; the base stations send back with `individual.updateContact`. */
  @Column({ type: 'varchar', length: 32, name: 'updated_at' })
  updatedAt: string;
}
