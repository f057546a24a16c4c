import type { PlanData } from '../../plan/PlanData.tsx';
import { requiredIssues } from '../../wizard/issues.ts';
import { holds, type StepIssue, type WizardDef } from '../../wizard/types.ts';
import { Missions, needMissions } from '../situation/Missions.tsx';
import './direction.css';
import { Summary } from './Summary.tsx';
import { ValuesStep } from './ValuesStep.tsx';
import { VisionStep } from './VisionStep.tsx';

/**
 * Wizard 7: the plan's direction: vision (one per plan), missions (the same rows the situation analysis
 * wrote), and core values if the organisation uses them.
 */
const needVision = (data: PlanData): StepIssue[] =>
  String(data.list('vision')[0]?.data.text ?? '').trim() === '' ? [{ message: 'direction.needVision' }] : [];

const valuesIssues = (data: PlanData): StepIssue[] => requiredIssues(data.list('coreValue'));

export const directionWizard: WizardDef = {
  id: 'direction',
  title: 'wizards.direction',
  steps: [
    {
      id: 'vision',
      title: 'direction.stepVision',
      render: () => <VisionStep />,
      issues: needVision,
      started: (data) => needVision(data).length === 0,
    },
    {
      id: 'missions',
      title: 'direction.stepMissions',
      render: () => <Missions intro="direction.missionsIntro" />,
      issues: needMissions,
      started: holds('mission'),
    },
    {
      id: 'values',
      title: 'direction.stepValues',
      render: () => <ValuesStep />,
      issues: valuesIssues,
      started: holds('coreValue'),
    },
    {
      id: 'summary',
      title: 'wizard.summary',
      render: () => <Summary />,
      issues: (data) => [...needVision(data), ...needMissions(data), ...valuesIssues(data)],
    },
  ],
};
