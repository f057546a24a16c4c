import type { Side } from '../../../../main/core/swotPlan.ts';
import { checkedSteps, type WizardDef } from '../../wizard/types.ts';
import { Factors } from './Factors.tsx';
import { Settings } from './Settings.tsx';
import { Summary } from './Summary.tsx';
import { Weights } from './Weights.tsx';
import './swot.css';

/**
 * Wizards 4 and 5 share one shape (frameworks.md): settings, factors by category, weights and ratings,
 * summary. Only the letters (S/W or O/T) and the framework choice differ.
 */
function sideWizard(side: Side): WizardDef {
  return {
    id: side,
    title: `wizards.${side}`,
    steps: checkedSteps(side, [
      { id: 'settings', title: `swot.${side}.stepSettings`, render: () => <Settings side={side} /> },
      { id: 'factors', title: `swot.${side}.stepFactors`, render: () => <Factors side={side} /> },
      { id: 'weights', title: `swot.${side}.stepWeights`, render: () => <Weights side={side} /> },
      { id: 'summary', title: 'wizard.summary', render: () => <Summary side={side} /> },
    ]),
  };
}

export const internalWizard = sideWizard('internal');
export const externalWizard = sideWizard('external');
