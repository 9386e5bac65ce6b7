/** Reads an individual's record (contact, registrations in order, disqualifications) in the §4 shapes. */
import type { EntityManager } from 'typeorm';
import type { Address, DisqualificationInput, RegistrationInput } from '../../../contract';
import { Disqualification, Individual, Registration } from '../../store/entities';

export interface LoadedIndividual {
  row: Individual;
  address: Address;
  registrations: (RegistrationInput & { series: string | null; terminationDate: string | null; terminationType: 'full' | 'partial' | null })[];
  disqualifications: DisqualificationInput[];
}

export async function loadIndividual(em: EntityManager, crd: string): Promise<LoadedIndividual | null> {
  const row = await em.getRepository(Individual).findOneBy({ crd });
  if (!row) return null;
  const registrations = await em.getRepository(Registration).find({ where: { individualId: row.id }, order: { position: 'ASC' } });
  const disqualifications = await em.getRepository(Disqualification).find({ where: { individualId: row.id }, order: { date: 'ASC' } });
  return {
    row,
    address: { street: row.street, city: row.city, state: row.state, zip: row.zip, country: row.country },
    registrations: registrations.map((r) => ({
      category: r.category,
      series: r.series,
      level: r.level as RegistrationInput['level'],
      startDate: r.startDate,
      terminationDate: r.terminationDate,
      terminationType: r.terminationType as 'full' | 'partial' | null,
    })),
    disqualifications: disqualifications.map((d) => ({ kind: d.kind as DisqualificationInput['kind'], date: d.date })),
  };
}
