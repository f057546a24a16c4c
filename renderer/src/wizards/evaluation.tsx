import type { WizardDef } from '../wizard/types.ts';
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

/** Wizard 2: evaluation of the previous plan (ประเมินผลแผนระยะก่อน). */
export const evaluationWizard: WizardDef = {
  id: 'evaluation',
  title: 'wizards.evaluation',
  steps: [
    { id: 'issues', title: 'evaluation.stepIssues', render: () => <IssuesStep />, issues: issuesStepIssues },
    { id: 'kpis', title: 'evaluation.stepKpis', render: () => <KpisStep />, issues: kpisStepIssues },
    { id: 'targets', title: 'evaluation.stepTargets', render: () => <TargetsStep />, issues: targetsStepIssues },
    { id: 'results', title: 'evaluation.stepResults', render: () => <ResultsStep />, issues: periodIssues },
    { id: 'problems', title: 'evaluation.stepProblems', render: () => <ProblemsStep />, issues: problemsStepIssues },
    { id: 'summary', title: 'wizard.summary', render: () => <SummaryStep /> },
  ],
};
