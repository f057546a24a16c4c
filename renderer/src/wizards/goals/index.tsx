import { holds, type WizardDef } from '../../wizard/types.ts';
import { allIssues, issuesStepIssues, kpisStepIssues, targetsStepIssues } from './checks.ts';
import '../../plan/tables.css';
import './goals.css';
import { IssuesStep } from './IssuesStep.tsx';
import { KpisStep } from './KpisStep.tsx';
import { Summary } from './Summary.tsx';
import { TargetsStep } from './TargetsStep.tsx';

/** Wizard 8: strategic issues → goals → KPIs → a target for every plan year (core/rows.ts). */
export const goalsWizard: WizardDef = {
  id: 'goals',
  title: 'wizards.goals',
  steps: [
    {
      id: 'issues',
      title: 'goals.stepIssues',
      render: () => <IssuesStep />,
      issues: issuesStepIssues,
      started: holds('strategicIssue'),
    },
    { id: 'kpis', title: 'goals.stepKpis', render: () => <KpisStep />, issues: kpisStepIssues, started: holds('kpi') },
    {
      id: 'targets',
      title: 'goals.stepTargets',
      render: () => <TargetsStep />,
      issues: targetsStepIssues,
      started: holds('kpiTarget'),
    },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary />, issues: allIssues },
  ],
};
