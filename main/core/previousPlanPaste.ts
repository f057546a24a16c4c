import type { NewRowInput } from './contract.ts';
import type { Direction } from './evaluation.ts';
import { formatTsv, parseNumberCell, parseTsv } from './paste.ts';
import { validateRowData, type Row } from './rows.ts';
import { fromThaiDigits } from './years.ts';

/**
 * A previous plan's KPI table pasted from Excel, one KPI a line, columns in this order (shown on screen):
 * issue, goal, KPI, unit, direction, weight, then target and actual for each year of the previous period.
 * Every line either becomes a KPI or is listed with its reason (an i18n key and values): none is dropped.
 * Issues and goals are matched by name to those already entered, so a paste adds to the plan, not beside it.
 */

/** The paste's leading columns, in order; a sheet's columns are mapped onto them (core/xlsx/kpiImport.ts). */
export const FIXED_COLUMNS = ['issue', 'goal', 'kpi', 'unit', 'direction', 'weight'] as const;
export type KpiColumn = (typeof FIXED_COLUMNS)[number];

export interface PastedKpi {
  /** 1-based line of the paste. */
  readonly line: number;
  readonly issue: string;
  readonly goal: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly weight: number;
  readonly years: readonly { year: number; target: number | null; actual: number | null }[];
}

export interface PasteProblem {
  /** 1-based line of the paste, or row of the sheet. */
  readonly line: number;
  /** The sheet's name, for lines read from a workbook. */
  readonly sheet?: string;
  /** i18n key under evaluation.paste.why. */
  readonly reason: string;
  readonly values?: Record<string, string | number>;
}

export interface PasteResult {
  readonly kpis: readonly PastedKpi[];
  readonly problems: readonly PasteProblem[];
}

const DIRECTION_WORDS: Record<string, Direction> = {
  สูงดี: 'higher',
  ค่าสูงดี: 'higher',
  มากดี: 'higher',
  higher: 'higher',
  'higher-is-better': 'higher',
  ต่ำดี: 'lower',
  ค่าต่ำดี: 'lower',
  น้อยดี: 'lower',
  lower: 'lower',
  'lower-is-better': 'lower',
};

function parseDirection(cell: string): Direction | null {
  return DIRECTION_WORDS[cell.trim().toLowerCase().replace(/\s+/g, '')] ?? null;
}

/** Names compare as people see them: trimmed, runs of spaces as one, one Unicode form. */
const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** "0.2", "๐.๒" or "20%" (a percent-formatted cell copies as "20%"); blank is 0, an unweighted KPI. */
function parseWeight(cell: string): { ok: true; value: number } | { ok: false } {
  const percent = /%\s*$/.test(fromThaiDigits(cell));
  const parsed = parseNumberCell(cell);
  if (!parsed.ok) return { ok: false };
  const value = parsed.value === null ? 0 : percent ? parsed.value / 100 : parsed.value;
  return value >= 0 && value <= 1 ? { ok: true, value } : { ok: false };
}

function parseLine(cells: readonly string[], line: number, years: readonly number[]): PastedKpi | PasteProblem {
  const expected = FIXED_COLUMNS.length + 2 * years.length;
  if (cells.length < FIXED_COLUMNS.length)
    return { line, reason: 'tooFewColumns', values: { count: cells.length, expected } };
  if (cells.length > expected) return { line, reason: 'tooManyColumns', values: { count: cells.length, expected } };
  const [issue, goal, name, unit, directionCell, weightCell] = cells.map(nameKey) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const [column, value] of [
    ['issue', issue],
    ['goal', goal],
    ['kpi', name],
    ['unit', unit],
  ] as const)
    if (value === '') return { line, reason: 'empty', values: { column } };
  const direction = parseDirection(directionCell);
  if (!direction) return { line, reason: 'direction', values: { cell: directionCell } };
  const weight = parseWeight(weightCell);
  if (!weight.ok) return { line, reason: 'weight', values: { cell: weightCell } };
  const tooLong = [
    ['issue', validateRowData('prevIssue', { name: issue }).name],
    ['goal', validateRowData('prevGoal', { name: goal }).name],
    ['kpi', validateRowData('prevKpi', { name }).name],
    ['unit', validateRowData('prevKpi', { unit }).unit],
  ].find(([, message]) => message !== undefined);
  if (tooLong) return { line, reason: 'tooLong', values: { column: tooLong[0]! } };
  const values: PastedKpi['years'][number][] = [];
  for (const [i, year] of years.entries()) {
    const parsed = (['target', 'actual'] as const).map((which, j) => {
      const cell = cells[FIXED_COLUMNS.length + 2 * i + j] ?? '';
      return { which, cell, result: parseNumberCell(cell) };
    });
    const bad = parsed.find((p) => !p.result.ok);
    if (bad) return { line, reason: 'number', values: { column: bad.which, year, cell: bad.cell.trim() } };
    const [target, actual] = parsed.map((p) => (p.result.ok ? p.result.value : null)) as [number | null, number | null];
    values.push({ year, target, actual });
  }
  return { line, issue, goal, name, unit, direction, weight: weight.value, years: values };
}

/**
 * Parse a paste against the plan's previous years and the rows already entered. A first line that reads as
 * column titles (its direction and weight are not values) is listed as a header, not as an error.
 */
export function parseKpiPaste(text: string, years: readonly number[], rows: readonly Row[]): PasteResult {
  return parseKpiLines(
    parseTsv(text).map((cells, index) => ({ line: index + 1, cells })),
    years,
    rows,
    { firstMayBeHeader: true },
  );
}

/** One line of a KPI table: its cells in the paste's column order and where it came from. */
export interface KpiLine {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The paste's rules for lines from anywhere (a paste, a sheet of an .xlsx file mapped to the paste's columns:
 * core/xlsx/kpiImport.ts): each line becomes a KPI or a problem with its reason, duplicates within the lines
 * and KPIs already entered under the same issue and goal are refused.
 */
export function parseKpiLines(
  lines: readonly KpiLine[],
  years: readonly number[],
  rows: readonly Row[],
  options: { readonly firstMayBeHeader?: boolean; readonly sheet?: string } = {},
): PasteResult {
  const kpis: PastedKpi[] = [];
  const problems: PasteProblem[] = [];
  const seen = new Map<string, number>();
  const existing = new Set(existingKpiKeys(rows));
  const where = options.sheet === undefined ? {} : { sheet: options.sheet };
  lines.forEach(({ cells, line }, index) => {
    const parsed = parseLine(cells, line, years);
    if ('reason' in parsed) {
      const header =
        options.firstMayBeHeader === true &&
        index === 0 &&
        !parseDirection(cells[4] ?? '') &&
        !parseWeight(cells[5] ?? '').ok;
      problems.push(header ? { line, reason: 'header', ...where } : { ...parsed, ...where });
      return;
    }
    const key = kpiKey(parsed.issue, parsed.goal, parsed.name);
    const first = seen.get(key);
    if (first !== undefined) return problems.push({ line, reason: 'duplicate', values: { first }, ...where });
    if (existing.has(key)) return problems.push({ line, reason: 'exists', values: { name: parsed.name }, ...where });
    seen.set(key, line);
    kpis.push(parsed);
  });
  return { kpis, problems };
}

const kpiKey = (issue: string, goal: string, kpi: string) => JSON.stringify([issue, goal, kpi].map(nameKey));

function existingKpiKeys(rows: readonly Row[]): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows
    .filter((r) => r.entity === 'prevKpi')
    .flatMap((kpi) => {
      const goal = byId.get(kpi.parentId ?? '');
      const issue = byId.get(goal?.parentId ?? '');
      return goal && issue ? [kpiKey(String(issue.data.name), String(goal.data.name), String(kpi.data.name))] : [];
    });
}

/**
 * The rows to create for parsed KPIs, parents before children, as one rows.create batch (one undo): issues
 * and goals reuse an existing row of the same name or are created once; year rows only where a value exists.
 * `newId` supplies fresh UUIDs (crypto.randomUUID in the renderer), so the batch can point at its own rows.
 */
export function pasteCreation(kpis: readonly PastedKpi[], rows: readonly Row[], newId: () => string): NewRowInput[] {
  const out: NewRowInput[] = [];
  const issues = new Map(
    rows.filter((r) => r.entity === 'prevIssue').map((r) => [nameKey(String(r.data.name)), r.id] as const),
  );
  const goals = new Map(
    rows
      .filter((r) => r.entity === 'prevGoal')
      .map((r) => [JSON.stringify([r.parentId, nameKey(String(r.data.name))]), r.id] as const),
  );
  const ensure = (map: Map<string, string>, key: string, make: (id: string) => NewRowInput): string => {
    const found = map.get(key);
    if (found) return found;
    const id = newId();
    map.set(key, id);
    out.push(make(id));
    return id;
  };
  for (const kpi of kpis) {
    const issueId = ensure(issues, kpi.issue, (id) => ({ entity: 'prevIssue', id, values: { name: kpi.issue } }));
    const goalId = ensure(goals, JSON.stringify([issueId, kpi.goal]), (id) => ({
      entity: 'prevGoal',
      id,
      parentId: issueId,
      values: { name: kpi.goal },
    }));
    const kpiId = newId();
    out.push({
      entity: 'prevKpi',
      id: kpiId,
      parentId: goalId,
      values: { name: kpi.name, unit: kpi.unit, direction: kpi.direction, weight: kpi.weight },
    });
    for (const y of kpi.years)
      if (y.target !== null || y.actual !== null)
        out.push({
          entity: 'prevKpiYear',
          parentId: kpiId,
          values: { year: y.year, target: y.target, actual: y.actual },
        });
  }
  return out;
}

/**
 * The lines of a paste that were not added (a header line excepted), as pasted text again: after the good
 * lines are added, these stay in the box with their reasons, to be fixed there instead of copied again.
 */
export function notAddedText(text: string, problems: readonly PasteProblem[]): string {
  const keep = new Set(problems.filter((p) => p.reason !== 'header').map((p) => p.line));
  return formatTsv(parseTsv(text).filter((_, index) => keep.has(index + 1)));
}
