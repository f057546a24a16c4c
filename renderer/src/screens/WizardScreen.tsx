import { PlanDataProvider } from '../plan/PlanData.tsx';
import { Wizard } from '../wizard/Wizard.tsx';
import type { WizardId } from '../wizard/types.ts';
import { wizardById } from '../wizards/index.ts';

export function WizardScreen({ planId, wizard, step }: { planId: string; wizard: WizardId; step: number }) {
  const def = wizardById(wizard);
  if (!def) return null;
  return (
    <PlanDataProvider planId={planId}>
      <Wizard def={def} step={step} />
    </PlanDataProvider>
  );
}
