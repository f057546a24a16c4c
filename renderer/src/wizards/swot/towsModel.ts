import type { Row } from '../../../../main/core/rows.ts';
import type { SwotCategory } from '../../../../main/core/swot.ts';
import { towsTypeOf, type SwotIssue } from '../../../../main/core/swotPlan.ts';
import type { PlanData } from '../../plan/PlanData.tsx';

/** The factor ids a strategy pairs, as shown (a pick not yet saved counts). */
export const pickedIds = (data: PlanData, row: Row): string[] => (data.value(row, 'factorIds') as string[]) ?? [];

/** What a strategy's picks make: its TOWS type, or why there is none. Deleted factors no longer count. */
export function strategyType(data: PlanData, row: Row) {
  return picksType(data, pickedIds(data, row));
}

export function picksType(data: PlanData, ids: readonly string[]) {
  const letters = new Map(data.list('factor').map((f) => [f.id, data.value(f, 'swot') as SwotCategory]));
  return towsTypeOf(ids.flatMap((id) => letters.get(id) ?? []));
}

export function buildIssues(data: PlanData): SwotIssue[] {
  const strategies = data.list('towsStrategy');
  if (strategies.length === 0) return [{ message: 'tows.issue.none' }];
  return strategies.flatMap((row, i) => {
    const n = i + 1;
    const text =
      String(data.value(row, 'text') ?? '').trim() === '' ? [{ message: 'tows.issue.noText', values: { n } }] : [];
    const made = strategyType(data, row);
    const problems =
      'problems' in made ? made.problems.map((p) => ({ message: `tows.issue.${p}`, values: { n } })) : [];
    return [...text, ...problems];
  });
}

export function choiceIssues(data: PlanData): SwotIssue[] {
  return data.list('towsStrategy').some((r) => data.value(r, 'chosen') === true)
    ? []
    : [{ message: 'tows.issue.noneChosen' }];
}
