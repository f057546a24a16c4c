/**
 * For checks that return the faults they find: a check that finds nothing of what it judges (no table row, no
 * heading, no page of text) must throw rather than return no fault, or a reader or a layout that changed so
 * that nothing is found would pass every test that calls it.
 */
export function judged<T>(found: readonly T[], what: string): readonly T[] {
  if (found.length === 0) throw new Error(`page check: found no ${what}, so it would pass anything`);
  return found;
}
