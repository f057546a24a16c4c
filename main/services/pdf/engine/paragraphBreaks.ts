/**
 * Where the lines of a justified paragraph end, chosen for the paragraph as a whole (total fit, after Knuth
 * and Plass) rather than line by line.
 *
 * Filling each line as full as it goes (first fit) leaves some lines with too little to stretch: a line whose
 * next word just missed it may have few spaces and few clusters to take the gap, and then stops short of the
 * right edge (lineBuilder.ts alignLine keeps the rest at its end rather than set letters visibly apart).
 * Here every way of breaking the paragraph at its break opportunities (the seams between pdfmake's glued
 * chains of inlines) is weighed at once by dynamic programming: a line is good when its gap is small against
 * what its spaces (up to SPACE_STRETCH em each) and grapheme clusters (up to CLUSTER_STRETCH em) can take, and
 * a line that cannot reach the edge within those limits costs more than any that can. The result is a set of
 * inlines that start a line; the line builder fills each line up to the next of them.
 *
 * Lines never get tighter than their natural width (pdfmake has no shrinking), the last line and any line
 * ending at a newline in the text stay as they are, and a paragraph with a chain wider than the line (a word
 * that must be cut between clusters) is left to first fit.
 */
import { graphemeSegmenter } from '../../../core/intl.ts';
import type { Inline } from './internals.ts';

/** The most a space is widened before the rest of the slack is spread between grapheme clusters, in em. */
export const SPACE_STRETCH = 0.5;
/** The most grapheme clusters are set apart, in em. */
export const CLUSTER_STRETCH = 0.08;

const TRAILING_SPACE = /\s+$/;

// Counted once per text: justification asks for every inline of a paragraph (here) and of each line
// (alignLine), and every layout of a render makes new inlines of the same words.
const CLUSTER_CACHE_LIMIT = 20_000;
const clusterCounts = new Map<string, number>();

/** Gaps between the grapheme clusters of an inline's text, its trailing space aside. */
export function innerClusterGaps(inline: Inline): number {
  const known = clusterCounts.get(inline.text);
  if (known !== undefined) return known;
  let count = -1;
  for (const _ of graphemeSegmenter().segment(inline.text.trimEnd())) count++;
  count = Math.max(0, count);
  if (clusterCounts.size >= CLUSTER_CACHE_LIMIT) clusterCounts.clear();
  clusterCounts.set(inline.text, count);
  return count;
}

/** Whether the seam before an inline is a space (the inline before it ends with one), not a cluster boundary. */
export const endsWithSpace = (inline: Inline | undefined): boolean => TRAILING_SPACE.test(inline?.text ?? '');

/** Added to every line's badness, so that of two equally good settings the one with fewer lines wins (TeX's 10). */
const LINE_PENALTY = 10;
/** A line that cannot reach the right edge: worse than any line that can, and the shorter the gap the better. */
const SHORT_LINE = 1e8;

/**
 * The inlines (of `inlines`, which is one paragraph's remaining text) that should start a new line when each
 * line is `maxWidth` wide, or null to fill lines first-fit (a chain wider than a line, or nothing to plan).
 */
export function planJustifiedBreaks(inlines: readonly Inline[], maxWidth: number): Set<Inline> | null {
  // Chains: inlines glued together (noNewLine) never part; a chain ends at a forced line end.
  const chainStarts: number[] = [];
  for (let i = 0; i < inlines.length; i++) {
    chainStarts.push(i);
    while (i < inlines.length - 1 && inlines[i]?.noNewLine && !inlines[i]?.lineEnd) i++;
  }
  const chains = chainStarts.length;
  if (chains < 2) return null;

  // Prefix sums over inlines: width, spaces at seams, cluster gaps inside and at seams without a space.
  const n = inlines.length;
  const width = new Float64Array(n + 1);
  const spaces = new Float64Array(n + 1); // seams before inline k (k ≥ 1) that are spaces, up to k
  const clusters = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const inline = inlines[k]!;
    const space = k > 0 && endsWithSpace(inlines[k - 1]);
    width[k + 1] = width[k]! + inline.width;
    spaces[k + 1] = spaces[k]! + (space ? 1 : 0);
    clusters[k + 1] = clusters[k]! + innerClusterGaps(inline) + (k > 0 && !space ? 1 : 0);
  }
  const em = inlines[0]?.fontSize ?? 0;
  const lastOf = (chain: number) => (chain + 1 < chains ? chainStarts[chain + 1]! : n) - 1;

  // best[c]: the least demerits of setting chains 0..c-1, the last line ending before chain c.
  const best = new Float64Array(chains + 1).fill(Infinity);
  const from = new Int32Array(chains + 1).fill(-1);
  best[0] = 0;
  for (let a = 0; a < chains; a++) {
    if (best[a] === Infinity) continue;
    const s = chainStarts[a]!;
    const leading = inlines[s]?.leadingCut ?? 0;
    for (let b = a; b < chains; b++) {
      const e = lastOf(b);
      const natural = width[e + 1]! - width[s]! - leading - (inlines[e]?.trailingCut ?? 0);
      if (natural > maxWidth + 1e-6) {
        if (b === a) return null; // one chain wider than the line: cut between clusters by first fit
        break;
      }
      const ends = e === n - 1 || inlines[e]?.lineEnd === true;
      let demerits: number;
      if (ends) {
        demerits = LINE_PENALTY * LINE_PENALTY;
      } else {
        const slack = maxWidth - natural;
        // Seams inside the line: those after its first inline.
        const lineSpaces = spaces[e + 1]! - spaces[s + 1]!;
        const lineClusters = clusters[e + 1]! - clusters[s]! - (s > 0 && !endsWithSpace(inlines[s - 1]) ? 1 : 0);
        const stretch = (lineSpaces * SPACE_STRETCH + lineClusters * CLUSTER_STRETCH) * em;
        if (slack <= stretch + 1e-6) {
          const ratio = stretch > 0 ? slack / stretch : 0;
          demerits = (LINE_PENALTY + 100 * ratio ** 3) ** 2;
        } else {
          demerits = SHORT_LINE + (slack - stretch) ** 2;
        }
      }
      const total = best[a]! + demerits;
      if (total < best[b + 1]!) {
        best[b + 1] = total;
        from[b + 1] = a;
      }
      if (ends && e !== n - 1) break; // a newline ends the line here
    }
  }
  if (best[chains] === Infinity) return null;
  const starts = new Set<Inline>();
  for (let c = chains; c > 0; c = from[c]!) {
    const a = from[c]!;
    if (a < 0) return null;
    if (a > 0) starts.add(inlines[chainStarts[a]!]!);
  }
  return starts;
}
