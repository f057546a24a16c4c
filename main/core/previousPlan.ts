import {
  achievement,
  summarise,
  type Achievement,
  type Direction,
  type LevelThresholds,
  type Summary,
} from './evaluation.ts';
import { indexRows, type RowIndex } from './rowIndex.ts';
import type { Row } from './rows.ts';

/**
 * The evaluation of a previous plan (ประเมินผลแผนระยะก่อน) built from its rows: prevIssue → prevGoal → prevKpi →
 * prevKpiYear. Per KPI and year the achievement (core/evaluation.ts); per strategic issue and overall, per year
 * and for the latest result, the share of KPIs achieved and the weighted score.
 *
 * Weights: the weighted score is reported per strategic issue, so the KPI weights that matter are those within
 * one issue. Either every KPI of an issue has weight 0 (the KPIs count equally) or the issue's weights sum to
 * 1.00 (weightIssues names the issue that does neither). The overall score is then the mean over issues
 * weighted alike, which is what Σ(weight × level) ÷ Σ weight over all KPIs gives when each issue sums to 1.
 */

export interface KpiYearResult {
  readonly year: number;
  readonly target: number | null;
  readonly actual: number | null;
  readonly result: Achievement;
}

export interface KpiEvaluation {
  readonly kpi: Row;
  readonly goal: Row;
  readonly issue: Row;
  readonly direction: Direction;
  /** The weight used in scores: the entered one, or 1 ÷ n when the issue's KPIs are all unweighted. */
  readonly weight: number;
  readonly years: readonly KpiYearResult[];
  /** The result of the last year of the period that has data: where the KPI stood when the plan ended. */
  readonly latest: KpiYearResult | null;
}

export interface GroupEvaluation {
  /** The issue; null for the whole plan. */
  readonly issue: Row | null;
  readonly kpis: readonly KpiEvaluation[];
  readonly byYear: ReadonlyMap<number, Summary>;
  readonly latest: Summary;
}

export interface PlanEvaluation {
  readonly years: readonly number[];
  readonly issues: readonly GroupEvaluation[];
  readonly overall: GroupEvaluation;
}

/** Years of the previous period, in order; empty when the plan has none. */
export function previousYears(plan: { prevStartYear: number | null; prevEndYear: number | null }): number[] {
  const { prevStartYear: start, prevEndYear: end } = plan;
  if (start === null || end === null || end < start) return [];
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Weights within 0.005 of 1.00 sum to 1: people enter two decimals, and 0.1 + 0.2 is not 0.3 in floating point. */
const WEIGHT_TOLERANCE = 0.005;

/** The KPIs of an issue, through its goals, in order. */
function issueKpis(childrenOf: RowIndex['children'], issueId: string): Row[] {
  return childrenOf('prevGoal', issueId).flatMap((goal) => childrenOf('prevKpi', goal.id));
}

/** Issues whose KPI weights are neither all 0 nor summing to 1.00, with their sum. */
export function weightIssues(rows: readonly Row[]): { issue: Row; sum: number }[] {
  const childrenOf = indexRows(rows).children;
  return rows
    .filter((r) => r.entity === 'prevIssue')
    .map((issue) => {
      const weights = issueKpis(childrenOf, issue.id).map((k) => num(k.data.weight) ?? 0);
      return { issue, sum: weights.reduce((a, b) => a + b, 0) };
    })
    .filter(({ sum }) => sum !== 0 && Math.abs(sum - 1) > WEIGHT_TOLERANCE);
}

function group(issue: Row | null, kpis: readonly KpiEvaluation[], years: readonly number[]): GroupEvaluation {
  const byYear = new Map(
    years.map((year) => [
      year,
      summarise(kpis.map((k) => ({ weight: k.weight, result: k.years.find((y) => y.year === year)!.result }))),
    ]),
  );
  const latest = summarise(
    kpis.map((k) => ({ weight: k.weight, result: k.latest?.result ?? achievement(null, null, k.direction) })),
  );
  return { issue, kpis, byYear, latest };
}

export function evaluatePlan(
  rows: readonly Row[],
  years: readonly number[],
  thresholds: LevelThresholds,
): PlanEvaluation {
  const childrenOf = indexRows(rows).children;
  const issues = rows
    .filter((r) => r.entity === 'prevIssue')
    .map((issue) => {
      const goals = childrenOf('prevGoal', issue.id);
      const kpiRows = goals.flatMap((goal) => childrenOf('prevKpi', goal.id).map((kpi) => ({ goal, kpi })));
      const unweighted = kpiRows.every(({ kpi }) => (num(kpi.data.weight) ?? 0) === 0);
      const kpis = kpiRows.map(({ goal, kpi }): KpiEvaluation => {
        const direction: Direction = kpi.data.direction === 'lower' ? 'lower' : 'higher';
        const yearRows = childrenOf('prevKpiYear', kpi.id);
        const results = years.map((year): KpiYearResult => {
          const row = yearRows.find((y) => y.data.year === year);
          const target = num(row?.data.target);
          const actual = num(row?.data.actual);
          return { year, target, actual, result: achievement(target, actual, direction, thresholds) };
        });
        return {
          kpi,
          goal,
          issue,
          direction,
          weight: unweighted ? 1 / kpiRows.length : (num(kpi.data.weight) ?? 0),
          years: results,
          latest: results.findLast((y) => y.result.status !== 'no-data') ?? null,
        };
      });
      return group(issue, kpis, years);
    });
  return {
    years,
    issues,
    overall: group(
      null,
      issues.flatMap((i) => i.kpis),
      years,
    ),
  };
}

/** KPIs without a target in any year of the period: nothing to evaluate them against. */
export function kpisWithoutTarget(rows: readonly Row[], years: readonly number[]): Row[] {
  const childrenOf = indexRows(rows).children;
  return rows
    .filter((r) => r.entity === 'prevKpi')
    .filter(
      (kpi) =>
        !childrenOf('prevKpiYear', kpi.id).some(
          (y) => years.includes(y.data.year as number) && num(y.data.target) !== null,
        ),
    );
}
