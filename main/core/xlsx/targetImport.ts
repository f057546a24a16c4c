import type { NewRowInput } from '../contract.ts';
import { parseNumberCell } from '../paste.ts';
import { planView, type PlanHeader } from '../pdf/source.ts';
import type { Row } from '../rows.ts';
import { scoringConfig } from '../swotPlan.ts';
import { checkField } from '../validity.ts';
import { fromThaiDigits } from '../years.ts';
import { guessHeaderRows, headerTexts, yearIn, type SheetGrid } from './grid.ts';

/**
 * The KPI sheet of an exported workbook (planBook.ts), edited in Excel or LibreOffice and brought back: each
 * row's KPI found by its number (1.1.1, the plan's own numbering), each year's target read from its column
 * and checked by the rule an edit of that target meets (core/validity.ts: the KPI's unit, the plan's years).
 * What would change is listed before → after for the user to confirm; a row with any refused value changes
 * nothing, and is listed with its sheet, row and reason.
 */

export interface TargetMapping {
  readonly headerRows: number;
  /** 0-based column of the KPI's number. */
  readonly number: number | null;
  readonly years: readonly { readonly year: number; readonly column: number | null }[];
}

export interface TargetChange {
  readonly kpiId: string;
  readonly number: string;
  readonly name: string;
  readonly year: number;
  readonly before: number | null;
  readonly after: number | null;
}

export interface TargetProblem {
  readonly sheet: string;
  readonly line: number;
  /** i18n key under xlsx.targets.why, or a validity message key (goals.notInUnit.percent …) with `rule`. */
  readonly reason: string;
  readonly values?: Record<string, string | number>;
}

const NUMBER = /^\d+(\.\d+)*$/;
const NUMBER_TITLE = /^(ที่|ลำดับ|ลำดับที่|เลขที่|no\.?)$/i;
const RESULT = /ผล|actual|result/i;

export function guessTargetMapping(grid: SheetGrid, years: readonly number[]): TargetMapping {
  const headerRows = guessHeaderRows(grid, years);
  const titles = headerTexts(grid, headerRows);
  const data = grid.rows.slice(headerRows);
  const numbered = (c: number) =>
    data.filter((r) => NUMBER.test(fromThaiDigits(r[c] ?? '').trim())).length > data.length / 2;
  const byTitle = titles.findIndex((t) => NUMBER_TITLE.test(t.trim()));
  const byData = titles.findIndex((_, c) => numbered(c));
  const number = byTitle >= 0 ? byTitle : byData >= 0 ? byData : null;
  return {
    headerRows,
    number,
    years: years.map((year) => {
      const column = titles.findIndex((t) => yearIn(t, [year]) !== null && !RESULT.test(t));
      return { year, column: column >= 0 ? column : null };
    }),
  };
}

export interface TargetImport {
  readonly changes: readonly TargetChange[];
  readonly problems: readonly TargetProblem[];
  /** KPIs found whose targets are as in the plan already. */
  readonly unchanged: number;
}

export function targetChanges(
  grid: SheetGrid,
  mapping: TargetMapping,
  source: { readonly plan: PlanHeader; readonly rows: readonly Row[] },
): TargetImport {
  const view = planView({ ...source, catalogs: [] });
  const kpiByNumber = new Map(view.all('kpi').map((k) => [view.numbers.get(k.id) ?? '', k]));
  const scale = scoringConfig(view.single('planOptions'));
  const changes: TargetChange[] = [];
  const problems: TargetProblem[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  grid.rows.forEach((row, index) => {
    if (index < mapping.headerRows || row.every((c) => c.trim() === '')) return;
    const line = index + 1;
    const refuse = (reason: string, values?: Record<string, string | number>) =>
      problems.push({ sheet: grid.name, line, reason, ...(values ? { values } : {}) });
    const number = fromThaiDigits(mapping.number === null ? '' : (row[mapping.number] ?? '')).trim();
    if (number === '') return refuse('noNumber');
    const kpi = kpiByNumber.get(number);
    if (!kpi) return refuse('unknownKpi', { number });
    const first = seen.get(number);
    if (first !== undefined) return refuse('duplicate', { first });
    seen.set(number, line);
    const targets = view.children('kpiTarget', kpi.id);
    const rowChanges: TargetChange[] = [];
    for (const { year, column } of mapping.years) {
      if (column === null) continue;
      const cell = row[column] ?? '';
      const parsed = parseNumberCell(cell);
      if (!parsed.ok) return refuse('number', { year, cell: cell.trim() });
      const after = parsed.value;
      const checked = checkField('kpiTarget', 'target', after, {
        plan: view.plan,
        scale,
        parent: kpi.data,
        row: { year, target: after },
        // A target's rules never compare it with its siblings (only an office's code is unique among them).
        siblings: () => [],
      });
      if (!checked.ok) return refuse('rule', { year, cell: cell.trim(), rule: checked.message });
      const stored = targets.find((t) => t.data.year === year)?.data.target;
      const before = typeof stored === 'number' ? stored : null;
      if (before !== after)
        rowChanges.push({ kpiId: kpi.id, number, name: String(kpi.data.name), year, before, after });
    }
    if (rowChanges.length === 0) unchanged++;
    changes.push(...rowChanges);
  });
  return { changes, problems, unchanged };
}

/**
 * The changes as one rows.create batch: a KPI's target row has a fixed id per year (core/rows.ts), so an
 * existing one is updated and a missing one created, all in one undoable action.
 */
export function targetCreation(changes: readonly TargetChange[]): NewRowInput[] {
  return changes.map((c) => ({
    entity: 'kpiTarget',
    parentId: c.kpiId,
    values: { year: c.year, target: c.after },
  }));
}
