import type { LevelThresholds } from './evaluation.ts';
import {
  disbursementPercent,
  sumEntered,
  effectiveMode,
  kpiProgress,
  QUARTERS,
  type KpiProgress,
  type ProgressStatus,
  type Quarter,
} from './monitoring.ts';
import { numbering } from './planContent.ts';
import type { Row, RowData } from './rows.ts';

/**
 * One adopted plan's monitoring in one fiscal year, from its rows: per KPI (in the plan's order, numbered as
 * printed) the year's target, the four quarters' figures, the status last reported and where the year stands.
 * Pure, so the dashboard, the progress report and the tests compute the same figures.
 */

export interface KpiStanding {
  readonly kpiId: string;
  /** 1.1.1 */
  readonly number: string;
  readonly name: string;
  readonly unit: string;
  /** The office the plan names as responsible (as written). */
  readonly responsibleUnit: string;
  readonly target: number | null;
  /** Quarters 1–4; null: not reported. */
  readonly quarters: readonly (number | null)[];
  /** The status of the latest quarter that has one. */
  readonly status: ProgressStatus | null;
  /** Whether the office entered anything (a figure, a status, a narrative) for a quarter counted. */
  readonly reported: boolean;
  readonly progress: KpiProgress;
}

/**
 * The rows a monitoring year is read from, indexed in one pass: the plan's issues, goals, KPIs and projects in
 * printed order with their numbers, and every target, budget and quarter under its KPI or project. The dashboard
 * and the report build it once and read a period and its 20-quarter trend from it, instead of walking every row
 * of the plan per period, issue or office.
 */
export interface MonitoringRows {
  readonly numbers: ReadonlyMap<string, string>;
  /** In the plan's order, with their numbers. */
  readonly issues: readonly (readonly [Row, string])[];
  readonly goals: readonly (readonly [Row, string])[];
  readonly kpis: readonly (readonly [Row, string])[];
  readonly projects: readonly (readonly [Row, string])[];
  /** kpiTarget, projectBudget, kpiQuarter and projectQuarter rows by their KPI's or project's id, then year. */
  readonly yearly: ReadonlyMap<string, ReadonlyMap<unknown, readonly Row[]>>;
}

const YEARLY = new Set<Row['entity']>(['kpiTarget', 'projectBudget', 'kpiQuarter', 'projectQuarter']);
const ORDERED = new Set<Row['entity']>(['strategicIssue', 'goal', 'kpi', 'project']);

export function monitoringRows(rows: readonly Row[]): MonitoringRows {
  const numbers = numbering(rows);
  const byId = new Map<string, Row>();
  const yearly = new Map<string, Map<unknown, Row[]>>();
  for (const row of rows) {
    if (ORDERED.has(row.entity)) byId.set(row.id, row);
    else if (YEARLY.has(row.entity) && row.parentId !== null) {
      let years = yearly.get(row.parentId);
      if (!years) yearly.set(row.parentId, (years = new Map()));
      const list = years.get(row.data.year);
      if (list) list.push(row);
      else years.set(row.data.year, [row]);
    }
  }
  // The numbering lists rows top down (issue, goal, its KPIs …): the order the plan prints them in.
  const ordered = { strategicIssue: [], goal: [], kpi: [], project: [] } as Record<string, (readonly [Row, string])[]>;
  for (const [id, number] of numbers) {
    const row = byId.get(id);
    if (row) ordered[row.entity]!.push([row, number]);
  }
  return {
    numbers,
    issues: ordered.strategicIssue!,
    goals: ordered.goal!,
    kpis: ordered.kpi!,
    projects: ordered.project!,
    yearly,
  };
}

/** The index of the rows (built once), or the index given. */
export const asIndex = (rows: readonly Row[] | MonitoringRows): MonitoringRows =>
  Array.isArray(rows) ? monitoringRows(rows) : (rows as MonitoringRows);

/** A KPI's or project's rows of one entity in a year; quarters only up to `through` when given. */
function yearRows(index: MonitoringRows, id: string, year: number, entity: Row['entity'], through?: Quarter) {
  return (index.yearly.get(id)?.get(year) ?? []).filter(
    (row) => row.entity === entity && (through === undefined || (row.data.quarter as number) <= through),
  );
}

/**
 * `through`: a report's quarter, the last counted and the one each KPI is judged at (a quarterly report as it
 * stood then, the annual one at quarter 4); without it, all four quarters, judged at the last one reported.
 */
export function kpiStandings(
  rows: readonly Row[] | MonitoringRows,
  year: number,
  thresholds: LevelThresholds,
  through?: Quarter,
): KpiStanding[] {
  const index = asIndex(rows);
  const standings: KpiStanding[] = [];
  for (const [kpi, number] of index.kpis) {
    const id = kpi.id;
    const data = kpi.data as RowData<'kpi'>;
    const reported = yearRows(index, id, year, 'kpiQuarter', through).map((r) => r.data as RowData<'kpiQuarter'>);
    const quarters = QUARTERS.map((q) => reported.find((r) => r.quarter === q)?.result ?? null);
    const status = [...reported].sort((a, b) => b.quarter - a.quarter).find((r) => r.status !== null)?.status ?? null;
    const target = (yearRows(index, id, year, 'kpiTarget').at(-1)?.data.target as number | null | undefined) ?? null;
    standings.push({
      kpiId: id,
      number,
      name: data.name,
      unit: data.unit,
      responsibleUnit: data.responsibleUnit.trim(),
      target,
      quarters,
      status,
      reported: reported.length > 0,
      progress: kpiProgress(
        effectiveMode(data.resultMode, data.unit),
        data.direction,
        target,
        quarters,
        thresholds,
        status,
        through,
      ),
    });
  }
  return standings;
}

export interface ProjectStanding {
  readonly projectId: string;
  /** 1.1.1.1 */
  readonly number: string;
  readonly name: string;
  readonly responsibleUnit: string;
  /** The plan's budget for the project in the year (projectBudget); null when none was planned. */
  readonly planned: number | null;
  /** Money allocated and disbursed over the quarters reported so far. */
  readonly allocated: number;
  readonly disbursed: number;
  /** disbursed ÷ allocated in percent; null when nothing is allocated. */
  readonly disbursedPercent: number | null;
  /** The progress (%) of the latest quarter that reports one. */
  readonly progress: number | null;
  readonly status: ProgressStatus | null;
  /** Whether the office entered anything for a quarter counted. */
  readonly reported: boolean;
}

/** Every project's money and progress in one fiscal year, in the plan's order. */
export function projectStandings(
  rows: readonly Row[] | MonitoringRows,
  year: number,
  through: Quarter = 4,
): ProjectStanding[] {
  const index = asIndex(rows);
  const standings: ProjectStanding[] = [];
  for (const [project, number] of index.projects) {
    const id = project.id;
    const data = project.data as RowData<'project'>;
    const budget = yearRows(index, id, year, 'projectBudget').at(-1);
    const reported = yearRows(index, id, year, 'projectQuarter', through)
      .map((r) => r.data as RowData<'projectQuarter'>)
      .sort((a, b) => b.quarter - a.quarter);
    const allocated = reported.map((r) => r.allocated);
    const disbursed = reported.map((r) => r.disbursed);
    standings.push({
      projectId: id,
      number,
      name: data.name,
      responsibleUnit: data.responsibleUnit.trim(),
      planned: (budget?.data.amount as number | null | undefined) ?? null,
      allocated: sumEntered(allocated),
      disbursed: sumEntered(disbursed),
      disbursedPercent: disbursementPercent(allocated, disbursed),
      progress: reported.find((r) => r.progress !== null)?.progress ?? null,
      status: reported.find((r) => r.status !== null)?.status ?? null,
      reported: reported.length > 0,
    });
  }
  return standings;
}
