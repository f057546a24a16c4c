/**
 * Canonical JSON (after RFC 8785): object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * as JSON.stringify writes them. The same data always gives the same text, so its SHA-256 does not depend on
 * who serialised it or in which order its keys were built.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
