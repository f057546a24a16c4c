import { useMemo } from 'react';
import { numbering } from '../../../../main/core/planContent.ts';
import type { Row, RowEntity } from '../../../../main/core/rows.ts';
import { periodLength } from '../../../../main/core/years.ts';
import { usePlanData } from '../../plan/PlanData.tsx';

/**
 * The plan's content as the goals steps walk it: issues → goals → KPIs → yearly targets, with the numbers of
 * core's numbering() (the ones the PDF prints). Built in one pass, so that a plan of 200 goals and 1,000 KPIs
 * does not filter every row once per goal.
 */
export interface Outline {
  readonly numbers: ReadonlyMap<string, string>;
  readonly issues: readonly Row[];
  /** Rows of `entity` under `parentId`, in their order. */
  children(entity: RowEntity, parentId: string): readonly Row[];
  /** kpiTarget rows by their id, `${kpiId}:${year}`. */
  readonly targets: ReadonlyMap<string, Row>;
}

export function outline(rows: readonly Row[]): Outline {
  const lists = new Map<string, Row[]>();
  const targets = new Map<string, Row>();
  for (const row of rows) {
    if (row.entity === 'kpiTarget') targets.set(row.id, row);
    const key = `${row.entity}|${row.parentId ?? ''}`;
    const list = lists.get(key);
    if (list) list.push(row);
    else lists.set(key, [row]);
  }
  return {
    numbers: numbering(rows),
    issues: lists.get('strategicIssue|') ?? [],
    children: (entity, parentId) => lists.get(`${entity}|${parentId}`) ?? [],
    targets,
  };
}

/** Every year of the plan's period, in B.E. (2566…2570). */
function planYears(plan: { readonly startYear: number; readonly endYear: number }): number[] {
  return Array.from({ length: periodLength(plan.startYear, plan.endYear) }, (_, i) => plan.startYear + i);
}

export function usePlanYears(): number[] {
  const { plan } = usePlanData();
  return useMemo(() => planYears(plan), [plan]);
}
