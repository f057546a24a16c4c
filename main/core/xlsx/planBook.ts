import { budgetSummary } from '../planContent.ts';
import type { Translate } from '../pdf/options.ts';
import { num, planView, str, type PlanSource, type PlanView } from '../pdf/source.ts';
import { previousYears } from '../previousPlan.ts';
import type { Row } from '../rows.ts';
import { analyse, factorCodes, SIDE_LETTERS, toFactor, type Side } from '../swotPlan.ts';
import {
  TWO,
  amountCell,
  bahtCell,
  bahtFormat,
  columnLetter,
  columnWidths,
  rowHeights,
  sheetName,
  text,
  type XlsxBook,
  type XlsxCell,
  type XlsxMerge,
  type XlsxSheet,
} from './book.ts';

/**
 * The plan's tables for people who compute with them (issue 13): KPIs with baseline and a target per plan
 * year, projects with yearly budgets and their totals as formulas, the evaluation of the previous plan and
 * the SWOT factor tables. Built from the same plan view and numbering as the PDF (core/pdf/source.ts,
 * core/planContent.ts), so 1.1.1 is the same KPI on paper and in the sheet, listed in the same order.
 *
 * Every table is flat, one record a row, each row saying which goal and issue it belongs to: a sheet people
 * sort and filter, not a printed page. The evaluation sheet has the columns of the evaluation wizard's paste
 * in the same order, so it can be pasted or imported back.
 */

/** Two header rows: a group title spanning the year columns, and the years (B.E.) under it. */
const HEAD_ROWS = 2;

interface Column {
  readonly header: string;
  /** The header over a run of columns (the years); consecutive columns with the same group share one cell. */
  readonly group?: string;
  readonly cell: (row: Row, index: number) => XlsxCell;
}

/** Two header rows from the columns: a column without a group spans both rows, a group spans its columns. */
function header(columns: readonly Column[]): { rows: XlsxCell[][]; merges: XlsxMerge[] } {
  const top: XlsxCell[] = [];
  const bottom: XlsxCell[] = [];
  const merges: XlsxMerge[] = [];
  columns.forEach((c, i) => {
    const col = i + 1;
    if (c.group === undefined) {
      top.push(text(c.header, true));
      bottom.push(null);
      merges.push({ top: 1, left: col, bottom: 2, right: col });
      return;
    }
    bottom.push(text(c.header, true));
    if (columns[i - 1]?.group === c.group) top.push(null);
    else {
      let right = col;
      while (columns[right]?.group === c.group) right++;
      top.push(text(c.group, true));
      if (right > col) merges.push({ top: 1, left: col, bottom: 1, right });
    }
  });
  return { rows: [top, bottom], merges };
}

/** What A4 portrait holds across at print scale, in Excel's width units; a wider table turns the page. */
const PORTRAIT_WIDTH = 90;

function sheet(
  name: string,
  columns: readonly Column[],
  records: readonly Row[],
  options: { frozenColumns: number; extraRows?: XlsxCell[][] },
): XlsxSheet {
  const head = header(columns);
  const rows = [...head.rows, ...records.map((r, i) => columns.map((c) => c.cell(r, i))), ...(options.extraRows ?? [])];
  const widths = columnWidths(rows, head.merges);
  return {
    heights: rowHeights(rows, widths, head.merges),
    name: sheetName(name),
    headRows: HEAD_ROWS,
    frozenColumns: options.frozenColumns,
    rows,
    merges: head.merges,
    widths,
    landscape: widths.reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH,
  };
}

/** "1.1 name": a row by its number in the plan (planContent.numbering), as the PDF lists it. */
const nameOf = (row: Row | undefined) => (row ? str(row, 'name') : '');
const numbered = (view: PlanView, row: Row | undefined) =>
  row ? `${view.numbers.get(row.id) ?? ''} ${str(row, 'name')}`.trim() : '';

/** The row `levels` up the tree (a KPI's goal: 1, its issue: 2), or undefined where a parent is missing. */
function ancestorOf(view: PlanView): (row: Row, levels: number) => Row | undefined {
  const byId = new Map(view.rows.map((r) => [r.id, r]));
  return (row, levels) => {
    let current: Row | undefined = row;
    for (let i = 0; i < levels && current; i++)
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    return current;
  };
}

function kpiSheet(t: Translate, view: PlanView): XlsxSheet {
  const up = ancestorOf(view);
  const targets = new Map(view.all('kpiTarget').map((r) => [`${r.parentId}|${String(r.data.year)}`, r]));
  const columns: Column[] = [
    { header: t('xlsx.column.number'), cell: (k) => text(view.numbers.get(k.id) ?? '') },
    { header: t('glossary.kpi'), cell: (k) => text(str(k, 'name')) },
    { header: t('xlsx.column.unit'), cell: (k) => text(str(k, 'unit')) },
    { header: t('xlsx.column.baseline'), cell: (k) => amountCell(num(k, 'baselineValue')) },
    {
      header: t('xlsx.column.baselineYear'),
      cell: (k) => {
        const year = num(k, 'baselineYear');
        return year === null ? null : { number: year, format: '0' };
      },
    },
    ...view.years.map((year): Column => ({
      header: String(year),
      group: t('xlsx.column.targets'),
      cell: (k) => amountCell(num(targets.get(`${k.id}|${year}`), 'target')),
    })),
    { header: t('xlsx.column.periodTarget'), cell: (k) => amountCell(num(k, 'periodTarget')) },
    { header: t('xlsx.column.responsible'), cell: (k) => text(str(k, 'responsibleUnit')) },
    { header: t('glossary.goal'), cell: (k) => text(numbered(view, up(k, 1))) },
    { header: t('glossary.strategicIssue'), cell: (k) => text(numbered(view, up(k, 2))) },
  ];
  return sheet(t('xlsx.sheet.kpis'), columns, view.all('kpi'), { frozenColumns: 2 });
}

function projectSheet(t: Translate, view: PlanView): XlsxSheet {
  const up = ancestorOf(view);
  const projects = view.all('project');
  const budgets = new Map(view.all('projectBudget').map((r) => [`${r.parentId}|${String(r.data.year)}`, r]));
  const sums = budgetSummary(view.rows, view.plan);
  const years = view.years;
  const lead = 4;
  const first = HEAD_ROWS + 1;
  const last = HEAD_ROWS + projects.length;
  // The row's total sums its year cells, the bottom row each column: a budget changed in Excel adds up there.
  const yearRange = (row: number) => `${columnLetter(lead + 1)}${row}:${columnLetter(lead + years.length)}${row}`;
  const columns: Column[] = [
    { header: t('xlsx.column.number'), cell: (p) => text(view.numbers.get(p.id) ?? '') },
    {
      header: t('xlsx.column.project'),
      cell: (p) => text(`${str(p, 'name')}${p.data.kind === 'programme' ? ` (${t('xlsx.programme')})` : ''}`),
    },
    { header: t('xlsx.column.responsible'), cell: (p) => text(str(p, 'responsibleUnit')) },
    { header: t('xlsx.column.supporting'), cell: (p) => text(str(p, 'supportingUnits')) },
    ...years.map((year): Column => ({
      header: String(year),
      group: t('xlsx.column.budgets'),
      cell: (p) => bahtCell(num(budgets.get(`${p.id}|${year}`), 'amount')),
    })),
    {
      header: t('xlsx.column.total'),
      cell: (p, i) => {
        const result = sums.byProject.get(p.id) ?? 0;
        return { formula: `SUM(${yearRange(first + i)})`, result, format: bahtFormat(result), bold: true };
      },
    },
    { header: t('glossary.strategy'), cell: (p) => text(numbered(view, up(p, 1))) },
    {
      header: t('glossary.strategicIssue'),
      cell: (p) => text(numbered(view, up(p, 3))),
    },
  ];
  const total: XlsxCell[] =
    projects.length === 0
      ? []
      : [
          null,
          text(t('xlsx.grandTotal'), true),
          null,
          null,
          ...[...years.map((y) => sums.byYear.get(y) ?? 0), sums.total].map((result, i): XlsxCell => {
            const col = columnLetter(lead + 1 + i);
            return { formula: `SUM(${col}${first}:${col}${last})`, result, format: bahtFormat(result), bold: true };
          }),
        ];
  return sheet(t('xlsx.sheet.projects'), columns, projects, {
    frozenColumns: 2,
    extraRows: total.length ? [total] : [],
  });
}

/**
 * The previous plan's KPIs with target and result per year, in the evaluation paste's column order (issue,
 * goal, KPI, unit, direction, weight, then target and result per year: core/previousPlanPaste.ts).
 */
function evaluationSheet(t: Translate, view: PlanView): XlsxSheet | null {
  const years = previousYears(view.plan);
  const kpis = view.all('prevKpi');
  if (years.length === 0 || kpis.length === 0) return null;
  const up = ancestorOf(view);
  const results = new Map(view.all('prevKpiYear').map((r) => [`${r.parentId}|${String(r.data.year)}`, r]));
  const columns: Column[] = [
    { header: t('glossary.strategicIssue'), cell: (k) => text(nameOf(up(k, 2))) },
    { header: t('glossary.goal'), cell: (k) => text(nameOf(up(k, 1))) },
    { header: t('glossary.kpi'), cell: (k) => text(str(k, 'name')) },
    { header: t('xlsx.column.unit'), cell: (k) => text(str(k, 'unit')) },
    {
      header: t('xlsx.column.direction'),
      cell: (k) => text(t(`xlsx.direction.${k.data.direction === 'lower' ? 'lower' : 'higher'}`)),
    },
    { header: t('xlsx.column.weight'), cell: (k) => ({ number: num(k, 'weight') ?? 0, format: TWO }) },
    ...years.flatMap((year): Column[] =>
      (['target', 'actual'] as const).map((which) => ({
        header: t(`xlsx.column.${which}`),
        group: t('xlsx.column.year', { year }),
        cell: (k) => amountCell(num(results.get(`${k.id}|${year}`), which)),
      })),
    ),
  ];
  return sheet(t('xlsx.sheet.evaluation'), columns, kpis, { frozenColumns: 3 });
}

/** One side of the SWOT: each letter's factors with weight, rating and score (a formula), then the letter's sums. */
function factorSheet(t: Translate, view: PlanView, side: Side): XlsxSheet | null {
  const options = view.single('planOptions');
  const analysis = analyse(
    view.all('factor').map((row) => toFactor(row)),
    options,
  );
  const letters = SIDE_LETTERS[side];
  if (letters.every((l) => analysis.factors[l].length === 0)) return null;
  const codes = factorCodes(analysis);
  const framework = side === 'internal' ? options.internalFramework : options.externalFramework;
  const rows: XlsxCell[][] = [
    [
      t('xlsx.column.code'),
      t('swot.weights.factor'),
      t('xlsx.column.category'),
      t('xlsx.column.weight'),
      t('xlsx.column.rating'),
      t('swot.weights.score'),
    ].map((h) => text(h, true)),
  ];
  const merges: XlsxMerge[] = [];
  for (const letter of letters) {
    const factors = analysis.factors[letter];
    if (factors.length === 0) continue;
    rows.push([text(t(`swot.letter.${letter}`), true)]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 6 });
    const first = rows.length + 1;
    for (const f of factors) {
      const r = rows.length + 1;
      rows.push([
        text(codes.get(f.id) ?? ''),
        text(f.statement),
        text(t(`pdf.doc.situation.category.${framework}.${f.group}`)),
        { number: f.weight, format: TWO },
        { number: f.rating, format: TWO },
        { formula: `D${r}*E${r}`, result: f.score, format: TWO },
      ]);
    }
    const last = rows.length;
    const weight = factors.reduce((s, f) => s + f.weight, 0);
    rows.push([
      null,
      text(t('xlsx.letterTotal', { letter: t(`swot.letter.${letter}`) }), true),
      null,
      { formula: `SUM(D${first}:D${last})`, result: weight, format: TWO, bold: true },
      null,
      { formula: `SUM(F${first}:F${last})`, result: analysis.scores[letter], format: TWO, bold: true },
    ]);
  }
  const widths = columnWidths(rows, merges);
  return {
    heights: rowHeights(rows, widths, merges),
    name: sheetName(t(`xlsx.sheet.${side}`)),
    headRows: 1,
    frozenColumns: 0,
    rows,
    merges,
    widths,
    landscape: false,
  };
}

export function planBook(source: PlanSource, t: Translate): XlsxBook {
  const view = planView(source);
  const sheets = [
    kpiSheet(t, view),
    projectSheet(t, view),
    evaluationSheet(t, view),
    factorSheet(t, view, 'internal'),
    factorSheet(t, view, 'external'),
  ].filter((s): s is XlsxSheet => s !== null);
  return { title: source.plan.title, sheets };
}
