import type { WizardDef, WizardId } from '../wizard/types.ts';
import { setupWizard } from './setup.tsx';

/** The workshop activities in the order the seed's workshop ran them. */
export const WIZARDS: readonly WizardDef[] = [setupWizard];

export function wizardById(id: WizardId): WizardDef | undefined {
  return WIZARDS.find((w) => w.id === id);
}
