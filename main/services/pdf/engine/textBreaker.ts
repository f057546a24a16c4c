/**
 * Thai-aware replacement for pdfmake's TextBreaker.getBreaks, which cuts text into the "inlines" (words) that
 * the layout places on lines. pdfmake's own version asks the linebreak package (UAX #14), which treats a run
 * of Thai as one unbreakable word, and glues two items together when linebreak sees no break at their seam.
 *
 * Here every item is cut at the break opportunities of main/core/thaiBreak.ts (after spaces, between Thai
 * words; UAX #14 only for the mandatory breaks after newlines), computed once over the whole paragraph so
 * that a word split across differently styled items (bold "ยุทธ" + "ศาสตร์") stays whole. A piece whose end is not a break opportunity is marked
 * `noNewLine` (pdfmake's glue). Pieces are further cut, glued, where the script changes, so that fontkit
 * shapes "ISO" as Latin and "ที่" as Thai instead of the whole "ISOที่" as Latin (tone mark misplaced).
 * No character is inserted: U+200B would draw as a box in Sarabun through pdfkit.
 */
import { graphemeSegmenter } from '../../../core/intl.ts';
import { breakOpportunities, forgetThaiBreaks, splitScriptRuns, thaiLexicon } from '../../../core/thaiBreak.ts';
import { type BreakerItem, LineBreaker, pdfmake } from './internals.ts';
import { isStyleStack, styleProperty } from './styleLookup.ts';

interface Piece {
  text: string;
  lineEnd?: boolean;
  noNewLine?: boolean;
}

interface ParagraphBreaks {
  /** Offsets where a line may break (after whitespace, between words). */
  readonly breaks: ReadonlySet<number>;
  /** Offsets right after a newline: the line must end there. */
  readonly required: ReadonlySet<number>;
}

// Plans repeat many short texts (table headers, labels, years): segment each distinct paragraph once.
const CACHE_LIMIT = 1000;
const cache = new Map<string, ParagraphBreaks>();
/** The lexicon the cached breaks were found with: users' words differ between renders of one worker. */
let cachedWith = thaiLexicon();

function paragraphBreaks(text: string): ParagraphBreaks {
  if (cachedWith !== thaiLexicon()) {
    cache.clear();
    cachedWith = thaiLexicon();
  }
  const cached = cache.get(text);
  if (cached) return cached;
  const breaks = new Set<number>(breakOpportunities(text));
  const required = new Set<number>();
  if (/[\n\r]/.test(text)) {
    // UAX #14 for what Thai rules do not cover: mandatory breaks after newlines.
    const breaker = new LineBreaker(text);
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      if (bk.required && bk.position < text.length) required.add(bk.position);
    }
  }
  for (const k of required) breaks.add(k);
  const result = { breaks, required };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** Forget every paragraph's and chunk's breaks found so far. */
export function forgetLineBreaks(): void {
  cache.clear();
  forgetThaiBreaks();
}

/** Offsets inside `text` where the script of the shaping run changes (Latin ↔ Thai). */
function scriptCuts(text: string): number[] {
  if (!/[\u0E00-\u0E7F]/.test(text) || !/\p{L}/u.test(text.replace(/[\u0E00-\u0E7F]/g, ''))) return [];
  const cuts: number[] = [];
  let offset = 0;
  for (const run of splitScriptRuns(text)) {
    if (offset > 0) cuts.push(offset);
    offset += run.text.length;
  }
  return cuts;
}

function graphemeCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const g of graphemeSegmenter().segment(text)) if (g.index > 0) cuts.push(g.index);
  return cuts;
}

function itemText(item: BreakerItem): string {
  if (typeof item === 'string') return item;
  const ref = item._textRef?._textNodeRef.text;
  if (ref) item.text = ref; // a textReference resolved by pdfmake's preprocessor, as in the original
  return item.text === undefined || item.text === null ? '' : String(item.text);
}

/**
 * The pieces of one paragraph made of `items` (strings or styled text objects), each with its style, in
 * pdfmake's result shape: { text, lineEnd?, noNewLine?, ...style }.
 */
export function getBreaks(
  texts: BreakerItem | BreakerItem[],
  styleContextStack: unknown,
): Record<string | symbol, unknown>[] {
  const { StyleContextStack } = pdfmake;
  const items = Array.isArray(texts) ? texts : [texts];
  const strings = items.map(itemText);
  const full = strings.join('');
  const { breaks, required } = paragraphBreaks(full);

  const results: Record<string | symbol, unknown>[] = [];
  let start = 0;
  items.forEach((item, index) => {
    const text = strings[index] ?? '';
    const probe = typeof item === 'string' ? {} : item;
    const noWrap = StyleContextStack.getStyleProperty(probe, styleContextStack, 'noWrap', false) === true;
    const breakAll =
      StyleContextStack.getStyleProperty(probe, styleContextStack, 'wordBreak', 'normal') === 'break-all';
    const style = typeof item === 'string' ? null : StyleContextStack.copyStyle(item);
    const styleCache: StyleCache = { stack: styleContextStack, values: new Map() };

    // Cut points inside this item: [offset, breakable].
    const cuts = new Map<number, boolean>();
    for (let k = 1; k < text.length; k++) {
      if (required.has(start + k) || (!noWrap && breaks.has(start + k))) cuts.set(k, true);
    }
    if (breakAll && !noWrap) for (const k of graphemeCuts(text)) cuts.set(k, true);

    const pieces: Piece[] = [];
    let last = 0;
    for (const k of [...cuts.keys(), text.length].sort((a, b) => a - b)) {
      if (k === 0 && text.length > 0) continue;
      pieces.push(...glued(text.slice(last, k)));
      const piece = pieces.at(-1);
      if (piece) {
        // Glue to whatever follows unless a line may end here (or the paragraph ends).
        const at = start + k;
        if (at < full.length && !breaks.has(at)) piece.noNewLine = true;
      }
      last = k;
    }

    for (const piece of pieces) {
      const newline = /\r?\n$|\r$/.exec(piece.text);
      if (newline) {
        piece.text = piece.text.slice(0, newline.index);
        piece.lineEnd = true;
        delete piece.noNewLine;
      }
      const result: Record<string | symbol, unknown> = { text: piece.text };
      if (piece.lineEnd) result.lineEnd = true;
      StyleContextStack.copyStyle(style, result);
      if (piece.noNewLine) result.noNewLine = true;
      result[STYLE_CACHE] = styleCache;
      results.push(result);
    }
    start += text.length;
  });
  return results;
}

/**
 * pdfmake's measure resolves some twenty style properties per inline by walking the style stack; the pieces
 * of one item share their style, so each property is resolved once per item and stack (a symbol key, so
 * copyStyle's for…in does not carry it elsewhere). Lookups are read in place (styleLookup.ts), not through
 * pdfmake's pushes and closures; `original` answers only a stack whose fields are not pdfmake 0.3's.
 */
export const STYLE_CACHE = Symbol('phaen.styleCache');
const NOT_FOUND = Symbol('phaen.notFound');

interface StyleCache {
  readonly stack: unknown;
  readonly values: Map<string, unknown>;
}

type GetStyleProperty = (item: object, stack: unknown, property: string, defaultValue: unknown) => unknown;

export function cachedStyleProperty(original: GetStyleProperty): GetStyleProperty {
  const lookup: GetStyleProperty = (item, stack, property, defaultValue) =>
    stack === null || stack === undefined || isStyleStack(stack)
      ? styleProperty(item, stack, property, defaultValue)
      : original(item, stack, property, defaultValue);
  return (item, stack, property, defaultValue) => {
    const own = (item as Record<string, unknown>)[property];
    const cache = (item as { [STYLE_CACHE]?: StyleCache })[STYLE_CACHE];
    if ((own !== undefined && own !== null) || !cache || cache.stack !== stack) {
      return lookup(item, stack, property, defaultValue);
    }
    let value = cache.values.get(property);
    if (value === undefined) {
      value = lookup(item, stack, property, NOT_FOUND);
      cache.values.set(property, value);
    }
    return value === NOT_FOUND ? defaultValue : value;
  };
}

/** One word split where its script changes, every part but the last glued to the next. */
function glued(word: string): Piece[] {
  const cuts = scriptCuts(word);
  if (cuts.length === 0) return [{ text: word }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const k of cuts) {
    pieces.push({ text: word.slice(last, k), noNewLine: true });
    last = k;
  }
  pieces.push({ text: word.slice(last) });
  return pieces;
}
