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
  readonly progress: KpiProgress;
}

/** `through`: the last quarter counted (a quarterly report as it stood then); all four by default. */
export function kpiStandings(
  rows: readonly Row[],
  year: number,
  thresholds: LevelThresholds,
  through: Quarter = 4,
): KpiStanding[] {
  const numbers = numbering(rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const targets = new Map<string, number | null>();
  const quarterRows = new Map<string, RowData<'kpiQuarter'>[]>();
  for (const row of rows) {
    if (row.entity === 'kpiTarget' && row.data.year === year)
      targets.set(row.parentId ?? '', row.data.target as number | null);
    if (row.entity === 'kpiQuarter' && row.data.year === year && (row.data.quarter as number) <= through) {
      const list = quarterRows.get(row.parentId ?? '') ?? [];
      list.push(row.data as RowData<'kpiQuarter'>);
      quarterRows.set(row.parentId ?? '', list);
    }
  }
  const standings: KpiStanding[] = [];
  // The numbering lists rows top down (issue, goal, its KPIs …): the order the plan prints them in.
  for (const [id, number] of numbers) {
    const kpi = byId.get(id);
    if (kpi?.entity !== 'kpi') continue;
    const data = kpi.data as RowData<'kpi'>;
    const reported = quarterRows.get(id) ?? [];
    const quarters = QUARTERS.map((q) => reported.find((r) => r.quarter === q)?.result ?? null);
    const status = [...reported].sort((a, b) => b.quarter - a.quarter).find((r) => r.status !== null)?.status ?? null;
    const target = targets.get(id) ?? null;
    standings.push({
      kpiId: id,
      number,
      name: data.name,
      unit: data.unit,
      responsibleUnit: data.responsibleUnit.trim(),
      target,
      quarters,
      status,
      progress: kpiProgress(
        effectiveMode(data.resultMode, data.unit),
        data.direction,
        target,
        quarters,
        thresholds,
        status,
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
}

/** Every project's money and progress in one fiscal year, in the plan's order. */
export function projectStandings(rows: readonly Row[], year: number, through: Quarter = 4): ProjectStanding[] {
  const numbers = numbering(rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const planned = new Map<string, number | null>();
  const quarterRows = new Map<string, RowData<'projectQuarter'>[]>();
  for (const row of rows) {
    if (row.entity === 'projectBudget' && row.data.year === year)
      planned.set(row.parentId ?? '', row.data.amount as number | null);
    if (row.entity === 'projectQuarter' && row.data.year === year && (row.data.quarter as number) <= through) {
      const list = quarterRows.get(row.parentId ?? '') ?? [];
      list.push(row.data as RowData<'projectQuarter'>);
      quarterRows.set(row.parentId ?? '', list);
    }
  }
  const standings: ProjectStanding[] = [];
  for (const [id, number] of numbers) {
    const project = byId.get(id);
    if (project?.entity !== 'project') continue;
    const data = project.data as RowData<'project'>;
    const reported = [...(quarterRows.get(id) ?? [])].sort((a, b) => b.quarter - a.quarter);
    const allocated = reported.map((r) => r.allocated);
    const disbursed = reported.map((r) => r.disbursed);
    standings.push({
      projectId: id,
      number,
      name: data.name,
      responsibleUnit: data.responsibleUnit.trim(),
      planned: planned.get(id) ?? null,
      allocated: sumEntered(allocated),
      disbursed: sumEntered(disbursed),
      disbursedPercent: disbursementPercent(allocated, disbursed),
      progress: reported.find((r) => r.progress !== null)?.progress ?? null,
      status: reported.find((r) => r.status !== null)?.status ?? null,
    });
  }
  return standings;
}
