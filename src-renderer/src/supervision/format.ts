/** How audit values are shown: hashes shortened (the full value stays in a title and a copy button), changed values as text. */

/** "3f9a1c0b2e…": enough to tell two hashes apart at a glance. */
export function shortHash(hash: string, length = 10): string {
  return hash.length > length + 2 ? `${hash.slice(0, length)}…` : hash;
}

/** A before/after value of a change as one line of text; empty for no value (the view shows a dash). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => displayValue(v)).join(', ');
  return JSON.stringify(value);
}

/** Percent done of a long task, or null while its total is unknown (the bar is then indeterminate). */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}
