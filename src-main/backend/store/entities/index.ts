import { AuditEvent } from './audit-event';
import { Disqualification } from './disqualification';
import { Individual } from './individual';
import { Registration } from './registration';
import { Setting } from './setting';
import { Staff } from './staff';
import { StaffSession } from './staff-session';

export { AuditEvent, Disqualification, Individual, Registration, Setting, Staff, StaffSession };

/** Listed explicitly: no globs (the bundler and tsx must see every class). */
export const ENTITIES = [Staff, StaffSession, Individual, Registration, Disqualification, AuditEvent, Setting];
