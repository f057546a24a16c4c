import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { toThaiDigits } from '../years.ts';
import { mapDocumentText } from './text.ts';

/**
 * Thai digits in print (๒๕๖๖): applied once to the finished document rather than at every place a number is
 * written, so that no number is missed: figures, B.E. years and dates, numbered headings, numbers typed into
 * plan text ("นโยบาย 9 ดี") and chart labels where the chart allows (thaiDigitsInSvg); page numbers are the
 * engine's (render.ts option `digits`). Digits written against a Latin letter stay Arabic:
 * they are part of a code (the 2S4M and 7S frameworks, S1, M4), which no one writes as ๒S๔M.
 */

const DIGIT_RUN = /[0-9]+/g;
const LATIN = /[A-Za-z]/;

/** Text in Thai digits, except digits against a Latin letter (codes); also the strategy map's rule. */
export function thaiDigitsInText(text: string): string {
  return text.replace(DIGIT_RUN, (run, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text[offset + run.length] ?? '';
    return LATIN.test(before) || LATIN.test(after) ? run : toThaiDigits(run);
  });
}

/**
 * A chart's text in Thai digits: only text between tags (attribute values are coordinates and colours). Only
 * for charts whose labels are anchored on their own (achievement, SWOT position): where a chart places text
 * after measuring a number (the strategy map's item numbers), wider Thai digits would overlap what follows,
 * so that chart converts before it measures (StrategyMapOptions.digits); the document pass below leaves
 * every SVG as drawn and the builders choose.
 */
export function thaiDigitsInSvg(svg: string): string {
  return svg.replace(/>([^<]+)</g, (_m, text: string) => `>${thaiDigitsInText(text)}<`);
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How pdfmake writes an item's number: "1." by default, or with the list's `separator` ('.' or [before, after]). */
function marker(n: number, separator: unknown): string {
  if (Array.isArray(separator)) return `${String(separator[0] ?? '')}${n}${String(separator[1] ?? '')}`;
  return `${n}${typeof separator === 'string' ? separator : '.'}`;
}

/**
 * A numbered list (pdfmake `ol`) as a borderless two-column table: the number in a column as wide as the
 * widest number, the item hanging beside it, as pdfmake lays out `ol`, each item kept on one page. pdfmake writes `ol` numbers itself,
 * always in Arabic digits; as text of the document they take the digits pass like every other number.
 * Letter and Roman lists are left to pdfmake (no digits). A nested list takes no number, as in pdfmake.
 */
function numberedAsTable(node: Node): Node {
  const { ol, start, reversed, separator, type, markerColor, ...rest } = node;
  const items = ol as unknown[];
  if (type !== undefined && type !== 'decimal') return { ...node, ol: items.map(withListsNumbered) };
  let counter = typeof start === 'number' ? start : reversed ? items.length : 1;
  const body = items.map((item) => {
    if (isNode(item) && (item.ol !== undefined || item.ul !== undefined))
      return [{ text: '' }, withListsNumbered(item)];
    const n = isNode(item) && typeof item.counter === 'number' ? item.counter : counter;
    counter += reversed ? -1 : 1;
    return [{ text: marker(n, separator), ...(markerColor ? { color: markerColor } : {}) }, withListsNumbered(item)];
  });
  // An item moves to the next page whole rather than leaving one of its lines alone on either side (as the
  // engine keeps pdfmake's own list items; a table row is not split line by line there).
  return { ...rest, layout: 'phaenList', table: { widths: ['auto', '*'], body, dontBreakRows: true } };
}

/** Every `ol` in the content, at any depth (table cells, stacks, columns, list items), as numberedAsTable. */
function withListsNumbered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withListsNumbered);
  if (!isNode(value)) return value;
  if (Array.isArray(value.ol)) return numberedAsTable(value);
  const node: Node = { ...value };
  for (const key of ['stack', 'columns', 'ul'] as const) if (key in node) node[key] = withListsNumbered(node[key]);
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    node.table = { ...node.table, body: node.table.body.map(withListsNumbered) };
  }
  return node;
}

/**
 * The document with every number in text shown in Thai digits (header and footer are static content), list
 * numbers included (numberedAsTable).
 */
export function withThaiDigits(doc: TDocumentDefinitions): TDocumentDefinitions {
  return mapDocumentText({ ...doc, content: withListsNumbered(doc.content) as Content }, thaiDigitsInText);
}
