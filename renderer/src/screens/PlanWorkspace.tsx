import type { ReactNode } from 'react';
import { PlanDataProvider } from '../plan/PlanData.tsx';
import { PlanNav } from '../wizard/PlanNav.tsx';

/**
 * A plan's screen outside its wizards (the plan page, the exchange screen) in the workspace: the side navigation
 * of the plan's wizards and their states beside `children`, the screen's <main>. The wizards lay out their own
 * (wizard/Wizard.tsx), their navigation knowing the step on screen. `elsewhere`: not the plan page. `version`:
 * changed when the screen reloaded the plan's rows (the exchange screen after an import, a settled conflict):
 * the navigation reloads its states with them, rather than at the next navigation.
 */
export function PlanWorkspace({
  planId,
  elsewhere = false,
  version,
  children,
}: {
  planId: string;
  elsewhere?: boolean;
  version?: number;
  children: ReactNode;
}) {
  return (
    <div className="workspace">
      <aside className="workspace-side">
        <PlanDataProvider planId={planId} version={version} fallback={<p className="plan-nav" aria-busy="true" />}>
          <PlanNav elsewhere={elsewhere} />
        </PlanDataProvider>
      </aside>
      {children}
    </div>
  );
}
