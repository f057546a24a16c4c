import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';

/**
 * Reads an .xlsx file the user chose into the grids the import maps (SheetGrid, core/xlsx/grid.ts): every sheet, each
 * cell as the text a person sees in it, with a merged cell's text in every cell it covers (a title merged
 * over a year's target and result columns, an issue merged down its KPIs). Numbers come as plain digits (the
 * stored value, not the display format), formulas by their computed result.
 *
 * Refused whole, with a Thai message and the English detail for the log: a file that is not an .xlsx (or a
 * damaged one), and one too large to be a KPI table, before its content is unpacked into memory.
 */

/** A previous plan's KPI table is a few hundred kB; this leaves room for images and formatting. */
export const MAX_XLSX_BYTES = 10_000_000;
/** Far beyond any plan's table (1,000 KPIs with 10 years of target and result is 26,000 cells). */
export const MAX_XLSX_CELLS = 500_000;

const notXlsx = (detail: string) => new AppError('invalid-file', detail, { _: 'xlsx.import.notXlsx' });

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return typeof result === 'object' && result !== null && 'error' in result ? '' : cellText(result ?? null);
  }
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Mutable arrays: the grids go out through the IPC contract's schema as they are. */
export async function readXlsxGrids(bytes: Uint8Array): Promise<{ name: string; rows: string[][] }[]> {
  if (bytes.length > MAX_XLSX_BYTES)
    throw new AppError('file-too-large', `${bytes.length} bytes, limit ${MAX_XLSX_BYTES}`, {
      _: 'xlsx.import.tooLarge',
    });
  // Every .xlsx is a zip archive: anything else (a .xls, a CSV, a PDF renamed) is refused before parsing.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx('not a zip archive');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer against older @types/node; the value is a plain Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (err) {
    throw notXlsx(`cannot read the workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (workbook.worksheets.length === 0) throw notXlsx('no worksheet');
  let cells = 0;
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    const count = ws.rowCount;
    for (let r = 1; r <= count; r++) {
      const row = ws.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        texts.push(cellText(cell.isMerged ? cell.master.value : cell.value));
      }
      while (texts.length > 0 && texts.at(-1)!.trim() === '') texts.pop();
      cells += texts.length;
      if (cells > MAX_XLSX_CELLS)
        throw new AppError('file-too-large', `more than ${MAX_XLSX_CELLS} cells`, { _: 'xlsx.import.tooLarge' });
      rows.push(texts);
    }
    return { name: ws.name, rows };
  });
}
