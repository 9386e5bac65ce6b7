/**
 * Field-level problems, from the contract's zod schemas (checked before sending) or from an INVALID_INPUT
 * envelope's details. The details' exact shape is the dispatcher's; every plausible shape is read (a list of
 * issues, `{issues}`, `{fieldErrors}`, a single `{path, message}`), paths as arrays or dotted strings.
 */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path?: unknown;
  message?: unknown;
  field?: unknown;
}

function fieldOf(path: unknown): string | null {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[./]/) : [];
  const named = parts.filter((p) => p !== '' && p !== 'input');
  return named.length > 0 ? named[0] : null;
}

function addIssues(into: FieldErrors, issues: readonly IssueLike[]): void {
  for (const issue of issues) {
    const field = fieldOf(issue.path ?? issue.field);
    if (field && !(field in into)) into[field] = typeof issue.message === 'string' ? issue.message : '';
  }
}

export function fieldErrorsFrom(details: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (Array.isArray(details)) {
    addIssues(out, details as IssueLike[]);
    return out;
  }
  if (typeof details !== 'object' || details === null) return out;
  const d = details as { issues?: unknown; fieldErrors?: unknown; errors?: unknown; path?: unknown; field?: unknown };
  if (Array.isArray(d.issues)) addIssues(out, d.issues as IssueLike[]);
  if (Array.isArray(d.errors)) addIssues(out, d.errors as IssueLike[]);
  if (typeof d.fieldErrors === 'object' && d.fieldErrors !== null) {
    for (const [field, messages] of Object.entries(d.fieldErrors as Record<string, unknown>)) {
      const first = Array.isArray(messages) ? messages[0] : messages;
      if (!(field in out)) out[field] = typeof first === 'string' ? first : '';
    }
  }
  if (d.path !== undefined || d.field !== undefined) addIssues(out, [d as IssueLike]);
  return out;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;
const KNOWN_FIELDS = new Set(['username', 'displayName', 'password', 'confirmPassword', 'crd', 'query']);

/** One sentence per field, in the console's language; unknown fields keep the backend's words. */
export function localizeFieldErrors(errors: FieldErrors, t: Translate, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    out[field] = KNOWN_FIELDS.has(field) ? t(`fields.${field}`) : t('fields.other', { field: labels[field] ?? field, message });
  }
  return out;
}

/**
 * Field problems keyed by the last part of their path, for forms whose fields sit deeper in the input
 * (`contact.address.zip` → `zip`): only issues under `prefix` count. The first message per field is kept.
 */
export function fieldErrorsUnder(details: unknown, prefix: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  const issues: IssueLike[] = Array.isArray(details)
    ? (details as IssueLike[])
    : typeof details === 'object' && details !== null && Array.isArray((details as { issues?: unknown }).issues)
      ? ((details as { issues: IssueLike[] }).issues)
      : [];
  for (const issue of issues) {
    const raw = issue.path ?? issue.field;
    const parts = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[./]/) : []).filter((p) => p !== '' && p !== 'input');
    if (parts.length <= prefix.length || prefix.some((p, i) => parts[i] !== p)) continue;
    const field = parts[parts.length - 1];
    if (!(field in out)) out[field] = typeof issue.message === 'string' ? issue.message : '';
  }
  return out;
}
