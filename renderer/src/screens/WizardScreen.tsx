import { PlanDataProvider } from '../plan/PlanData.tsx';
import { Wizard } from '../wizard/Wizard.tsx';
import type { WizardId } from '../wizard/types.ts';
import { wizardById } from '../wizards/index.ts';

export function WizardScreen({
  planId,
  wizard,
  step,
  rowId,
}: {
  planId: string;
  wizard: WizardId;
  step: number;
  /** A row to scroll to and focus (a link from the completeness panel). */
  rowId?: string | undefined;
}) {
  const def = wizardById(wizard);
  if (!def) return null;
  return (
    <PlanDataProvider planId={planId} place={{ wizard, step }}>
      <Wizard def={def} step={step} rowId={rowId} />
    </PlanDataProvider>
  );
}
