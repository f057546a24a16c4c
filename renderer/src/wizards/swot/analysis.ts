import { analyse, toFactor, type SwotAnalysis } from '../../../../main/core/swotPlan.ts';
import type { PlanData } from '../../plan/PlanData.tsx';

/**
 * The plan's weighted SWOT as it stands on screen: values still being typed count, so the remaining weight
 * and the scores move with each keystroke, and Next judges what the user sees.
 */
export function analysisOf(data: PlanData): SwotAnalysis {
  return analyse(
    data.list('factor').map((row) => toFactor(row, data.value)),
    data.options,
  );
}
