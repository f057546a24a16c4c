import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order of rows among their siblings as fractional-index keys: a row moved or inserted between two others gets
 * a key between theirs, so no other row is renumbered and two offices reordering different rows never touch
 * the same field. Ties (two offices inserting at one spot) sort by row id.
 */
export function positionBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

export function comparePositions(a: { position: string; id: string }, b: { position: string; id: string }): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
