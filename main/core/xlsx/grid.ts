import { fromThaiDigits } from '../years.ts';

/**
 * A sheet as the import sees it: its name and its rows of cell text, row 1 first, as services/xlsx/read.ts
 * reads them (a merged cell's text in every cell it covers, numbers as plain digits, formulas by their result).
 * The column mapping and the rules that follow are pure, so they are tested without a file.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

/** How many columns the sheet uses. */
export const columnCount = (grid: SheetGrid) => Math.max(0, ...grid.rows.map((r) => r.length));

/**
 * Each column's title: the texts of the header rows above it, top down, repeats dropped (a title merged
 * over two rows reads once), so "พ.ศ. 2566" merged over a target and a result column reads "พ.ศ. 2566
 * เป้าหมาย" and "พ.ศ. 2566 ผล".
 */
export function headerTexts(grid: SheetGrid, headerRows: number): string[] {
  const titles = grid.rows.slice(0, headerRows).filter((row) => !isCaption(row));
  return Array.from({ length: columnCount(grid) }, (_, c) => {
    const parts: string[] = [];
    for (const row of titles) {
      const text = (row[c] ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '' && parts.at(-1) !== text) parts.push(text);
    }
    return parts.join(' ');
  });
}

/**
 * A table's caption above its headers ("ตารางที่ ๑ ผลการดำเนินงาน พ.ศ. ๒๕๖๓–๒๕๖๕") merged across the table: the
 * same text in every cell it covers. It titles no column in particular, and its years and words would
 * otherwise read as every column's.
 */
function isCaption(row: readonly string[]): boolean {
  const cells = row.map((c) => c.trim()).filter((c) => c !== '');
  return cells.length >= 3 && cells.every((c) => c === cells[0]);
}

/** Words that head columns of a KPI table, in Thai and English: a cell that is one of them is a title. */
const TITLE_WORDS =
  /^(ที่|ลำดับ|ลำดับที่|เลขที่|ประเด็นยุทธศาสตร์|ประเด็น|เป้าประสงค์|ตัวชี้วัด|หน่วยนับ|หน่วย|ทิศทาง|ทิศทางของค่า|น้ำหนัก|ค่าฐาน|ปีฐาน|ค่าเป้าหมาย|เป้าหมาย|ผล|ผลการดำเนินงาน|ผลการดำเนินการ|no|issue|goal|kpi|unit|direction|weight|baseline|target|targets|actual|result|results)$/i;

/** A cell's text without digits, years, "พ.ศ.", "ปี" and punctuation: what is left of "เป้าหมาย ปี ๒๕๖๖". */
function titleWord(cell: string): string {
  return fromThaiDigits(cell)
    .replace(/พ\.ศ\.|B\.E\.|ปี|year/gi, ' ')
    .replace(/[\d.,:()%/\-–]+/g, ' ')
    .replace(/\s+/g, '')
    .trim();
}

/** The B.E. year a title names among `years` ("ผล ๒๕๖๖", "2566", "พ.ศ. 2566 เป้าหมาย"), or null. */
export function yearIn(title: string, years: readonly number[]): number | null {
  for (const match of fromThaiDigits(title).matchAll(/\d{4}/g)) {
    const year = Number(match[0]);
    if (years.includes(year)) return year;
  }
  return null;
}

/** The first rows that read as titles: a title word in some cell, or nothing but years of the period. */
export function guessHeaderRows(grid: SheetGrid, years: readonly number[]): number {
  let rows = 0;
  grid.rows.slice(0, 10).forEach((row, i) => {
    const cells = row.map((c) => c.trim()).filter((c) => c !== '');
    const titled = cells.some((c) => TITLE_WORDS.test(titleWord(c)));
    const yearsOnly =
      cells.length > 0 && cells.every((c) => /^\D*\d{4}\D*$/.test(fromThaiDigits(c)) && yearIn(c, years) !== null);
    if (titled || yearsOnly) rows = i + 1;
  });
  return rows;
}
