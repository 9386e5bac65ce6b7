import type { StaffView } from '../../../contract';
import type { Staff } from '../../store/entities';

export function toStaffView(s: Staff): StaffView {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role };
}
