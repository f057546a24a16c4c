import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { previousYears } from '../../../../main/core/previousPlan.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { formatPeriod } from '../../../../main/core/years.ts';
import { usePlanData, type PlanData } from '../../plan/PlanData.tsx';
import '../../plan/tables.css';
import './evaluation.css';

/** What the evaluation steps share: the previous period's years, the KPI outline and number formats. */

/** Memoised on the plan, so that lists computed from the years (the paste preview) are not redone per render. */
export function usePrevYears(): number[] {
  const { plan } = usePlanData();
  return useMemo(() => previousYears(plan), [plan]);
}

/** Every step needs the previous period; without it, say so and point at the plan page where it is set. */
export function NeedsPeriod({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = previousYears(data.plan);
  if (years.length === 0)
    return (
      <div className="notice notice-error">
        <p>{t('evaluation.noPeriod')}</p>
        <a href={`#/plan/${data.plan.id}`} className="link">
          {t('evaluation.setPeriod')}
        </a>
      </div>
    );
  return (
    <>
      <p className="muted">{t('evaluation.period', { period: formatPeriod(years[0]!, years.at(-1)!) })}</p>
      {children}
    </>
  );
}

export interface OutlineKpi {
  readonly issue: Row;
  readonly goal: Row;
  readonly kpi: Row;
  /** "1.2.3": issue, goal and KPI in their order, the way Thai plans number them. */
  readonly number: string;
}

/** Every KPI under its goal and issue, in the order they were arranged. */
export function kpiOutline(data: Pick<PlanData, 'list'>): OutlineKpi[] {
  return data
    .list('prevIssue')
    .flatMap((issue, i) =>
      data
        .list('prevGoal', issue.id)
        .flatMap((goal, j) =>
          data.list('prevKpi', goal.id).map((kpi, k) => ({ issue, goal, kpi, number: `${i + 1}.${j + 1}.${k + 1}` })),
        ),
    );
}

export { nameOf } from '../../plan/names.ts';

/** Achievement % with one decimal, scores and weights with two, as evaluation tables print them. */
export const formatPercent = (n: number) => n.toFixed(1);
export const formatScore = (n: number) => n.toFixed(2);
export const formatWeight = (n: number) => n.toFixed(2);

/** The two header rows of a per-year table: the KPI column, then each previous-plan year over its columns. */
export function YearColumnsHead({ years, columns }: { years: readonly number[]; columns: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th rowSpan={2} scope="col">
          {t('evaluation.kpi')}
        </th>
        {years.map((year) => (
          <th key={year} colSpan={columns.length} scope="colgroup">
            {t('evaluation.yearHead', { year })}
          </th>
        ))}
      </tr>
      <tr>
        {years.map((year) => (
          <Fragment key={year}>
            {columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </Fragment>
        ))}
      </tr>
    </thead>
  );
}
