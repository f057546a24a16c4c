import type { StyleDictionary } from 'pdfmake/interfaces';
import type { Block, Cell, CellNode, Column, Margin, TableNode } from '../doc/model.ts';
import { narrowestWidth, textWidth, widestWord, wrapText } from '../charts/textWidth.ts';
import { thaiDigitsInText } from './digits.ts';
import { figureCaption } from './captions.ts';

export type { Cell, Column } from '../doc/model.ts';

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
/** The text width of a landscape page (outline.ts turns a section's pages; the margins stay the same). */
export const LANDSCAPE_WIDTH = PAGE_HEIGHT - PAGE_MARGINS[0] - PAGE_MARGINS[2];
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
  paragraph: { alignment: 'justify', margin: [0, 0, 0, 4] },
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
export function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, style: 'paragraph', leadingIndent: PARAGRAPH_INDENT }));
}

/** A paragraph the document writes itself (from the locale files). */
export function paragraph(text: string): Block {
  return { text, style: 'paragraph', leadingIndent: PARAGRAPH_INDENT };
}

/**
 * A paragraph that leads into the table under it ("… ดังนี้"), kept with the table's caption as a heading is
 * (the engine's keepWithNext): when the table's head and first rows move to the next page, so does its lead
 * rather than end the page with its heading above it.
 */
export function lead(text: string): Block {
  return { text, style: 'paragraph', leadingIndent: PARAGRAPH_INDENT, keepWithNext: true };
}

/** A numbered list as Thai documents write it: "1. …" hanging under its number. */
export function numbered(items: readonly string[], start = 1): Block {
  return { ol: [...items], start, margin: [PARAGRAPH_INDENT / 2, 0, 0, 6] };
}

export function bullets(items: readonly string[]): Block {
  return { ul: [...items], margin: [PARAGRAPH_INDENT / 2, 0, 0, 6] };
}

export type Align = 'left' | 'center' | 'right';

export interface TableOptions {
  /** A bold row above the column heads, e.g. years spanning their target and result columns. */
  readonly headRows?: readonly (readonly Cell[])[];
  /** The table's type size (default TABLE_SIZE). */
  readonly fontSize?: number;
  /** The smallest type the table may take so that its fitted columns fit (default: fontSize, no shrinking). */
  readonly minFontSize?: number;
  /**
   * The digits the document prints in: Thai digits are wider than Arabic (๐ 621 units, 0 550 in Sarabun).
   * Required, so that no table is measured in digits it does not print (the progress report's were).
   */
  readonly thaiDigits: boolean;
  /** The width the table must fit in: CONTENT_WIDTH (default) or LANDSCAPE_WIDTH. */
  readonly width?: number;
  /** The caption's text: numbered "ตารางที่ n" and set above the table (captions.ts). */
  readonly caption?: string;
  /**
   * The rows the columns are sized from, when tables in a series should line up (the report's KPI tables, one
   * per strategic issue): all of theirs. Default: the table's own rows.
   */
  readonly sizeFrom?: readonly (readonly Cell[])[];
}

/** phaenGrid's padding on both sides of a cell (engine/tableLayouts.ts) and its rule. */
const CELL_SIDES = 8.5;
/** What a table `width` wide leaves its `columns` columns' text: their padding and rules, and the last rule. */
const textRoom = (width: number, columns: number) => width - columns * CELL_SIDES - 0.5;
/** A text column shared out by '*' keeps at least this much: a project's name in a few lines, not a word a line. */
const MIN_TEXT_WIDTH = 150;
/** Measured widths are the fonts' own advances (charts/textWidth.ts); a hair more absorbs rounding. */
const FIT_SLACK = 1;
const FONT_STEP = 0.5;
/** A fitted column widens, where the text columns can spare it, until its head takes no more lines than this. */
const HEAD_LINES = 2;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text a cell or block prints, its inline runs joined. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plainText).join('');
  if (isNode(value)) return plainText(value.text);
  return '';
}

function isBold(cell: Cell): boolean {
  if (!isNode(cell)) return false;
  if (typeof cell.bold === 'boolean') return cell.bold;
  const styles = Array.isArray(cell.style) ? cell.style : [cell.style];
  return styles.some((name) => STYLES[String(name)]?.bold === true);
}

/**
 * The widest value of each fitted column at a type size, as printed: in the document's digits and each
 * cell's weight. A cell spanning several columns leaves the measure to those columns' other cells.
 */
function fittedWidths(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  size: number,
  thaiDigits: boolean,
): number[] {
  const shown = (text: string) => printed(text, thaiDigits);
  // A cell may wrap at its spaces ("2,480,000 (2564)" over two lines), never inside what a no-break space
  // joins ("ร้อยละ 90"): its widest run between spaces is what must fit.
  const measure = (text: string, bold: boolean) =>
    Math.max(
      0,
      ...shown(text)
        .split(/[ \t\n]+/)
        .map((run) => textWidth(run, { fontSize: size, bold })),
    );
  // A column head is words, which may wrap where Thai allows ("คะแนน|ถ่วง|น้ำหนัก"): its widest word must fit.
  const headWord = (text: string) => widestWord(shown(text), { fontSize: size, bold: true });
  return columns.map((column, i) => {
    if (!column.fit) return 0;
    let widest = headWord(column.header);
    // pdfmake rows hold a cell per column, an empty one where a span covers it.
    for (const row of rows) {
      const cell = row[i];
      const spans = isNode(cell) && typeof cell.colSpan === 'number' && cell.colSpan > 1;
      if (cell !== undefined && !spans) widest = Math.max(widest, measure(plainText(cell), isBold(cell)));
    }
    return widest + FIT_SLACK;
  });
}

/** Text in the digits the document prints. */
const printed = (text: string, thaiDigits: boolean) => (thaiDigits ? thaiDigitsInText(text) : text);

/** The lines a column head takes at `width`, as the engine breaks them (where Thai allows), in its bold type. */
function headLines(header: string, width: number, size: number, thaiDigits: boolean): number {
  return wrapText(printed(header, thaiDigits), width - FIT_SLACK, { fontSize: size, bold: true }).length;
}

/**
 * Widens fitted columns whose heads would take more than HEAD_LINES lines ("ร้อยละ|ของ|เป้าหมาย|ที่ควรถึง"
 * over a column of "95.4"), left to right, out of `spare`: what the text columns have beyond their room.
 */
function widenForHeads(
  columns: readonly Column[],
  widths: (number | '*')[],
  spare: number,
  size: number,
  thaiDigits: boolean,
): void {
  for (const [i, column] of columns.entries()) {
    const width = widths[i]!;
    if (spare <= 0 || !column.fit || width === '*') continue;
    if (headLines(column.header, width, size, thaiDigits) <= HEAD_LINES) continue;
    const wanted =
      narrowestWidth(printed(column.header, thaiDigits), HEAD_LINES, { fontSize: size, bold: true }) + FIT_SLACK;
    const grant = Math.min(spare, wanted - width);
    if (grant <= 0) continue;
    widths[i] = width + grant;
    spare -= grant;
  }
}

/**
 * A column head's cell: where it wraps in a column of known width, narrowed by equal margins to the narrowest
 * width that keeps its number of lines, so its lines come out balanced ("เป้าหมาย / ที่ควรถึง" rather than
 * "เป้าหมายที่ควร / ถึง"). The text itself is not changed; the engine breaks it where Thai allows.
 */
function headCell(header: string, width: number | '*', size: number, thaiDigits: boolean): CellNode {
  const cell: CellNode = { text: header, style: 'tableHeader' };
  if (width === '*') return cell;
  const lines = headLines(header, width, size, thaiDigits);
  if (lines < 2) return cell;
  const inner = narrowestWidth(printed(header, thaiDigits), lines, { fontSize: size, bold: true }) + FIT_SLACK;
  const side = Math.max(0, (width - inner) / 2);
  return side > 0 ? { ...cell, margin: [side, 0, side, 0] } : cell;
}

interface Widths {
  readonly fontSize: number;
  readonly widths: (number | '*')[];
  /** The widest value of each fitted column at that size (0 for the others). */
  readonly fitted: number[];
  /** False when even the smallest type leaves a '*' column less than its room: the table runs wide. */
  readonly fits: boolean;
}

/**
 * Widths for pdfmake at the largest type size from `fontSize` down to `minFontSize` at which every fitted
 * column gets its widest value and every '*' column keeps room for text; at the smallest size, fitted '*'
 * columns are given their width outright (numbers stay whole even if the table then runs wide).
 */
function columnWidths(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: TableOptions): Widths {
  const largest = options.fontSize ?? TABLE_SIZE;
  const smallest = Math.min(largest, options.minFontSize ?? largest);
  const room = textRoom(options.width ?? CONTENT_WIDTH, columns.length);
  const stars = columns.filter((c) => c.width === '*').length;
  let size = largest;
  for (;;) {
    const fitted = fittedWidths(columns, rows, size, options.thaiDigits);
    const fixed = columns.reduce((sum, c, i) => sum + (c.width === '*' ? 0 : Math.max(c.width, fitted[i]!)), 0);
    const share = stars ? (room - fixed) / stars : Infinity;
    const fits =
      fixed <= room && columns.every((c, i) => c.width !== '*' || share >= (c.fit ? fitted[i]! : MIN_TEXT_WIDTH));
    const last = size - FONT_STEP < smallest - 1e-9;
    if (fits || last) {
      const widths = columns.map((c, i): number | '*' =>
        c.width === '*' ? (c.fit && share < fitted[i]! ? fitted[i]! : '*') : Math.max(c.width, fitted[i]!),
      );
      if (fits) {
        const needed = columns.reduce(
          (sum, c, i) => sum + (c.width !== '*' ? 0 : c.fit ? fitted[i]! : MIN_TEXT_WIDTH),
          0,
        );
        widenForHeads(columns, widths, room - fixed - needed, size, options.thaiDigits);
      }
      return { fontSize: size, widths, fitted, fits };
    }
    size -= FONT_STEP;
  }
}

/** Body cells take their column's alignment unless they set their own. */
function aligned(cell: Cell, align: Align | undefined): CellNode {
  if (typeof cell === 'string') return align ? { text: cell, alignment: align } : { text: cell };
  if (align && !('alignment' in cell)) return { ...cell, alignment: align };
  return cell;
}

/** Whether a table of these columns and rows fits its width at some allowed type size (see columnWidths). */
export function tableFits(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions,
): boolean {
  return columnWidths(columns, rows, options).fits;
}

/**
 * A table with its heads repeated on every page it runs over, and rows that are not split across pages;
 * fitted columns as wide as their widest value (columnWidths).
 */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions,
): TableNode {
  const { fontSize, widths, fitted } = columnWidths(columns, options.sizeFrom ?? rows, options);
  const head = columns.map((c, i) => headCell(c.header, widths[i]!, fontSize, options.thaiDigits));
  const body = rows.map((row) => row.map((cell, i) => aligned(cell, columns[i]?.align)));
  const width = options.width ?? CONTENT_WIDTH;
  const tail = tailRows(body, widths, width, fontSize, options.thaiDigits);
  return {
    kind: 'table',
    variant: 'data',
    widths,
    fitted,
    align: columns.map((c) => c.align),
    headRows: [...(options.headRows ?? []), head],
    rows: withKeptRows(body, tail),
    ...(fontSize !== TABLE_SIZE ? { fontSize } : {}),
    ...(options.caption === undefined ? {} : { captionText: options.caption }),
    dontBreakRows: true,
  };
}

/** Fewest body rows a table leaves on a page it shares: its caption and head never end a page over one or two. */
const KEPT_ROWS = 3;

/** A row the engine keeps on one page with the next (its first cell's `keepWithNext`, model.ts TableNode). */
export function keptWithNext(row: readonly Cell[]): Cell[] {
  const [first, ...rest] = row;
  const cell: CellNode = typeof first === 'string' || first === undefined ? { text: first ?? '' } : first;
  return [{ ...cell, keepWithNext: true } as CellNode, ...rest];
}

/**
 * The least height of a table's last rows kept together, as a share of its page's body: the page they end on
 * is never left with a sliver of the table (the large plan's budget summary left two issues and the total on a
 * landscape page 19 % filled, the next chapter starting the page after). A quarter, as the page checks judge a
 * page left short (test/harness/pages.ts).
 */
const TAIL_SHARE = 1 / 4;
const PORTRAIT_BODY = PAGE_HEIGHT - PAGE_MARGINS[1] - PAGE_MARGINS[3];
const LANDSCAPE_BODY = PAGE_WIDTH - PAGE_MARGINS[1] - PAGE_MARGINS[3];
/** A cell's padding above and below its text, and a rule (phaenGrid, engine/tableLayouts.ts). */
const CELL_ENDS = 5.5;
/** Sarabun's line, ascent to descent (1.3 em), at the plan's line height: the pitch of a cell's lines in em. */
const LINE_PITCH = 1.3 * WORD_LINE_HEIGHT;

/**
 * How many of a table's last rows stay together: at least KEPT_ROWS, and as many as fill TAIL_SHARE of the
 * page. Row heights are estimated as the engine lays them out, from the fonts' advances and Thai breaks
 * (charts/textWidth.ts) at the columns' widths (a '*' column's share of what the others leave, a spanning cell
 * across its columns), counted from the last row up, only as far as needed.
 */
function tailRows(
  rows: readonly (readonly Cell[])[],
  widths: readonly (number | '*')[],
  width: number,
  size: number,
  thaiDigits: boolean,
): number {
  const least = TAIL_SHARE * (width === LANDSCAPE_WIDTH ? LANDSCAPE_BODY : PORTRAIT_BODY);
  const room = textRoom(width, widths.length);
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const share = (room - fixed) / Math.max(1, widths.filter((w) => w === '*').length);
  const columnWidth = (i: number) => {
    const w = widths[i];
    return w === undefined ? 0 : w === '*' ? share : w;
  };
  const rowHeight = (row: readonly Cell[]) => {
    let lines = 1;
    row.forEach((cell, i) => {
      const span = isNode(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1;
      let inner = (span - 1) * CELL_SIDES;
      for (let k = i; k < i + span; k++) inner += columnWidth(k);
      const style = { fontSize: size, bold: isBold(cell) };
      const count = printed(plainText(cell), thaiDigits)
        .split('\n')
        .reduce((sum, text) => sum + Math.max(1, wrapText(text, inner - FIT_SLACK, style).length), 0);
      lines = Math.max(lines, count);
    });
    return lines * LINE_PITCH * size + CELL_ENDS;
  };
  let count = 0;
  let height = 0;
  while (count < rows.length && (count < KEPT_ROWS || height < least))
    height += rowHeight(rows[rows.length - ++count]!);
  return count;
}

/** A group of blocks read together (a goal over its strategies) and its height as estimated, pt. */
export interface BlockGroup {
  readonly blocks: readonly Block[];
  readonly height: number;
}

/** The height of `text` set in the body's size `width` wide: its lines as the engine breaks them, at their pitch. */
export function bodyTextHeight(text: string, width: number, bold: boolean, thaiDigits: boolean): number {
  const lines = wrapText(printed(text, thaiDigits), width - FIT_SLACK, { fontSize: BODY_SIZE, bold }).length;
  return Math.max(1, lines) * LINE_PITCH * BODY_SIZE;
}

/**
 * Groups of blocks on portrait pages that end where the page turns (the last strategies before the landscape
 * project table), their last groups kept together as tailRows keeps a table's: as many as fill TAIL_SHARE of the
 * page, so that the page before the turn never holds a sliver of them (the large plan's last two goals and their
 * strategies were left 19 % of a page). Heights as the caller estimates them (bodyTextHeight).
 */
export function withKeptTail(groups: readonly BlockGroup[]): Block[] {
  let kept = 0;
  let height = 0;
  while (kept < groups.length && height < TAIL_SHARE * PORTRAIT_BODY) height += groups[groups.length - ++kept]!.height;
  const split = groups.length - kept;
  const free = groups.slice(0, split).flatMap((g) => g.blocks);
  return kept === 0 ? free : [...free, { stack: groups.slice(split).flatMap((g) => g.blocks), unbreakable: true }];
}

/**
 * The rows of a table as they may be split over pages: its first KEPT_ROWS rows stay with its head (and so its
 * caption) and its last `tail` rows together (tailRows), so that no page holds one or two of its rows, a total
 * row never stands alone and no page a sliver of the table's end; a table whose first and last rows kept meet
 * moves to the next page whole (the sample's budget summary, four rows, was split two and two). Rows that
 * already keep with the next (a goal over its KPIs) keep doing so.
 */
function withKeptRows(rows: readonly (readonly Cell[])[], tail: number): (readonly Cell[])[] {
  const n = rows.length;
  // With no row between the first rows kept and the last, the one break left would fall right under the head's
  // rows, which pdfmake keeps with the head as one block: the engine cannot ask for it (pagination.ts).
  const whole = n <= KEPT_ROWS + tail;
  return rows.map((row, r) => (r < n - 1 && (whole || r < KEPT_ROWS - 1 || r >= n - tail) ? keptWithNext(row) : row));
}

/**
 * The plan years in the fewest runs of consecutive years for which `fits` holds, as even as can be (5 years
 * in 3 and 2): a table too wide for its page at a readable size is printed as several, each over some of the
 * years, rather than in smaller type. One year a run if nothing wider fits.
 */
export function yearRuns<T>(years: readonly T[], fits: (run: readonly T[], last: boolean) => boolean): T[][] {
  for (let count = 1; count <= years.length; count++) {
    const size = Math.ceil(years.length / count);
    const runs = Array.from({ length: Math.ceil(years.length / size) }, (_, k) =>
      years.slice(k * size, (k + 1) * size),
    );
    if (runs.every((run, k) => fits(run, k === runs.length - 1))) return runs;
  }
  return years.map((year) => [year]);
}

/** A table of rules only, no column heads: a framed box (the vision), the summary's issue tables. */
export function grid(
  widths: readonly (number | '*')[],
  rows: readonly (readonly Cell[])[],
  options: { readonly margin?: Margin; readonly dontBreakRows?: boolean } = {},
): TableNode {
  return { kind: 'table', variant: 'plain', widths, align: [], headRows: [], rows, ...options };
}

/** A row that names a group (a goal above its KPIs): one cell across the table, never left at a page's foot. */
export function groupRow(text: string, span: number): CellNode[] {
  return [
    { text, colSpan: span, style: 'tableGroup', alignment: 'left', keepWithNext: true },
    ...Array.from({ length: span - 1 }, () => ({ text: '' })),
  ];
}

/**
 * Charts print their text at the tables' size, a step below the body (core/charts draw their labels at 14
 * units): the width in its own units at which a chart drawn `printed` points wide does.
 */
export const chartUnitsFor = (printed: number): number => (printed * 14) / TABLE_SIZE;

/** A figure (chart) scaled to fit the text width, centred, with its numbered caption under it (captions.ts). */
export function figure(svg: string, caption: string, width = CONTENT_WIDTH): Block {
  return {
    // The caption is the figure's alternative text in the tagged PDF (structure.ts).
    stack: [{ svg, width: Math.min(width, CONTENT_WIDTH), alignment: 'center', alt: caption }, figureCaption(caption)],
    unbreakable: true,
    margin: [0, 6, 0, 10],
  };
}
