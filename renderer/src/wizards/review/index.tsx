import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import { Alignment } from './Alignment.tsx';
import { Completeness } from './Completeness.tsx';
import { MapStep } from './MapStep.tsx';
import './review.css';

/**
 * Wizard 10: review the plan before it is printed: its alignment with the chosen frameworks, the strategy
 * map, and what is still incomplete. No step blocks Next: gaps and open items are findings to act on, and a
 * working group may well print a draft that has some. What the completeness step finds still keeps the
 * review from "done" in the plan's progress.
 */
export const reviewWizard: WizardDef = {
  id: 'review',
  title: 'wizards.review',
  steps: checkedSteps('review', [
    { id: 'alignment', title: 'review.stepAlignment', render: () => <Alignment /> },
    { id: 'map', title: 'review.stepMap', render: () => <MapStep /> },
    { id: 'completeness', title: 'review.stepCompleteness', render: () => <Completeness /> },
  ]),
};
