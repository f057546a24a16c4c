import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '../../core/errors.ts';

/**
 * Reads an .xlsx file the user chose into the grids the import maps (SheetGrid, core/xlsx/grid.ts): every sheet, each
 * cell as the text a person sees in it, with a merged cell's text in every cell it covers (a title merged
 * over a year's target and result columns, an issue merged down its KPIs). Numbers come as plain digits (the
 * stored value, not the display format), formulas by their computed result.
 *
 * Refused whole, with a Thai message and the English detail for the log: a file that is not an .xlsx (or a
 * damaged, truncated or tampered one), and one too large to be a KPI table, before exceljs loads it (checkArchive).
 */

/** A previous plan's KPI table is a few hundred kB; this leaves room for images and formatting. */
export const MAX_XLSX_BYTES = 10_000_000;
/** Far beyond any plan's table (1,000 KPIs with 10 years of target and result is 26,000 cells). */
export const MAX_XLSX_CELLS = 500_000;
/**
 * The archive's entries unpacked, together. The largest plan's whole workbook (four sheets, 1,000 KPIs and 500
 * projects) unpacks to about 3 MB; a 10 MB archive can unpack to gigabytes (a zip bomb), which exceljs would
 * hold in memory at once.
 */
export const MAX_XLSX_UNPACKED = 100_000_000;

const notXlsx = (detail: string) => new AppError('invalid-file', detail, { _: 'xlsx.import.notXlsx' });
const tooLarge = (detail: string) => new AppError('file-too-large', detail, { _: 'xlsx.import.tooLarge' });

/** A cell element in a sheet's XML (<c r="A1">, <c/>, or with a namespace prefix such as <x:c>). */
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
/** Longer than any cell tag match: what a chunk keeps of the one before, so a tag split between them counts. */
const TAIL = 16;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Unpacks the archive as a stream, keeping nothing (a few kB at a time), and refuses it before exceljs loads it
 * whole: unpacked past MAX_XLSX_UNPACKED, or sheets with more than MAX_XLSX_CELLS cells (counted in their XML,
 * whatever the sheet's declared dimension says), or an entry that does not unpack (truncated, tampered with),
 * or no workbook part at all.
 */
function checkArchive(bytes: Uint8Array): void {
  const latin1 = new TextDecoder('latin1'); // the tags are ASCII; Thai text in between is never matched
  let unpacked = 0;
  let cells = 0;
  let workbook = false;
  // fflate hands an error thrown in ondata back to ondata: the first refusal is kept, and throwing stops the entry.
  let refusal: AppError | null = null;
  const refuse = (error: AppError): never => {
    refusal ??= error;
    throw refusal;
  };
  const unzip = new Unzip((file) => {
    if (file.name === 'xl/workbook.xml') workbook = true;
    const sheet = SHEET.test(file.name);
    let tail = '';
    file.ondata = (err, chunk) => {
      if (err) {
        refusal ??= notXlsx(`${file.name} does not unpack: ${err.message}`);
        return;
      }
      unpacked += chunk.length;
      if (unpacked > MAX_XLSX_UNPACKED) refuse(tooLarge(`unpacks to more than ${MAX_XLSX_UNPACKED} bytes`));
      if (!sheet) return;
      const text = tail + latin1.decode(chunk);
      // A tag counts in the chunk where it ends: one ending inside the kept tail was counted before.
      for (const m of text.matchAll(CELL_TAG)) if (m.index + m[0].length > tail.length) cells++;
      if (cells > MAX_XLSX_CELLS) refuse(tooLarge(`more than ${MAX_XLSX_CELLS} cells`));
      tail = text.slice(-TAIL);
    };
    if (refusal === null) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (err) {
    refusal ??= notXlsx(`the archive does not unpack: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (refusal) throw refusal;
  if (!workbook) throw notXlsx('no xl/workbook.xml in the archive');
}

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
  if (bytes.length > MAX_XLSX_BYTES) throw tooLarge(`${bytes.length} bytes, limit ${MAX_XLSX_BYTES}`);
  // Every .xlsx is a zip archive: anything else (a .xls, a CSV, a PDF renamed) is refused before parsing.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx('not a zip archive');
  checkArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer against older @types/node; the value is a plain Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (err) {
    throw notXlsx(`cannot read the workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (workbook.worksheets.length === 0) throw notXlsx('no worksheet');
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
      rows.push(texts);
    }
    return { name: ws.name, rows };
  });
}
