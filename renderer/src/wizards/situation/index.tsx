import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import './situation.css';
import { Matrix } from './Matrix.tsx';
import { Missions } from './Missions.tsx';
import { Summary } from './Summary.tsx';

/**
 * Wizard 3: situation analysis against the Bangkok 20-year plan. Gaps (dimensions no mission serves) do not
 * block Next: they are what the analysis is for, so the matrix shows them live and the summary lists them.
 * Next asks only for what makes the analysis meaningful: missions with text, and at least one marked cell.
 */
export const situationWizard: WizardDef = {
  id: 'situation',
  title: 'wizards.situation',
  steps: checkedSteps('situation', [
    { id: 'missions', title: 'situation.stepMissions', render: () => <Missions /> },
    { id: 'matrix', title: 'situation.stepMatrix', render: () => <Matrix /> },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary /> },
  ]),
};
