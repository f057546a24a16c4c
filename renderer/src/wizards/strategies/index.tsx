import { holds, type WizardDef } from '../../wizard/types.ts';
import '../../plan/tables.css';
import { BudgetsStep } from './BudgetsStep.tsx';
import { allIssues, budgetsStepIssues, projectsStepIssues, strategiesStepIssues } from './checks.ts';
import { ProjectsStep } from './ProjectsStep.tsx';
import { StrategiesStep } from './StrategiesStep.tsx';
import { SummaryStep } from './SummaryStep.tsx';

/**
 * Wizard 9: strategies (กลยุทธ์) per goal, answering the TOWS strategies chosen and the SWOT factors; their
 * projects and programmes (โครงการ/แผนงาน); a budget for each plan year; the budget summary of the plan.
 */
export const strategiesWizard: WizardDef = {
  id: 'strategies',
  title: 'wizards.strategies',
  steps: [
    {
      id: 'strategies',
      title: 'strategies.stepStrategies',
      render: () => <StrategiesStep />,
      issues: strategiesStepIssues,
      started: holds('strategy'),
    },
    {
      id: 'projects',
      title: 'strategies.stepProjects',
      render: () => <ProjectsStep />,
      issues: projectsStepIssues,
      started: holds('project'),
    },
    {
      id: 'budgets',
      title: 'strategies.stepBudgets',
      render: () => <BudgetsStep />,
      issues: budgetsStepIssues,
      started: holds('projectBudget'),
    },
    { id: 'summary', title: 'strategies.stepSummary', render: () => <SummaryStep />, issues: allIssues },
  ],
};
