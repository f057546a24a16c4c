/**
 * Canonical JSON (after RFC 8785): object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * as JSON.stringify writes them. The same data always gives the same text, so its SHA-256 does not depend on
 * who serialised it or in which order its keys were built.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, 0);
}

/**
 * How deep arrays and objects may nest in anything exchanged. A package's deepest legitimate value is a field's
 * value inside an operation inside a group (about 8 levels); a value nested ~2,500 arrays deep once overflowed
 * the stack while its checksum was computed, so deeper input is refused before anything recurses over it.
 */
export const MAX_JSON_DEPTH = 64;

class JsonDepthError extends Error {
  override readonly name = 'JsonDepthError';
}

// Built by appending to one string rather than mapping and joining arrays: a package's checksum walks tens of
// thousands of small objects, and the intermediate arrays were most of its cost (bench/exchange.ts).
function canonical(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (depth >= MAX_JSON_DEPTH) throw new JsonDepthError(`nested deeper than ${MAX_JSON_DEPTH}`);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonical(value[i], depth + 1);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonical(v, depth + 1)}`;
  }
  return `${out}}`;
}

/** Whether parsed JSON nests deeper than `limit`; iterative, so it cannot itself overflow the stack. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
