import { AgreementVersionRow } from './agreement-version';
import { ChangeCounter } from './change-counter';
import { ChangeLogEntry } from './change-log-entry';
import { CommandArrival } from './command-arrival';
import { CommandReceipt } from './command-receipt';
import { DisqualificationRow } from './disqualification';
import { EchoMessage } from './echo-message';
import { EnrollmentRow } from './enrollment';
import { IndividualRow } from './individual';
import { LearningPlanItemRow } from './learning-plan-item';
import { NoteRow } from './note';
import { PaymentRow } from './payment';
import { RegistrationRow } from './registration';
import { ReviewMarkRow } from './review-mark';
import { StationAuditEvent } from './station-audit-event';
import { StationToken } from './station-token';

export {
  AgreementVersionRow, ChangeCounter, ChangeLogEntry, CommandArrival, CommandReceipt, DisqualificationRow, EchoMessage,
  EnrollmentRow, IndividualRow, LearningPlanItemRow, NoteRow, PaymentRow, RegistrationRow, ReviewMarkRow, StationAuditEvent, StationToken,
};

/** Listed explicitly: no globs (tsx and bundlers must see every class). */
export const CENTRAL_ENTITIES = [
  IndividualRow, RegistrationRow, DisqualificationRow, EnrollmentRow, PaymentRow, LearningPlanItemRow, AgreementVersionRow,
  ChangeLogEntry, ChangeCounter, CommandReceipt, CommandArrival, StationAuditEvent, NoteRow, ReviewMarkRow, EchoMessage, StationToken,
];
