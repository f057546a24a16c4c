/**
 * Text measured once per render instead of once per layout. typeset lays a document out several times (an
 * orphaned heading moved, rows kept together, a near-empty page filled: two layouts for the sample plan, four
 * or five for a long one), and pdfmake measures every text node afresh each time: its words cut (getBreaks),
 * some twenty style properties resolved per word and each word's width taken, a third of a layout's time. A
 * text node's measure depends only on its text (with the style of its inline parts) and the style it inherits,
 * both the same in every layout of one render, so the words and widths of the first measure serve the later
 * ones.
 *
 * What is kept is plain data: the words without their pdfkit font (each layout has a pdfkit document and
 * fonts of its own; the font is asked of the layout's document again, in the order pdfmake asks, so that
 * fonts are embedded as they would have been) and without the style stack they were resolved with, which
 * would hold on to the whole layout. Nodes that point into their layout (page and text references, the
 * contents' page numbers) are measured as pdfmake does.
 *
 * Charts are not kept: svgRoot.ts reads and writes their size on the root tag alone, too cheap to be worth it.
 */
import { type Inline, type PdfKitFont, pdfmake } from './internals.ts';
import { STYLE_CACHE } from './textBreaker.ts';

/**
 * Every style property pdfmake's measure (TextInlines.measure, buildInlines) and the engine's getBreaks read
 * through the style stack: the inherited part of a text node's measure.
 */
const MEASURED_STYLE = [
  'font',
  'bold',
  'italics',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'noWrap',
  'opacity',
  'sup',
  'sub',
  'lineHeight',
  'leadingIndent',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
  'wordBreak',
] as const;

/** A font as pdfmake asks a document for it (family, bold, italics). */
type FontRequest = readonly [family: string, bold: boolean, italics: boolean];

interface MeasuredLeaf {
  /** The words as measured, without font or style stack; copied out for each layout (layout consumes them). */
  readonly inlines: readonly Record<string | symbol, unknown>[];
  readonly fonts: readonly FontRequest[];
  readonly minWidth: number;
  readonly maxWidth: number;
}

/** What the layouts of one render measure alike. */
export interface MeasureCache {
  /** Measured text nodes by text and inherited style. */
  readonly leaves: Map<string, MeasuredLeaf>;
}

export const newMeasureCache = (): MeasureCache => ({ leaves: new Map() });

interface StyleStack {
  /** Named styles and the nodes pushed, outermost first (pdfmake's StyleContextStack). */
  readonly styleOverrides: readonly (string | object)[];
  getProperty(property: string): unknown;
}

interface MeasuredNode {
  text?: unknown;
  _textRef?: unknown;
  _pageRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
}

/** Which request gave each font: what to ask the next layout's document for. */
const requests = new WeakMap<PdfKitFont, FontRequest>();

/** Whether a text (string, text object or array of them) is plain data that no layout points into. */
function isPlainText(text: unknown): boolean {
  if (typeof text === 'string' || typeof text === 'number') return true;
  if (Array.isArray(text)) return text.every(isPlainText);
  if (text === null || typeof text !== 'object') return false;
  for (const [key, value] of Object.entries(text)) {
    // pdfmake's own links into the layout (_textRef, _pageRef, _nodeRef…), and what makes them.
    if (key.startsWith('_') || key === 'id' || key === 'pageReference' || key === 'textReference') return false;
    if (key === 'text' ? !isPlainText(value) : typeof value === 'object' && value !== null && !isPlainData(value)) {
      return false;
    }
  }
  return true;
}

function isPlainData(value: object): boolean {
  return Array.isArray(value)
    ? value.every((v) => v === null || typeof v !== 'object' || isPlainData(v))
    : Object.getPrototypeOf(value) === Object.prototype &&
        Object.values(value as Record<string, unknown>).every(
          (v) => v === null || typeof v !== 'object' || isPlainData(v),
        );
}

/**
 * Each node of the document a render lays out, numbered once (keepWithNext.ts numberHeadings) and kept by the
 * copy each layout gets, so that a later layout can name a node it measured before without reading it again.
 */
export const NODE_ID = Symbol('phaen.nodeId');

/**
 * The node's measure key, null when it must be measured each time. Cheap where the node and every node on its
 * style stack is numbered (NODE_ID) or one pdfmake made of a string or an array (no style of its own): those
 * numbers (the node's text where it has none) with the named styles between them, the same in every layout of
 * a render for the same text and style. Else its text and the style it inherits, read property by property,
 * some ten times as costly.
 */
function leafKey(node: MeasuredNode, stack: StyleStack): string | null {
  if (node._textRef || node._pageRef || !isPlainText(node.text)) return null;
  let key = numbered(node) ?? (isStyleless(node) ? JSON.stringify(node.text) : null);
  for (const item of stack.styleOverrides) {
    if (key === null) break;
    const part = typeof item === 'string' ? JSON.stringify(item) : (numbered(item) ?? (isStyleless(item) ? '-' : null));
    key = part === null ? null : `${key} ${part}`;
  }
  return key ?? JSON.stringify([node.text, MEASURED_STYLE.map((property) => stack.getProperty(property) ?? null)]);
}

function numbered(item: object): string | null {
  const id = (item as { [NODE_ID]?: number })[NODE_ID];
  return id === undefined ? null : String(id);
}

/** A node pdfmake made of a string or an array ({text}, {stack}), with only its own notes (`_…`) added. */
function isStyleless(item: object): boolean {
  for (const key in item) if (key !== 'text' && key !== 'stack' && !key.startsWith('_')) return false;
  return true;
}

/**
 * Measure text nodes through `cacheOf()` (the current render's cache; none outside a render).
 * Installed once per thread, over pdfmake's DocMeasure.measureLeaf (the node's own style is on the stack by
 * then).
 */
export function installMeasureCache(cacheOf: () => MeasureCache | null): void {
  const provideFont = pdfmake.PDFDocument.prototype.provideFont;
  pdfmake.PDFDocument.prototype.provideFont = function (family, bold, italics) {
    const font = provideFont.call(this, family, bold, italics);
    requests.set(font, [family, bold, italics]);
    return font;
  };

  const measureLeaf = pdfmake.DocMeasure.prototype.measureLeaf;
  pdfmake.DocMeasure.prototype.measureLeaf = function (node) {
    const cache = cacheOf();
    const key = cache ? leafKey(node, this.styleStack) : null;
    if (!cache || key === null) return measureLeaf.call(this, node);
    const measured = cache.leaves.get(key);
    if (measured) {
      node._inlines = measured.inlines.map((inline, i) => {
        const [family, bold, italics] = measured.fonts[i] as FontRequest;
        return { ...inline, font: this.pdfDocument.provideFont(family, bold, italics) } as unknown as Inline;
      });
      node._minWidth = measured.minWidth;
      node._maxWidth = measured.maxWidth;
      return node;
    }
    measureLeaf.call(this, node);
    const inlines = (node._inlines ?? []) as unknown as Record<string | symbol, unknown>[];
    const fonts = inlines.map((inline) => requests.get(inline.font as PdfKitFont));
    if (fonts.every((font) => font !== undefined)) {
      cache.leaves.set(key, {
        inlines: inlines.map(({ font: _font, [STYLE_CACHE]: _stack, ...rest }) => rest),
        fonts,
        minWidth: node._minWidth ?? 0,
        maxWidth: node._maxWidth ?? 0,
      });
    }
    return node;
  };
}
