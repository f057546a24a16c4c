import {
  SIDE_LETTERS,
  factorIssues,
  scaleIssues,
  toFactor,
  weightIssues,
  type Side,
} from '../../../../main/core/swotPlan.ts';
import { requiredIssues } from '../../wizard/issues.ts';
import type { PlanData } from '../../plan/PlanData.tsx';
import type { WizardDef } from '../../wizard/types.ts';
import { analysisOf } from './analysis.ts';
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
  const letters: readonly unknown[] = SIDE_LETTERS[side];
  const mine = (data: PlanData) => data.list('factor').filter((r) => letters.includes(data.value(r, 'swot')));
  return {
    id: side,
    title: `wizards.${side}`,
    steps: [
      {
        id: 'settings',
        title: `swot.${side}.stepSettings`,
        render: () => <Settings side={side} />,
        issues: (data) => scaleIssues(data.options),
      },
      {
        id: 'factors',
        title: `swot.${side}.stepFactors`,
        render: () => <Factors side={side} />,
        started: (data) => mine(data).length > 0,
        issues: (data) => {
          const typed = mine(data).map((r) => ({
            ...r,
            data: { ...r.data, statement: toFactor(r, data.value).statement },
          }));
          return [...factorIssues(side, analysisOf(data)), ...requiredIssues(typed)];
        },
      },
      {
        id: 'weights',
        title: `swot.${side}.stepWeights`,
        render: () => <Weights side={side} />,
        issues: (data) => weightIssues(side, analysisOf(data), data.options),
        started: (data) => mine(data).some((r) => typeof r.data.weight === 'number'),
      },
      {
        id: 'summary',
        title: 'wizard.summary',
        render: () => <Summary side={side} />,
        // The steps can be opened in any order: finishing checks everything again.
        issues: (data) => {
          const analysis = analysisOf(data);
          return [
            ...scaleIssues(data.options),
            ...factorIssues(side, analysis),
            ...weightIssues(side, analysis, data.options),
          ];
        },
      },
    ],
  };
}

export const internalWizard = sideWizard('internal');
export const externalWizard = sideWizard('external');
