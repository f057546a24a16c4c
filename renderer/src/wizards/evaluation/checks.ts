import { evaluatePlan, kpisWithoutTarget, previousYears, weightIssues } from '../../../../main/core/previousPlan.ts';
import type { Row } from '../../../../main/core/rows.ts';
import type { PlanData } from '../../plan/PlanData.tsx';
import { requiredIssues } from '../../wizard/issues.ts';
import type { StepIssue } from '../../wizard/types.ts';
import { formatWeight, nameOf } from './common.tsx';

/** Why each step of the evaluation wizard keeps the user on it; KPIs and goals are named, not counted. */

const named = (message: string, rows: readonly Row[]): StepIssue[] =>
  rows.map((row) => ({ message, values: { name: nameOf(row) } }));

export function periodIssues(data: PlanData): StepIssue[] {
  return previousYears(data.plan).length === 0 ? [{ message: 'evaluation.needPeriod' }] : [];
}

export function issuesStepIssues(data: PlanData): StepIssue[] {
  const issues = data.list('prevIssue');
  return [
    ...periodIssues(data),
    ...(issues.length === 0 ? [{ message: 'evaluation.needIssue' }] : []),
    ...requiredIssues([...issues, ...data.list('prevGoal')]),
    ...named(
      'evaluation.issueNeedsGoal',
      issues.filter((i) => data.list('prevGoal', i.id).length === 0),
    ),
  ];
}

export function kpisStepIssues(data: PlanData): StepIssue[] {
  return [
    ...periodIssues(data),
    ...requiredIssues(data.list('prevKpi')),
    ...named(
      'evaluation.goalNeedsKpi',
      data.list('prevGoal').filter((g) => data.list('prevKpi', g.id).length === 0),
    ),
    ...weightIssues(data.rows).map(({ issue, sum }) => ({
      message: 'evaluation.weightsDontSum',
      values: { name: nameOf(issue), sum: formatWeight(sum) },
    })),
  ];
}

export function targetsStepIssues(data: PlanData): StepIssue[] {
  return [
    ...periodIssues(data),
    ...named('evaluation.noTarget', kpisWithoutTarget(data.rows, previousYears(data.plan))),
  ];
}

/** A KPI that ended the period not achieved needs its problems written down: they feed the new plan. */
export function problemsStepIssues(data: PlanData): StepIssue[] {
  const evaluation = evaluatePlan(data.rows, previousYears(data.plan), data.options.levelThresholds);
  return [
    ...periodIssues(data),
    ...named(
      'evaluation.needProblems',
      evaluation.overall.kpis
        .filter((k) => k.latest?.result.status === 'not-achieved' && String(k.kpi.data.problems ?? '').trim() === '')
        .map((k) => k.kpi),
    ),
  ];
}
