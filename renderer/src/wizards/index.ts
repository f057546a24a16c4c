import type { WizardDef, WizardId } from '../wizard/types.ts';
import { documentWizard } from '../pdf/documentWizard.tsx';
import { directionWizard } from './direction/index.tsx';
import { evaluationWizard } from './evaluation.tsx';
import { goalsWizard } from './goals/index.tsx';
import { monitoringWizard } from './monitoring/index.tsx';
import { reviewWizard } from './review/index.tsx';
import { setupWizard } from './setup.tsx';
import { strategiesWizard } from './strategies/index.tsx';
import { externalWizard, internalWizard } from './swot/sideWizard.tsx';
import { towsWizard } from './swot/tows.tsx';
import { situationWizard } from './situation/index.tsx';

/** The workshop activities in the order the seed's workshop ran them. */
export const WIZARDS: readonly WizardDef[] = [
  setupWizard,
  evaluationWizard,
  situationWizard,
  internalWizard,
  externalWizard,
  towsWizard,
  directionWizard,
  goalsWizard,
  strategiesWizard,
  reviewWizard,
  documentWizard,
  monitoringWizard,
];

export function wizardById(id: WizardId): WizardDef | undefined {
  return WIZARDS.find((w) => w.id === id);
}
