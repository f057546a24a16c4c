import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import { Missions } from '../situation/Missions.tsx';
import './direction.css';
import { Summary } from './Summary.tsx';
import { ValuesStep } from './ValuesStep.tsx';
import { VisionStep } from './VisionStep.tsx';

/**
 * Wizard 7: the plan's direction: vision (one per plan), missions (the same rows the situation analysis
 * wrote), and core values if the organisation uses them.
 */
export const directionWizard: WizardDef = {
  id: 'direction',
  title: 'wizards.direction',
  steps: checkedSteps('direction', [
    { id: 'vision', title: 'direction.stepVision', render: () => <VisionStep /> },
    {
      id: 'missions',
      title: 'direction.stepMissions',
      render: () => <Missions intro="direction.missionsIntro" />,
    },
    { id: 'values', title: 'direction.stepValues', render: () => <ValuesStep /> },
    { id: 'summary', title: 'wizard.summary', render: () => <Summary /> },
  ]),
};
