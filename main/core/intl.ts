/**
 * The Intl objects (ICU) that core and the PDF engine share, each made on first use. Not made when a module
 * loads: the command line's V8 startup snapshot (cli/snapshot.ts) holds every module of `phaen pdf` loaded,
 * and V8 cannot put ICU's objects in a snapshot.
 */
const made: (() => void)[] = [];

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  made.push(() => (value = undefined));
  return () => (value ??= make());
}

/** Drop the objects made so far (they are made again on next use): before a snapshot is taken. */
export function forgetIntl(): void {
  for (const forget of made) forget();
}

/** Grapheme clusters of any text (Thai marks stay with their base letter). */
export const graphemeSegmenter = once(() => new Intl.Segmenter('th', { granularity: 'grapheme' }));

/** ICU's Thai words: the fallback of Thai line breaking (thaiBreak.ts). */
export const thaiWordSegmenter = once(() => new Intl.Segmenter('th', { granularity: 'word' }));

/** Numbers grouped by thousands, up to two decimals ("1,250,000", "12.5"). */
export const groupedNumber = once(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }));

/** Numbers grouped by thousands with exactly two decimals (satang). */
export const twoDecimalNumber = once(
  () => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);
