import { effectiveMode, QUARTERS, yearToDate, type ResultMode } from './monitoring.ts';
import { withoutSampleMark, type PlanDraft } from './plan.ts';
import { comparePositions, positionBetween } from './position.ts';
import type { Row, RowEntity } from './rows.ts';
import { formatPeriod, periodLength } from './years.ts';

/**
 * The next plan started from this one (issue 14): its first workshop activity is the evaluation of this plan,
 * so the new plan's previous-plan period is this plan's, and its evaluation (prevIssue → prevGoal → prevKpi →
 * prevKpiYear) is this plan's issues, goals and KPIs with each year's target and result. Nothing is retyped.
 */

/**
 * The new plan: the same organisation and length, the years that follow, this plan as its previous one. It is
 * never a sample, so a sample's title loses its mark.
 */
export function nextPlanDraft(plan: PlanDraft & { readonly isSample?: boolean }): PlanDraft {
  const length = periodLength(plan.startYear, plan.endYear);
  const startYear = plan.endYear + 1;
  const endYear = plan.endYear + length;
  // A title naming its period ("… (พ.ศ. 2566–2570)") names the new one, in the digits it was written in.
  const title = [false, true].reduce(
    (t, thai) => t.replaceAll(formatPeriod(plan.startYear, plan.endYear, thai), formatPeriod(startYear, endYear, thai)),
    plan.isSample ? withoutSampleMark(plan.title) : plan.title,
  );
  return { ...plan, title, startYear, endYear, prevStartYear: plan.startYear, prevEndYear: plan.endYear };
}

/** A row of the new plan, placed among its siblings. */
export interface CarriedRow {
  readonly id: string;
  readonly entity: RowEntity;
  readonly parentId: string | null;
  readonly position: string;
  readonly data: Record<string, unknown>;
}

/**
 * A fiscal year's result as the evaluation reads it: only a finished year counts (quarter 4 reported, and for
 * a KPI summed per quarter every quarter), since a year's partial figure would read as a missed target.
 */
function finishedYearResult(mode: ResultMode, quarters: readonly (number | null)[]): number | null {
  const soFar = yearToDate(mode, quarters);
  if (soFar.through !== 4) return null;
  return mode === 'per-quarter' && soFar.gaps.length > 0 ? null : soFar.value;
}

/** The evaluation rows of the next plan from this plan's rows, in this plan's order; `newId` gives fresh ids. */
export function evaluationRows(rows: readonly Row[], newId: () => string): CarriedRow[] {
  const children = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.entity}|${row.parentId ?? ''}`;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const of = (entity: RowEntity, parentId: string | null) =>
    [...(children.get(`${entity}|${parentId ?? ''}`) ?? [])].sort(comparePositions);
  const out: CarriedRow[] = [];
  const lastPosition = new Map<string, string>();
  const place = (entity: RowEntity, parentId: string | null, data: Record<string, unknown>, id = newId()) => {
    const key = `${entity}|${parentId ?? ''}`;
    const position = positionBetween(lastPosition.get(key) ?? null, null);
    lastPosition.set(key, position);
    out.push({ id, entity, parentId, position, data });
    return id;
  };
  for (const issue of of('strategicIssue', null)) {
    const issueId = place('prevIssue', null, { name: issue.data.name });
    for (const goal of of('goal', issue.id)) {
      const goalId = place('prevGoal', issueId, { name: goal.data.name });
      for (const kpi of of('kpi', goal.id)) {
        const kpiId = place('prevKpi', goalId, {
          name: kpi.data.name,
          unit: kpi.data.unit,
          direction: kpi.data.direction,
          responsibleUnit: kpi.data.responsibleUnit,
        });
        const mode = effectiveMode(kpi.data.resultMode as ResultMode | null, String(kpi.data.unit));
        const quarters = of('kpiQuarter', kpi.id);
        const years = new Set<number>([
          ...of('kpiTarget', kpi.id).map((r) => r.data.year as number),
          ...quarters.map((r) => r.data.year as number),
        ]);
        for (const year of [...years].sort()) {
          const target = (of('kpiTarget', kpi.id).find((r) => r.data.year === year)?.data.target ?? null) as
            number | null;
          const figures = QUARTERS.map(
            (q) =>
              (quarters.find((r) => r.data.year === year && r.data.quarter === q)?.data.result ?? null) as
                number | null,
          );
          const actual = finishedYearResult(mode, figures);
          // The evaluation's year rows have fixed ids (KPI and year), as the evaluation wizard makes them.
          if (target !== null || actual !== null)
            place('prevKpiYear', kpiId, { year, target, actual }, `${kpiId}:${year}`);
        }
      }
    }
  }
  return out;
}
