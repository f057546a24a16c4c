/**
 * Props compared for memo() of what a table shows per row (a cell, a row of a table, a row's provenance), so
 * that a save, which gives the screen new rows, re-renders the rows that changed and not the thousands that
 * did not: by identity, except arrays (of rows or years, made anew per render from rows that did not change)
 * compared item by item, and plain objects (a message's `values`, `{ unit }`, a select's options) key by key.
 * Functions compare by identity: a memoised component takes none that its parent makes per render.
 */
export function sameProps<P extends object>(before: P, after: P): boolean {
  const keys = Object.keys({ ...before, ...after }) as (keyof P)[];
  return keys.every((key) => sameValue(before[key], after[key]));
}

/** One level down: an array's items and an object's values compare as `shallow` does (a select's options). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => shallow(item, b[i]));
  return shallow(a, b);
}

function shallow(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
