import { AgreementVersionRow } from './agreement-version';
import { AuditEvent } from './audit-event';
import { Disqualification } from './disqualification';
import { Enrollment } from './enrollment';
import { Individual } from './individual';
import { LearningPlanItemRow } from './learning-plan-item';
import { OutboxEntry } from './outbox-entry';
import { Registration } from './registration';
import { ReviewFlag } from './review-flag';
import { Setting } from './setting';
import { Staff } from './staff';
import { StaffSession } from './staff-session';

export { AgreementVersionRow, AuditEvent, Disqualification, Enrollment, Individual, LearningPlanItemRow, OutboxEntry, Registration, ReviewFlag, Setting, Staff, StaffSession };

/** Listed explicitly: no globs (the bundler and tsx must see every class). */
export const ENTITIES = [
  Staff, StaffSession, Individual, Registration, Disqualification, AuditEvent, Setting,
  OutboxEntry, Enrollment, LearningPlanItemRow, AgreementVersionRow, ReviewFlag,
];
