import type { Row } from '../../../../main/core/rows.ts';
import { picksType as typeOfPicks } from '../../../../main/core/stepChecks.ts';
import type { PlanData } from '../../plan/PlanData.tsx';

/** The factor ids a strategy pairs, as shown (a pick not yet saved counts). */
export const pickedIds = (data: PlanData, row: Row): string[] => (data.value(row, 'factorIds') as string[]) ?? [];

/** What picks make: their TOWS type, or why there is none (core's rule, over the factors as shown). */
export const picksType = (data: PlanData, ids: readonly string[]) => typeOfPicks(data.rows, ids);

/** What a strategy's picks make. Deleted factors no longer count. */
export function strategyType(data: PlanData, row: Row) {
  return picksType(data, pickedIds(data, row));
}
