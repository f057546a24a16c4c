import type { LevelThresholds } from './evaluation.ts';
import { effectiveMode, kpiProgress, QUARTERS, type KpiProgress, type ProgressStatus } from './monitoring.ts';
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
  readonly target: number | null;
  /** Quarters 1–4; null: not reported. */
  readonly quarters: readonly (number | null)[];
  /** The status of the latest quarter that has one. */
  readonly status: ProgressStatus | null;
  readonly progress: KpiProgress;
}

export function kpiStandings(rows: readonly Row[], year: number, thresholds: LevelThresholds): KpiStanding[] {
  const numbers = numbering(rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const targets = new Map<string, number | null>();
  const quarterRows = new Map<string, RowData<'kpiQuarter'>[]>();
  for (const row of rows) {
    if (row.entity === 'kpiTarget' && row.data.year === year)
      targets.set(row.parentId ?? '', row.data.target as number | null);
    if (row.entity === 'kpiQuarter' && row.data.year === year) {
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
