import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
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
  steps: checkedSteps('goals', [
    { id: 'issues', title: 'goals.stepIssues', render: () => <IssuesStep /> },
    { id: 'kpis', title: 'goals.stepKpis', render: () => <KpisStep /> },
    { id: 'targets', title: 'goals.stepTargets', render: () => <TargetsStep /> },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary /> },
  ]),
};
