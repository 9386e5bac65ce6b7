/** Every domain's handler map, merged once. The type makes a missing or misspelled procedure a compile error. */
import type { HandlerMap } from './services/handler-context';
import { auditHandlers } from './services/audit/audit-handlers';
import { individualHandlers } from './services/individual/individual-handlers';
import { sessionHandlers } from './services/session/session-handlers';
import { setupHandlers } from './services/setup/setup-handlers';
import { staffHandlers } from './services/staff/staff-handlers';
import { syncHandlers } from './services/sync/sync-handlers';
import { enrollmentHandlers } from './services/enrollment/enrollment-handlers';
import { callHandlers } from './services/call/call-handlers';
import { supervisionHandlers } from './services/supervision/supervision-handlers';
import { workspaceHandlers } from './services/workspace/workspace-handlers';
import { taskHandlers } from './services/tasks/task-handlers';
import { reviewMarksHandlers } from './services/review-marks/review-marks-handlers';

export const handlers: HandlerMap = {
  ...setupHandlers,
  ...sessionHandlers,
  ...staffHandlers,
  ...individualHandlers,
  ...auditHandlers,
  ...syncHandlers,
  ...enrollmentHandlers,
  ...callHandlers,
  ...supervisionHandlers,
  ...workspaceHandlers,
  ...taskHandlers,
  ...reviewMarksHandlers,
};
