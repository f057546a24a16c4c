import ExcelJS from 'exceljs';
import type { XlsxBook, XlsxCell, XlsxSheet } from '../../core/xlsx/book.ts';

/**
 * Writes a workbook built in core (core/xlsx) with exceljs: values as numeric cells with their number formats
 * (never text that looks like a number), formulas with their computed results, merged header cells, frozen
 * header rows and leading columns, and an A4 print setup that repeats the header rows on every page and fits
 * the table's width to the page.
 *
 * exceljs: MIT, the most used .xlsx library on npm, reads and writes (the evaluation import reads with it,
 * read.ts). Its in-memory workbook is used rather than its streaming writer: the largest plan's tables (1,000
 * KPIs, 500 projects) are a few thousand rows, well within memory (`npm run bench` reports the figures).
 */

/** The official Thai font; where it is missing, Excel and LibreOffice fall back to another Thai font. */
const FONT = { name: 'TH SarabunPSK', size: 16 } as const;

function setCell(cell: ExcelJS.Cell, value: XlsxCell): void {
  if (value === null) return;
  if ('text' in value) {
    cell.value = value.text;
    // Text longer than its column (names past core's MAX_WIDTH) wraps instead of running under the next cell.
    cell.alignment = { wrapText: true, vertical: 'top' };
  } else {
    cell.value = 'number' in value ? value.number : { formula: value.formula, result: value.result };
    cell.numFmt = value.format;
    // Level with the first line of the row's wrapped names.
    cell.alignment = { vertical: 'top' };
  }
  cell.font = value.bold ? { ...FONT, bold: true } : FONT;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.headRows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${sheet.headRows}`,
      horizontalCentered: true,
    },
  });
  ws.columns = sheet.widths.map((width) => ({ width }));
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    row.height = sheet.heights[r] ?? row.height;
    cells.forEach((cell, c) => setCell(row.getCell(c + 1), cell));
  });
  for (let r = 1; r <= sheet.headRows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= sheet.widths.length; c++) {
      const cell = row.getCell(c);
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

/** The .xlsx file's bytes. */
export async function writeXlsx(book: XlsxBook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Phaen';
  workbook.title = book.title;
  for (const sheet of book.sheets) addSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
