/**
 * Which top-level fields of two plain values differ, comparing nested objects regardless of key
 * order: what a 409 names when an edit was made from an older version.
 */

/**
 * JSON with object keys and list items sorted, so equal values give equal text: the lists of a
 * role or profile (types, skills, places) are sets, which the database may return in its own order.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The keys of `submitted` whose values differ from `saved`'s.
 * @example differingFields({ title: 'a', pay: { min: 1 } }, { title: 'b', pay: { min: 1 } }) // ['title']
 */
export function differingFields(
  saved: Record<string, unknown>,
  submitted: Record<string, unknown>,
): string[] {
  return Object.keys(submitted).filter((key) => canonical(saved[key]) !== canonical(submitted[key]));
}
