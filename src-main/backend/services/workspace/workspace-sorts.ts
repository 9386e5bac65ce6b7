/**
 * How each sortable column orders workspace rows. Every order is total and the same shape, so one keyset cursor
 * fits all: (sort value, cell, enroll-by key, registration id). Ties on the sort value are broken by the cell, then
 * the enroll-by date, then the registration id — which is exactly the order the indexes of migration 0006 keep.
 *
 * - "key" sorts read a column of workspace_row and walk its index (sort key, cell, enroll_key);
 * - "cell" sorts order by a facet value of the cell (reason, category, …) and read the rows cell by cell from
 *   the index (cell, enroll_key).
 */
import type { WorkspaceSort } from '../../../contract';

export type SortColumn = WorkspaceSort['column'];

export type SortSpec =
  | { kind: 'key'; column: string; index: string; bounds: string }
  | { kind: 'cell'; attribute: string };

const key = (column: string, index: string, bounds = column): SortSpec => ({ kind: 'key', column, index, bounds });
const cell = (attribute: string): SortSpec => ({ kind: 'cell', attribute });

export const SORTS: Record<SortColumn, SortSpec> = {
  crd: key('crd_number', 'workspace_row_crd'),
  name: key('name_key', 'workspace_row_name'),
  terminationDate: key('term_key', 'workspace_row_term'),
  enrollBy: key('enroll_key', 'workspace_row_enroll'),
  reregisterBy: key('rereg_key', 'workspace_row_rereg'),
  category: cell('category'),
  reason: cell('reason'),
  window: cell('enroll_window'),
  enrollmentStatus: cell('enrollment_status'),
  flags: cell('flags'),
  notes: cell('notes'),
};

/** The position of a row in its order: the keyset tuple. */
export type SortTuple = [value: string | number, cell: number, enrollKey: string, registrationId: number];
