import { checkedSteps, type WizardDef } from '../wizard/types.ts';
import { IssuesStep } from './evaluation/IssuesStep.tsx';
import { KpisStep } from './evaluation/KpisStep.tsx';
import { ProblemsStep } from './evaluation/ProblemsStep.tsx';
import { ResultsStep } from './evaluation/ResultsStep.tsx';
import { SummaryStep } from './evaluation/SummaryStep.tsx';
import { TargetsStep } from './evaluation/TargetsStep.tsx';

/** Wizard 2: evaluation of the previous plan (ประเมินผลแผนระยะก่อน). */
export const evaluationWizard: WizardDef = {
  id: 'evaluation',
  title: 'wizards.evaluation',
  steps: checkedSteps('evaluation', [
    {
      id: 'issues',
      title: 'evaluation.stepIssues',
      render: () => <IssuesStep />,
    },
    {
      id: 'kpis',
      title: 'evaluation.stepKpis',
      render: () => <KpisStep />,
    },
    {
      id: 'targets',
      title: 'evaluation.stepTargets',
      render: () => <TargetsStep />,
    },
    {
      id: 'results',
      title: 'evaluation.stepResults',
      render: () => <ResultsStep />,
    },
    {
      id: 'problems',
      title: 'evaluation.stepProblems',
      render: () => <ProblemsStep />,
    },
    { id: 'summary', title: 'wizard.summary', render: () => <SummaryStep /> },
  ]),
};
