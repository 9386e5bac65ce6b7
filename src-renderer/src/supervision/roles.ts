/** The UI mirrors the contract's roles (the backend enforces them): which supervision screens and forms to offer. */
import { procedures, type ProcedureName, type Role } from '../../../src-main/contract';

function mayCall(procedure: ProcedureName, role: Role | undefined): boolean {
  const access = procedures[procedure].access;
  return role !== undefined && access !== 'public' && access.includes(role);
}

/** Supervisors and administrators: the dashboard, the review queue, the audit trails and the integrity checks. */
export function maySupervise(role: Role | undefined): boolean {
  return mayCall('dashboard.summary', role);
}

/** Administrators only: how many years the station keeps confirmed audit events. */
export function mayChangeRetention(role: Role | undefined): boolean {
  return mayCall('audit.setRetention', role);
}
