import type { Direction } from '../evaluation.ts';
import { FIXED_COLUMNS, parseKpiLines, type KpiColumn, type KpiLine, type PasteResult } from '../previousPlanPaste.ts';
import type { Row } from '../rows.ts';
import { columnCount, guessHeaderRows, headerTexts, yearIn, type SheetGrid } from './grid.ts';

/**
 * The previous plan's KPI table from a sheet of an .xlsx file (the evaluation wizard's import): which column
 * holds which of the paste's fields and which hold each year's target and result, guessed from the header
 * titles and changed by the user; then every data row goes through the paste's own rules
 * (core/previousPlanPaste.ts), so a row the paste would refuse is refused here, with its sheet and row.
 */

export interface KpiMapping {
  /** Rows at the top that are titles, not KPIs. */
  readonly headerRows: number;
  /** 0-based column of each field; null: not in the sheet (a missing weight is 0, a missing direction the default). */
  readonly columns: Readonly<Record<KpiColumn, number | null>>;
  /** Used where the sheet has no direction column: most previous plans' KPIs are higher-is-better. */
  readonly defaultDirection: Direction;
  readonly years: readonly { readonly year: number; readonly target: number | null; readonly actual: number | null }[];
}

/** Title patterns per field, most specific first ("ทิศทางของตัวชี้วัด" is the direction, not the KPI). */
const FIELD_TITLES: readonly [KpiColumn, RegExp][] = [
  ['direction', /ทิศทาง|direction/i],
  ['weight', /น้ำหนัก|weight/i],
  ['unit', /หน่วย|unit/i],
  ['issue', /ประเด็น|issue/i],
  ['goal', /เป้าประสงค์|goal/i],
  ['kpi', /ตัวชี้วัด|kpi|indicator/i],
];
const ACTUAL = /ผล|actual|result/i;
const TARGET = /เป้า|target/i;

export function guessKpiMapping(grid: SheetGrid, years: readonly number[]): KpiMapping {
  const headerRows = guessHeaderRows(grid, years);
  const titles = headerTexts(grid, headerRows);
  const columns: Record<KpiColumn, number | null> = {
    issue: null,
    goal: null,
    kpi: null,
    unit: null,
    direction: null,
    weight: null,
  };
  const perYear = new Map(
    years.map((year) => [year, { year, target: null as number | null, actual: null as number | null }]),
  );
  titles.forEach((title, c) => {
    const year = yearIn(title, years);
    if (year !== null) {
      const slot = perYear.get(year)!;
      // A result column says so; any other column of the year is its target, the first one found.
      if (ACTUAL.test(title) && !TARGET.test(title.replace(ACTUAL, ''))) slot.actual ??= c;
      else slot.target ??= c;
      return;
    }
    const field = FIELD_TITLES.find(([f, pattern]) => columns[f] === null && pattern.test(title));
    if (field) columns[field[0]] = c;
  });
  return { headerRows, columns, defaultDirection: 'higher', years: [...perYear.values()] };
}

/** The sheet's data rows in the paste's column order, numbered by their row in the sheet; blank rows left out. */
export function mappedLines(grid: SheetGrid, mapping: KpiMapping): KpiLine[] {
  const lines: KpiLine[] = [];
  const at = (row: readonly string[], column: number | null) => (column === null ? '' : (row[column] ?? ''));
  grid.rows.forEach((row, index) => {
    if (index < mapping.headerRows) return;
    const fixed = FIXED_COLUMNS.map((field) => at(row, mapping.columns[field]));
    const yearly = mapping.years.flatMap((y) => [at(row, y.target), at(row, y.actual)]);
    if ([...fixed, ...yearly].every((c) => c.trim() === '')) return;
    if (mapping.columns.direction === null) fixed[4] = mapping.defaultDirection;
    lines.push({ line: index + 1, cells: [...fixed, ...yearly] });
  });
  return lines;
}

/** The KPIs a sheet would add, and each refused row with its sheet, row and reason: the paste's rules. */
export function parseKpiSheet(
  grid: SheetGrid,
  mapping: KpiMapping,
  years: readonly number[],
  rows: readonly Row[],
): PasteResult {
  const wanted = mapping.years.map((y) => y.year);
  if (wanted.join() !== years.join()) throw new RangeError('the mapping is for other years than the plan');
  return parseKpiLines(mappedLines(grid, mapping), years, rows, { sheet: grid.name });
}

/** Column choices for the mapping step: each column's letter and title. */
export function columnChoices(grid: SheetGrid, headerRows: number): { index: number; title: string }[] {
  const titles = headerTexts(grid, headerRows);
  return Array.from({ length: columnCount(grid) }, (_, index) => ({ index, title: titles[index] ?? '' }));
}
