import type { Row } from '../../../main/core/rows.ts';
import type { PlanData } from '../plan/PlanData.tsx';
import { holds, type WizardDef } from '../wizard/types.ts';
import {
  issuesStepIssues,
  kpisStepIssues,
  periodIssues,
  problemsStepIssues,
  targetsStepIssues,
} from './evaluation/checks.ts';
import { IssuesStep } from './evaluation/IssuesStep.tsx';
import { KpisStep } from './evaluation/KpisStep.tsx';
import { ProblemsStep } from './evaluation/ProblemsStep.tsx';
import { ResultsStep } from './evaluation/ResultsStep.tsx';
import { SummaryStep } from './evaluation/SummaryStep.tsx';
import { TargetsStep } from './evaluation/TargetsStep.tsx';

/** Year rows with a value in `field`: targets and results share the row of their KPI and year. */
const yearsWith = (field: string) => (data: PlanData) =>
  data.list('prevKpiYear').some((row: Row) => typeof row.data[field] === 'number');

/** Wizard 2: evaluation of the previous plan (ประเมินผลแผนระยะก่อน). */
export const evaluationWizard: WizardDef = {
  id: 'evaluation',
  title: 'wizards.evaluation',
  steps: [
    {
      id: 'issues',
      title: 'evaluation.stepIssues',
      render: () => <IssuesStep />,
      issues: issuesStepIssues,
      started: holds('prevIssue'),
    },
    {
      id: 'kpis',
      title: 'evaluation.stepKpis',
      render: () => <KpisStep />,
      issues: kpisStepIssues,
      started: holds('prevKpi'),
    },
    {
      id: 'targets',
      title: 'evaluation.stepTargets',
      render: () => <TargetsStep />,
      issues: targetsStepIssues,
      started: yearsWith('target'),
    },
    {
      id: 'results',
      title: 'evaluation.stepResults',
      render: () => <ResultsStep />,
      issues: periodIssues,
      started: yearsWith('actual'),
    },
    {
      id: 'problems',
      title: 'evaluation.stepProblems',
      render: () => <ProblemsStep />,
      issues: problemsStepIssues,
      started: (data) => data.list('prevKpi').some((kpi) => String(kpi.data.problems ?? '').trim() !== ''),
    },
    { id: 'summary', title: 'wizard.summary', render: () => <SummaryStep /> },
  ],
};
