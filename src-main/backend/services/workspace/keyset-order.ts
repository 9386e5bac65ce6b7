/**
 * The workspace's one total order, as SQL: (sort value, cell, enroll-by key, registration id) in the sort's
 * direction, and the keyset condition "after this position" — shared by every page plan.
 */
import type { SortTuple } from './workspace-sorts';

export function keysetOrderSql(
  value: string,
  valueIsEnrollKey: boolean,
  direction: 'asc' | 'desc',
  after: SortTuple | null,
): { order: string; keyset: string | null; keysetParams: unknown[] } {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  // Sorting by enroll-by already orders by enroll_key: the tuple's third element adds nothing.
  const columns = valueIsEnrollKey ? [value, 'w.cell', 'w.registration_id'] : [value, 'w.cell', 'w.enroll_key', 'w.registration_id'];
  const order = columns.map((c) => `${c} ${dir}`).join(', ');
  if (!after) return { order, keyset: null, keysetParams: [] };
  const [v, cell, enrollKey, id] = after;
  const keysetParams = valueIsEnrollKey ? [v, cell, id] : [v, cell, enrollKey, id];
  const keyset = `(${columns.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`;
  return { order, keyset, keysetParams };
}
