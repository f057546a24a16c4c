import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import '../../plan/tables.css';
import { BudgetsStep } from './BudgetsStep.tsx';
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
  steps: checkedSteps('strategies', [
    { id: 'strategies', title: 'strategies.stepStrategies', render: () => <StrategiesStep /> },
    { id: 'projects', title: 'strategies.stepProjects', render: () => <ProjectsStep /> },
    { id: 'budgets', title: 'strategies.stepBudgets', render: () => <BudgetsStep /> },
    { id: 'summary', title: 'strategies.stepSummary', render: () => <SummaryStep /> },
  ]),
};
