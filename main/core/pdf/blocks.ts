import type { Content, ContentTable, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { figureCaption } from './captions.ts';

/**
 * The parts every printed page is made of, in the look of a Thai government plan: A4, the body as TH SarabunPSK 16 pt,
 * left margin 3 cm (binding side) and right margin 2 cm, centred bold chapter titles, numbered headings,
 * tables with a shaded header and thin borders on every cell. Figures only; no text here: every word comes
 * translated from the caller.
 */

const CM = 72 / 2.54;
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
/** [left, top, right, bottom]: 3 cm and 2 cm at the sides; top and bottom leave room for header and footer. */
export const PAGE_MARGINS: [number, number, number, number] = [3 * CM, 2.5 * CM, 2 * CM, 2 * CM];
export const CONTENT_WIDTH = PAGE_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** The first line of a paragraph is indented, as in Thai official writing. */
const PARAGRAPH_INDENT = 1.25 * CM;

/**
 * Sizes are given in the points of TH SarabunPSK, the font Thai official documents are specified in (body
 * 16 pt, tables 14, chapter titles 20), and printed in Sarabun, whose glyphs are about 1.47 times as tall at
 * the same size: x-height, capitals and Thai consonants alike (test/node/font-size.test.ts measures Sarabun
 * against Laksaman, which is TH Sarabun New's outlines scaled by a known factor). TH SarabunPSK 16 pt is
 * Sarabun 10.9 pt.
 */
export const TH_SARABUN_SCALE = 0.68;

/** The Sarabun size that prints as tall as TH SarabunPSK at `points`. */
export function thSarabun(points: number): number {
  return points * TH_SARABUN_SCALE;
}

export const BODY_SIZE = thSarabun(16);
export const TABLE_SIZE = thSarabun(14);
/**
 * Word spaces a single line of TH SarabunPSK 1.301 em apart (the font's Windows ascent and descent); pdfkit
 * spaces Sarabun's lines 1.3 em of its own, smaller, size: this line height keeps Word's line pitch.
 */
const WORD_LINE_HEIGHT = 1.301 / (1.3 * TH_SARABUN_SCALE);
const INK = '#1a1a1a';
const HEADER_FILL = '#dde4ee';
const GROUP_FILL = '#f0f3f7';

export const STYLES: StyleDictionary = {
  chapterNumber: { fontSize: thSarabun(20), bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
  chapterTitle: { fontSize: thSarabun(20), bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
  /** Section (1.1) and subsection (1.1.1) headings: bold body size, numbered. */
  h2: { fontSize: BODY_SIZE, bold: true, margin: [0, 10, 0, 4] },
  h3: { fontSize: BODY_SIZE, bold: true, margin: [0, 6, 0, 2] },
  paragraph: { margin: [0, 0, 0, 4] },
  table: { fontSize: TABLE_SIZE, margin: [0, 4, 0, 10] },
  tableHeader: { bold: true, alignment: 'center', fillColor: HEADER_FILL },
  tableGroup: { bold: true, fillColor: GROUP_FILL },
  tableTotal: { bold: true, fillColor: GROUP_FILL },
  caption: { fontSize: TABLE_SIZE, bold: true, margin: [0, 6, 0, 0] },
  note: { fontSize: TABLE_SIZE, color: '#333333', margin: [0, 0, 0, 8] },
  header: { fontSize: thSarabun(12), color: '#555555' },
  footer: { fontSize: thSarabun(14) },
};

/** The handouts' setting: lines set close, to fit a page (they choose their own sizes). */
export const DEFAULT_STYLE = { font: 'Sarabun', fontSize: BODY_SIZE, lineHeight: 1.05, color: INK };
/** The plan's body: TH SarabunPSK 16 pt as Word sets it, single spaced. */
export const BODY_STYLE = { ...DEFAULT_STYLE, lineHeight: WORD_LINE_HEIGHT };

/** A person's text as paragraphs: each line break they typed starts a new one; blank lines are dropped. */
export function paragraphs(text: string): Content[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, style: 'paragraph', leadingIndent: PARAGRAPH_INDENT }));
}

/** A paragraph the document writes itself (from the locale files). */
export function paragraph(text: string): Content {
  return { text, style: 'paragraph', leadingIndent: PARAGRAPH_INDENT };
}

/** A numbered list as Thai documents write it: "1. …" hanging under its number. */
export function numbered(items: readonly string[], start = 1): Content {
  return { ol: [...items], start, margin: [PARAGRAPH_INDENT / 2, 0, 0, 6] };
}

export function bullets(items: readonly string[]): Content {
  return { ul: [...items], margin: [PARAGRAPH_INDENT / 2, 0, 0, 6] };
}

export type Align = 'left' | 'center' | 'right';

export interface Column {
  readonly header: string;
  /** Points, or '*' for the column that takes what is left. */
  readonly width: number | '*';
  readonly align?: Align;
}

export type Cell = string | TableCell;

export interface TableOptions {
  /** A bold row above the column heads, e.g. years spanning their target and result columns. */
  readonly headRows?: readonly (readonly TableCell[])[];
  readonly fontSize?: number;
}

/** Body cells take their column's alignment unless they set their own. */
function aligned(cell: Cell, align: Align | undefined): TableCell {
  if (typeof cell === 'string') return align ? { text: cell, alignment: align } : { text: cell };
  if (align && typeof cell === 'object' && cell !== null && !Array.isArray(cell) && !('alignment' in cell)) {
    return { ...(cell as object), alignment: align } as TableCell;
  }
  return cell;
}

/** A table with its heads repeated on every page it runs over, and rows that are not split across pages. */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: TableOptions = {}) {
  const head = columns.map((c): TableCell => ({ text: c.header, style: 'tableHeader' }));
  const headRows = options.headRows ?? [];
  const node: ContentTable = {
    style: 'table',
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
    // Thin rules on every cell (the engine's named layout: functions cannot cross into the PDF worker).
    layout: 'phaenGrid',
    table: {
      headerRows: headRows.length + 1,
      // The heads never end a page without a row under them.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [
        ...headRows.map((r) => [...r]),
        head,
        ...rows.map((row) => row.map((cell, i) => aligned(cell, columns[i]?.align))),
      ],
    },
  };
  return node;
}

/** A row that names a group (a goal above its KPIs): one cell across the table. */
export function groupRow(text: string, span: number): TableCell[] {
  return [
    { text, colSpan: span, style: 'tableGroup', alignment: 'left' },
    ...Array.from({ length: span - 1 }, () => ({ text: '' })),
  ];
}

/** A figure (chart) scaled to fit the text width, centred, with its numbered caption under it (captions.ts). */
export function figure(svg: string, caption: string, width = CONTENT_WIDTH): Content {
  return {
    stack: [{ svg, width: Math.min(width, CONTENT_WIDTH), alignment: 'center' }, figureCaption(caption)],
    unbreakable: true,
    margin: [0, 6, 0, 10],
  };
}
