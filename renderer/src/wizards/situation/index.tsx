import { holds, type WizardDef } from '../../wizard/types.ts';
import './situation.css';
import { Matrix } from './Matrix.tsx';
import { Missions, needMissions } from './Missions.tsx';
import { Summary } from './Summary.tsx';

/**
 * Wizard 3: situation analysis against the Bangkok 20-year plan. Gaps (dimensions no mission serves) do not
 * block Next: they are what the analysis is for, so the matrix shows them live and the summary lists them.
 * Next asks only for what makes the analysis meaningful: missions with text, and at least one marked cell.
 */
export const situationWizard: WizardDef = {
  id: 'situation',
  title: 'wizards.situation',
  steps: [
    {
      id: 'missions',
      title: 'situation.stepMissions',
      render: () => <Missions />,
      issues: needMissions,
      started: holds('mission'),
    },
    {
      id: 'matrix',
      title: 'situation.stepMatrix',
      render: () => <Matrix />,
      started: holds('missionLink'),
      issues: (data) => {
        const missions = needMissions(data);
        if (missions.length > 0) return missions;
        return data.list('missionLink').length === 0 ? [{ message: 'situation.needLink' }] : [];
      },
    },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary /> },
  ],
};
