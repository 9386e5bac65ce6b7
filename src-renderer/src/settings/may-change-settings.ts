/** The UI mirrors the contract's roles (the backend enforces them): may this role open the settings? */
import { procedures, type Role } from '../../../src-main/contract';

export function mayChangeSettings(role: Role | undefined): boolean {
  const access = procedures['sync.configure'].access;
  return role !== undefined && access !== 'public' && access.includes(role);
}
