import { budgetSummary, type BudgetSummary } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';

/**
 * Budget sums of groups of projects (a strategy's, an issue's, a unit's), each from core's budgetSummary() over
 * the group's projects and their yearly budgets: the same sums the printed plan shows. `keyOf` says which group
 * a project is in (undefined: none).
 */
export function summariesBy(
  rows: readonly Row[],
  keyOf: (project: Row) => string | undefined,
): Map<string, BudgetSummary> {
  const groups = new Map<string, Row[]>();
  const groupOf = new Map<string, string>();
  const push = (key: string, row: Row) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const row of rows) {
    if (row.entity !== 'project') continue;
    const key = keyOf(row);
    if (key === undefined) continue;
    groupOf.set(row.id, key);
    push(key, row);
  }
  for (const row of rows) {
    const key = row.entity === 'projectBudget' && row.parentId !== null ? groupOf.get(row.parentId) : undefined;
    if (key !== undefined) push(key, row);
  }
  return new Map([...groups].map(([key, list]) => [key, budgetSummary(list)]));
}

/** The unit a project's budget counts under, as budgetSummary's byUnit keys it (trimmed; "" for none). */
export const unitOf = (project: Row): string => String(project.data.responsibleUnit ?? '').trim();
