import type { Row } from '../../../../main/core/rows.ts';
import { formatPeriod } from '../../../../main/core/years.ts';
import type { PlanData } from '../../plan/PlanData.tsx';
import { nameOf } from '../../plan/names.ts';
import { capped } from '../../wizard/issues.ts';
import type { StepIssue } from '../../wizard/types.ts';
import { outline } from '../goals/outline.ts';
import { goalsOf, kindOf, projectsOf, strategiesOf } from './common.tsx';

/**
 * Why each step of the strategies wizard keeps the user on it. Rows are named by their number (the one the
 * plan prints) and name; a long list shows its first items and how many more. Judged on what is on screen
 * (data.rows carries values still being typed).
 */

/** " “name”" after the number, or nothing for a row without a name yet (its number still says which one). */
const quoted = (row: Row) => (nameOf(row) ? ` “${nameOf(row)}”` : '');

function walk(data: PlanData) {
  const plan = outline(data.rows);
  const number = (row: Row) => plan.numbers.get(row.id) ?? '';
  /** An issue about a project: its message depends on the kind (โครงการ / แผนงาน). */
  const about = (message: string, project: Row, extra: Record<string, string | number> = {}): StepIssue => ({
    message: `strategies.issue.${message}.${kindOf(project)}`,
    values: { number: number(project), name: quoted(project), ...extra },
  });
  return { plan, number, about };
}

type Walk = ReturnType<typeof walk>;

/** Each step's own findings, uncapped; every step first needs a goal to hang strategies under. */
function strategyFindings({ plan, number }: Walk): StepIssue[] {
  const strategies = strategiesOf(plan).map(({ strategy }) => strategy);
  if (strategies.length === 0) return [{ message: 'strategies.issue.noStrategies' }];
  return strategies
    .filter((strategy) => !nameOf(strategy))
    .map((strategy) => ({ message: 'strategies.issue.strategyNoName', values: { number: number(strategy) } }));
}

function projectFindings({ plan, number, about }: Walk, data: PlanData): StepIssue[] {
  const { startYear, endYear } = data.plan;
  const found: StepIssue[] = [];
  for (const { strategy } of strategiesOf(plan)) {
    const projects = plan.children('project', strategy.id);
    if (projects.length === 0) {
      found.push({
        message: 'strategies.issue.strategyNoProject',
        values: { number: number(strategy), name: quoted(strategy) },
      });
    }
    for (const project of projects) {
      if (!nameOf(project)) found.push(about('projectNoName', project));
      if (String(project.data.responsibleUnit ?? '').trim() === '') found.push(about('projectNoUnit', project));
      const start = typeof project.data.startYear === 'number' ? project.data.startYear : null;
      const end = typeof project.data.endYear === 'number' ? project.data.endYear : null;
      if (start !== null && end !== null && end < start) found.push(about('projectEndBeforeStart', project));
      else if (
        (start !== null && (start < startYear || start > endYear)) ||
        (end !== null && (end < startYear || end > endYear))
      ) {
        found.push(
          about('projectOutsidePeriod', project, {
            period: formatPeriod(start ?? end!, end ?? start!),
            plan: formatPeriod(startYear, endYear),
          }),
        );
      }
    }
  }
  return found;
}

function budgetFindings({ plan, about }: Walk): StepIssue[] {
  const projects = projectsOf(plan).map(({ project }) => project);
  if (projects.length === 0) return [{ message: 'strategies.issue.noProjects' }];
  const found: StepIssue[] = [];
  for (const project of projects) {
    const budgets = plan.children('projectBudget', project.id);
    if (!budgets.some((b) => typeof b.data.amount === 'number')) found.push(about('projectNoBudget', project));
    for (const b of budgets)
      if (typeof b.data.amount === 'number' && b.data.amount < 0)
        found.push(about('negativeBudget', project, { year: Number(b.data.year) }));
  }
  return found;
}

function issuesOf(...steps: ((w: Walk, data: PlanData) => StepIssue[])[]) {
  return (data: PlanData): StepIssue[] => {
    const w = walk(data);
    if (goalsOf(w.plan).length === 0) return [{ message: 'strategies.issue.noGoals' }];
    return capped(steps.flatMap((step) => step(w, data)));
  };
}

export const strategiesStepIssues = issuesOf(strategyFindings);
export const projectsStepIssues = issuesOf(projectFindings);
export const budgetsStepIssues = issuesOf(budgetFindings);
export const allIssues = issuesOf(strategyFindings, projectFindings, budgetFindings);
