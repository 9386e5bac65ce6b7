/**
 * Turns what an agent types into an FTS5 query: every word must match the start of a word in the name, e-mail or
 * CRD ("smi jo" finds "John Smith"). Only letters and digits pass through, so no FTS5 syntax can be injected.
 */
export function ftsPrefixQuery(text: string): string | null {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => (/^\d+$/.test(w) ? w.replace(/^0+(?=\d)/, '') : w)); // CRD: leading zeros are not significant
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
