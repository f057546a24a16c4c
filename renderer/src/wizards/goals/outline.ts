import { useMemo } from 'react';
import { periodLength } from '../../../../main/core/years.ts';
import { usePlanData } from '../../plan/PlanData.tsx';

export { outline, type Outline } from '../../../../main/core/stepChecks.ts';

/** Every year of the plan's period, in B.E. (2566…2570). */
function planYears(plan: { readonly startYear: number; readonly endYear: number }): number[] {
  return Array.from({ length: periodLength(plan.startYear, plan.endYear) }, (_, i) => plan.startYear + i);
}

export function usePlanYears(): number[] {
  const { plan } = usePlanData();
  return useMemo(() => planYears(plan), [plan]);
}
