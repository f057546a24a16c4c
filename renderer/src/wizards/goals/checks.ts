import { completeness } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import type { PlanData } from '../../plan/PlanData.tsx';
import { nameOf } from '../../plan/names.ts';
import { capped } from '../../wizard/issues.ts';
import type { StepIssue } from '../../wizard/types.ts';
import { outline } from './outline.ts';

/**
 * Why each step of the goals wizard keeps the user on it. Rows are named by their number (the one the plan
 * prints) and name, so the user can find them; a long list shows its first items and how many more.
 */

/** A row as messages name it: its number and its name in quotes, or the number alone while it has no name. */
const called = (number: string, row: Row) => (nameOf(row) ? `${number} “${nameOf(row)}”` : number);

export function issuesStepIssues(data: PlanData): StepIssue[] {
  const plan = outline(data.rows);
  if (plan.issues.length === 0) return [{ message: 'goals.needIssue' }];
  const found: StepIssue[] = [];
  for (const issue of plan.issues) {
    const number = plan.numbers.get(issue.id) ?? '';
    if (!nameOf(issue)) found.push({ message: 'goals.issueUnnamed', values: { number } });
    const goals = plan.children('goal', issue.id);
    if (goals.length === 0) found.push({ message: 'goals.issueNeedsGoal', values: { what: called(number, issue) } });
    for (const goal of goals)
      if (!nameOf(goal))
        found.push({ message: 'goals.goalUnnamed', values: { number: plan.numbers.get(goal.id) ?? '' } });
  }
  return capped(found);
}

/** Goals and KPIs in the order the plan shows them (issue by issue), whatever order they were created in. */
function walk(data: PlanData) {
  const rows = data.rows;
  const plan = outline(rows);
  const goals = plan.issues.flatMap((issue) => plan.children('goal', issue.id));
  const kpis = goals.flatMap((goal) => plan.children('kpi', goal.id));
  return { plan, goals, kpis, items: completeness(rows, data.plan) };
}

export function kpisStepIssues(data: PlanData): StepIssue[] {
  const { plan, goals, kpis, items } = walk(data);
  const number = (row: Row) => plan.numbers.get(row.id) ?? '';
  const withoutKpi = new Set(items.filter((item) => item.rule === 'goalWithoutKpi').map((item) => item.rowId));
  return capped([
    ...goals
      .filter((goal) => withoutKpi.has(goal.id))
      .map((goal) => ({ message: 'goals.goalNeedsKpi', values: { what: called(number(goal), goal) } })),
    ...kpis.flatMap((kpi): StepIssue[] => [
      ...(nameOf(kpi) ? [] : [{ message: 'goals.kpiUnnamed', values: { number: number(kpi) } }]),
      ...(String(kpi.data.unit ?? '').trim() === ''
        ? [{ message: 'goals.kpiNoUnit', values: { what: called(number(kpi), kpi) } }]
        : []),
    ]),
  ]);
}

/** Every plan year needs a target; the years missing are listed per KPI, not one line per year. */
export function targetsStepIssues(data: PlanData): StepIssue[] {
  const { plan, kpis, items } = walk(data);
  const missing = new Map<string, number[]>();
  for (const item of items) {
    if (item.rule !== 'kpiMissingTarget') continue;
    missing.set(item.rowId, [...(missing.get(item.rowId) ?? []), Number(item.values.year)]);
  }
  return capped(
    kpis
      .filter((kpi) => missing.has(kpi.id))
      .map((kpi) => ({
        message: 'goals.kpiMissingTargets',
        values: { what: called(plan.numbers.get(kpi.id) ?? '', kpi), years: missing.get(kpi.id)!.join(', ') },
      })),
  );
}

export function allIssues(data: PlanData): StepIssue[] {
  return [...issuesStepIssues(data), ...kpisStepIssues(data), ...targetsStepIssues(data)];
}
