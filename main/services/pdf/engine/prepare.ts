/**
 * What the engine does to a document definition before pdfmake sees it: clean every string the way Thai
 * text must be cleaned (zero-width characters out, SARA AM composed), default to Sarabun on A4, give SVG
 * drawings the Sarabun family, and turn a static header or footer with page placeholders into the
 * per-page function pdfmake expects (functions cannot cross into the worker), printing each page's label
 * (pageLabels.ts) and nothing on an unnumbered page.
 */
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { STYLE_NAMES } from '../../../core/pdf/structure.ts';
import { normaliseThai, stripZeroWidth } from '../../../core/thaiBreak.ts';
import { FONT_FAMILY } from './fontFiles.ts';
import type { PageLabels } from './pageLabels.ts';
import { isValue } from './styleLookup.ts';

// The placeholder the document builders (core) put in headers and footers: one definition for both sides.
import { PAGE_NUMBER } from '../../../core/pdf/page.ts';
export { PAGE_NUMBER };
/** Placeholder for the number of the last page, replaced on each page. */
export const PAGE_COUNT = '{{pages}}';

export function cleanText(text: string): string {
  return normaliseThai(stripZeroWidth(text));
}

/** Arrays and plain objects are walked; anything else (a Uint8Array image, a Date) is kept as it is. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function clean(value: unknown, styles: StyleDictionary): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map((v) => clean(v, styles));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = clean(v, styles);
    if ('svg' in out && out.font === undefined) out.font = FONT_FAMILY;
    return withStylesResolved(out, styles);
  }
  return value;
}

type StyleDictionary = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** Margins pdfmake merges side by side (helpers/node.js getNodeMargin): a node or style with them stays named. */
const SIDE_MARGINS = ['marginLeft', 'marginTop', 'marginRight', 'marginBottom', 'marginX', 'marginY'];

/**
 * A node with its named styles' properties as its own instead of their names, the names kept for the tagged
 * structure (core/pdf/structure.ts STYLE_NAMES). pdfmake answers the same either way (the node's own value, else
 * its styles' from the last named, else its ancestors'), but every name on its style stack costs each of the
 * many lookups per measured word a Set and a dictionary walk (StyleContextStack.getProperty). Left as it is:
 * a `section` (pdfmake does not push its style), a style that extends others or a side margin (merged by rules
 * of their own), and a name the dictionary lacks.
 */
function withStylesResolved(node: Record<string, unknown>, styles: StyleDictionary): Record<string, unknown> {
  const { style } = node;
  if (style === undefined || style === null || style === '' || node.section !== undefined) return node;
  const names = Array.isArray(style) ? style : [style];
  const named = names.map((name) => (typeof name === 'string' ? styles[name] : undefined));
  if (named.some((s) => !s || 'extends' in s || SIDE_MARGINS.some((k) => k in s))) return node;
  if (SIDE_MARGINS.some((k) => k in node)) return node;
  const resolved: Record<string, unknown> = {};
  for (const s of named) for (const [key, v] of Object.entries(s ?? {})) if (isValue(v)) resolved[key] = v;
  for (const [key, v] of Object.entries(node)) {
    if (key !== 'style' && (isValue(v) || !(key in resolved))) resolved[key] = v;
  }
  resolved[STYLE_NAMES] = names;
  return resolved;
}

function substitute(value: unknown, page: string, pages: string): unknown {
  if (typeof value === 'string') return value.replaceAll(PAGE_NUMBER, page).replaceAll(PAGE_COUNT, pages);
  if (Array.isArray(value)) return value.map((v) => substitute(v, page, pages));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, page, pages)]));
  }
  return value;
}

function furniture(content: Content, labels: PageLabels): DynamicContent {
  return (currentPage, pageCount) => {
    const page = labels.label(currentPage);
    if (page === null) return null;
    return substitute(content, page, labels.label(pageCount) ?? '') as Content;
  };
}

/**
 * A copy of the document with every string cleaned, SVG drawings in Sarabun and named styles resolved in the
 * nodes: once per render (typeset.ts).
 */
export function cleanDocument(doc: TDocumentDefinitions): TDocumentDefinitions {
  return clean(doc, (doc.styles ?? {}) as StyleDictionary) as TDocumentDefinitions;
}

/**
 * What pdfmake is given for one layout: `doc`, a cleaned document (cleanDocument) copied for this layout alone
 * (pdfmake writes into the nodes it lays out), with the defaults and the page furniture of this layout.
 */
export function prepareDocument(doc: TDocumentDefinitions, labels: PageLabels): TDocumentDefinitions {
  const out = { ...doc };
  out.pageSize ??= 'A4';
  // ActualText (actualText.ts) is PDF 1.5, /Lang 1.4; pdfmake writes 1.3 unless told.
  out.version ??= '1.5';
  out.defaultStyle = { font: FONT_FAMILY, fontSize: 16, ...out.defaultStyle };
  if (out.header && typeof out.header !== 'function') out.header = furniture(out.header, labels);
  if (out.footer && typeof out.footer !== 'function') out.footer = furniture(out.footer, labels);
  return out;
}

/** The path of the first function in `value`, which could not cross into the worker; null if none. */
export function findFunction(value: unknown, path = 'doc'): string | null {
  if (typeof value === 'function') return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findFunction(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = findFunction(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
