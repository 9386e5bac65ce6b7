/**
 * Writing individuals through TypeORM, each write with its change (and tombstones) in the caller's transaction.
 * Used by the admin endpoints (tests, training) and by `individual.updateContact`.
 */
import type { EntityManager } from 'typeorm';
import type { IndividualRecord } from '../../src-main/contract/schemas';
import { DisqualificationRow, IndividualRow, LearningPlanItemRow, RegistrationRow } from '../store/entities';
import { recordChange } from './change-log';
import { individualRecord } from './record-mapping';

export interface StoredIndividual {
  record: IndividualRecord;
  /** The server's version of the record: stations send it back as `baseUpdatedAt`. */
  updatedAt: string;
}

export async function loadIndividual(em: EntityManager, crd: string): Promise<StoredIndividual | null> {
  const row = await em.findOneBy(IndividualRow, { crd });
  if (!row) return null;
  const registrations = await em.find(RegistrationRow, { where: { crd }, order: { position: 'ASC' } });
  const disqualifications = await em.find(DisqualificationRow, { where: { crd }, order: { position: 'ASC' } });
  return { record: individualRecord(row, registrations, disqualifications), updatedAt: row.updatedAt };
}

/** Inserts or replaces a whole record (registrations and disqualifications included) and records the change. */
export async function putIndividual(em: EntityManager, record: IndividualRecord, now: Date): Promise<StoredIndividual> {
  const previous = await em.findOneBy(IndividualRow, { crd: record.crd });
  const updatedAt = nextUpdatedAt(previous?.updatedAt ?? null, now);
  await em.save(IndividualRow, individualRow(record, updatedAt));
  await em.delete(RegistrationRow, { crd: record.crd });
  await em.delete(DisqualificationRow, { crd: record.crd });
  if (record.registrations.length > 0) {
    await em.insert(RegistrationRow, record.registrations.map((r, position) => ({
      crd: record.crd, position, category: r.category, series: r.series ?? null, level: r.level, startDate: r.startDate,
      terminationDate: r.terminationDate ?? null, terminationType: r.terminationType ?? null,
    })));
  }
  if (record.disqualifications.length > 0) {
    await em.insert(DisqualificationRow, record.disqualifications.map((d, position) => ({ crd: record.crd, position, kind: d.kind, date: d.date })));
  }
  await recordChange(em, 'individual', record.crd, 'upsert', now);
  return { record, updatedAt };
}

/**
 * Deletes an individual with their registrations, disqualifications and learning-plan items, leaving explicit
 * tombstones in the change stream. Enrollments stay: they are the history of what was paid.
 */
export async function deleteIndividual(em: EntityManager, crd: string, now: Date): Promise<boolean> {
  if (!(await em.existsBy(IndividualRow, { crd }))) return false;
  const items = await em.find(LearningPlanItemRow, { where: { crd }, select: { id: true } });
  for (const item of items) await recordChange(em, 'learningPlanItem', item.id, 'delete', now);
  await em.delete(LearningPlanItemRow, { crd });
  await em.delete(RegistrationRow, { crd });
  await em.delete(DisqualificationRow, { crd });
  await em.delete(IndividualRow, { crd });
  await recordChange(em, 'individual', crd, 'delete', now);
  return true;
}

export function individualRow(record: IndividualRecord, updatedAt: string): IndividualRow {
  return Object.assign(new IndividualRow(), {
    crd: record.crd,
    firstName: record.firstName,
    lastName: record.lastName,
    dateOfBirth: record.dateOfBirth ?? null,
    email: record.email,
    phone: record.phone ?? null,
    street: record.address.street,
    city: record.address.city,
    state: record.address.state,
    zip: record.address.zip,
    country: record.address.country,
    finproLastLogin: record.finproLastLogin ?? null,
    firmDomains: JSON.stringify(record.firmDomains),
    updatedAt,
  });
}

/**
 * `updatedAt` is the version stations compare against, so it must change on every write even when two writes fall
 * in the same millisecond: never equal to (or before) the previous value.
 */
export function nextUpdatedAt(previous: string | null, now: Date): string {
  const previousMs = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now.getTime(), previousMs + 1)).toISOString();
}
