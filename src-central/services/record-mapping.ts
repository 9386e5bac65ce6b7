/**
 * Rows (entity-shaped, whether loaded by TypeORM or by a raw SELECT with camelCase aliases) → the wire records of
 * src-main/contract/central-api.ts. One place, so the pull stream and command results always agree.
 */
import type { AgreementVersion, EnrollmentRecord, LearningPlanItem, ReviewMarkRecord, ReviewNoteRecord } from '../../src-main/contract/central-api';
import type { IndividualRecord } from '../../src-main/contract/schemas';
import type {
  AgreementVersionRow,
  DisqualificationRow,
  EnrollmentRow,
  IndividualRow,
  LearningPlanItemRow,
  NoteRow,
  RegistrationRow,
  ReviewMarkRow,
} from '../store/entities';

export type RegistrationFields = Pick<RegistrationRow, 'category' | 'series' | 'level' | 'startDate' | 'terminationDate' | 'terminationType'>;
export type DisqualificationFields = Pick<DisqualificationRow, 'kind' | 'date'>;

export function individualRecord(row: IndividualRow, registrations: RegistrationFields[], disqualifications: DisqualificationFields[]): IndividualRecord {
  return {
    crd: row.crd,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    email: row.email,
    phone: row.phone,
    address: { street: row.street, city: row.city, state: row.state, zip: row.zip, country: row.country },
    finproLastLogin: row.finproLastLogin,
    firmDomains: JSON.parse(row.firmDomains) as string[],
    registrations: registrations.map((r) => ({
      category: r.category,
      series: r.series,
      level: r.level as IndividualRecord['registrations'][number]['level'],
      startDate: r.startDate,
      terminationDate: r.terminationDate,
      terminationType: r.terminationType as IndividualRecord['registrations'][number]['terminationType'],
    })),
    disqualifications: disqualifications.map((d) => ({ kind: d.kind as IndividualRecord['disqualifications'][number]['kind'], date: d.date })),
  };
}

export function enrollmentRecord(row: EnrollmentRow): EnrollmentRecord {
  return {
    id: row.id,
    crd: row.crd,
    categories: JSON.parse(row.categories) as string[],
    window: row.window as EnrollmentRecord['window'],
    status: row.status as EnrollmentRecord['status'],
    statusReason: row.statusReason,
    statusAt: row.statusAt,
    confirmationNumber: row.confirmationNumber,
    feeUsd: row.feeCents / 100,
    stationId: row.stationId,
    staffId: row.staffId,
  };
}

export function learningPlanItem(row: LearningPlanItemRow): LearningPlanItem {
  return {
    id: row.id,
    crd: row.crd,
    category: row.category,
    element: row.element as LearningPlanItem['element'],
    title: row.title,
    dueDate: row.dueDate,
    completedDate: row.completedDate,
  };
}

export function agreementVersion(row: AgreementVersionRow): AgreementVersion {
  return {
    id: row.id,
    kind: row.kind as AgreementVersion['kind'],
    version: row.version,
    language: row.language as AgreementVersion['language'],
    text: row.text,
    effectiveFrom: row.effectiveFrom,
  };
}

/** A review note (one with a category); call notes never reach the feed. */
export function reviewNoteRecord(row: NoteRow): ReviewNoteRecord {
  return {
    id: row.id,
    crd: row.crd,
    category: row.category ?? '',
    text: row.text,
    version: row.version,
    stationId: row.stationId,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

export function reviewMarkRecord(row: ReviewMarkRow): ReviewMarkRecord {
  return { crd: row.crd, category: row.category, flag: row.flag, stationId: row.stationId, setBy: row.setBy, setAt: row.setAt };
}
