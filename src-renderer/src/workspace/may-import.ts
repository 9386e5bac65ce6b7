/** The import form is offered to the roles the contract allows to import (the backend refuses the others anyway). */
import { procedures, type Role } from '../../../src-main/contract';

export function mayImport(role: Role | undefined): boolean {
  const access = procedures['import.begin'].access;
  return role !== undefined && access !== 'public' && access.includes(role);
}
