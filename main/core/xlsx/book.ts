import { textWidth, wrapText } from '../charts/textWidth.ts';

/**
 * A workbook as data: sheets of cells with their number formats, formulas, merged cells, frozen header rows,
 * column widths and print setup. Core builds it from the plan (planBook.ts); services/xlsx writes it with
 * exceljs. Pure, so the tables are tested without a file and no chapter logic lives in the writer.
 */

export type XlsxCell =
  | null
  | { readonly text: string; readonly bold?: boolean }
  | { readonly number: number; readonly format: string; readonly bold?: boolean }
  /** `result`: the value Excel would compute, stored with the formula so readers that do not calculate see it. */
  | { readonly formula: string; readonly result: number; readonly format: string; readonly bold?: boolean };

export interface XlsxMerge {
  /** 1-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface XlsxSheet {
  readonly name: string;
  /** Header rows at the top, frozen and repeated on every printed page. */
  readonly headRows: number;
  /** Columns kept in view when scrolling right (the KPI's number and name). */
  readonly frozenColumns: number;
  readonly rows: readonly (readonly XlsxCell[])[];
  readonly merges: readonly XlsxMerge[];
  /** In Excel's unit: widths of the digit 0 in the workbook's default font. */
  readonly widths: readonly number[];
  /** Row heights in points, tall enough for the lines wrapped text takes (rowHeights). */
  readonly heights: readonly number[];
  readonly landscape: boolean;
}

export interface XlsxBook {
  readonly title: string;
  readonly sheets: readonly XlsxSheet[];
}

/**
 * Number formats as the PDF prints numbers (core/pdf/format.ts): quantities show the decimals they have (at
 * most two), money is whole baht without decimals and any satang as two digits; weights and scores two decimals.
 */
export const WHOLE = '#,##0';
export const SATANG = '#,##0.00';
export const TWO = '0.00';

export function amountFormat(value: number): string {
  const hundredths = Math.round(value * 100);
  if (hundredths % 100 === 0) return WHOLE;
  return hundredths % 10 === 0 ? '#,##0.0' : SATANG;
}

export function bahtFormat(value: number): string {
  return Math.round(value * 100) % 100 === 0 ? WHOLE : SATANG;
}

export const text = (value: string, bold = false): XlsxCell =>
  value === '' ? null : bold ? { text: value, bold } : { text: value };
export const amountCell = (value: number | null, bold = false): XlsxCell =>
  value === null ? null : { number: value, format: amountFormat(value), ...(bold ? { bold } : {}) };
export const bahtCell = (value: number | null, bold = false): XlsxCell =>
  value === null ? null : { number: value, format: bahtFormat(value), ...(bold ? { bold } : {}) };

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise), unique in the
 * book. Thai names fit; the cut is a fallback for translations.
 */
export function sheetName(name: string): string {
  return name
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
}

/**
 * Text in the cells' font (TH SarabunPSK 16 pt looks as large as Sarabun 10.9 pt, README), measured with
 * Sarabun's own advance widths (charts/textWidth.ts), in Excel's width unit: the 0 of Calibri 11, 7 px.
 */
const CELL_FONT_PX = (10.9 * 96) / 72;
const EXCEL_UNIT_PX = 7;
/** Longer text wraps inside its column rather than widening it past a screen. */
export const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
const FALLBACK_SLACK = 1.1;

export function fittedWidth(texts: readonly string[], max = MAX_WIDTH): number {
  let widest = 0;
  for (const t of texts)
    for (const line of t.split('\n')) widest = Math.max(widest, textWidth(line, { fontSize: CELL_FONT_PX }));
  // Two units of padding: Excel's cell margins and the bold of totals.
  // A tenth more than Sarabun needs: where TH SarabunPSK is not installed, the Thai font standing in is wider.
  const width = Math.min(max, Math.max(MIN_WIDTH, Math.ceil((widest * FALLBACK_SLACK) / EXCEL_UNIT_PX) + 2));
  // exceljs leaves out a column 9 wide (its own default), which Excel then shows at its 8.43.
  return width === 9 ? 9.5 : width;
}

/** What a cell shows, for measuring: numbers with separators as their format draws them. */
function shown(cell: XlsxCell): string {
  if (cell === null) return '';
  if ('text' in cell) return cell.text;
  const value = 'number' in cell ? cell.number : cell.result;
  const decimals = cell.format.endsWith('.00') ? 2 : cell.format.endsWith('.0') ? 1 : 0;
  return DECIMALS[decimals]!.format(value);
}

/** Made once: toLocaleString builds a formatter per call, a second for a 1,000-KPI plan's figures. */
const DECIMALS = [0, 1, 2].map(
  (n) => new Intl.NumberFormat('en-US', { minimumFractionDigits: n, maximumFractionDigits: n }),
);

/**
 * Each column as wide as its widest cell (header cells spanning several columns do not count), text past
 * MAX_WIDTH wrapping: what a person would do by double-clicking each column border.
 */
export function columnWidths(rows: readonly (readonly XlsxCell[])[], merges: readonly XlsxMerge[]): number[] {
  const spanned = new Set<string>();
  for (const m of merges)
    if (m.right > m.left)
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) spanned.add(`${r}:${c}`);
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) =>
    fittedWidth(rows.flatMap((row, r) => (spanned.has(`${r + 1}:${c + 1}`) ? [] : [shown(row[c] ?? null)]))),
  );
}

/** One line of 16 pt TH SarabunPSK (or the Thai font standing in for it) with its leading, in points. */
const LINE_PT = 24;
/** Excel's cell padding, left and right together, in px. */
const CELL_PADDING_PX = 10;

/**
 * Each row as tall as its most wrapped cell: Excel and LibreOffice keep the height a file gives (exceljs
 * writes one), so a row left at the default would show one line of a long KPI name over the next row. Lines
 * are counted by core's own Thai wrapping (charts/textWidth.ts), as the columns were measured.
 */
export function rowHeights(
  rows: readonly (readonly XlsxCell[])[],
  widths: readonly number[],
  merges: readonly XlsxMerge[],
): number[] {
  const spanned = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) spanned.add(`${r}:${c}`);
  return rows.map((row, r) => {
    let lines = 1;
    row.forEach((cell, c) => {
      if (cell === null || !('text' in cell) || spanned.has(`${r + 1}:${c + 1}`)) return;
      const room = ((widths[c] ?? MIN_WIDTH) * EXCEL_UNIT_PX - CELL_PADDING_PX) / FALLBACK_SLACK;
      const count = cell.text
        .split('\n')
        .reduce(
          (n, part) =>
            n +
            (textWidth(part, { fontSize: CELL_FONT_PX }) <= room
              ? 1
              : wrapText(part, room, { fontSize: CELL_FONT_PX }).length),
          0,
        );
      lines = Math.max(lines, count);
    });
    return lines * LINE_PT;
  });
}
