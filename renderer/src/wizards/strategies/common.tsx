import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetSummary } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { YearsHead } from '../../plan/YearsHead.tsx';
import { sameProps } from '../../plan/sameProps.ts';
import { nameOf } from '../../plan/names.ts';
import { goalsOf, projectsOf, strategiesOf } from '../../../../main/core/stepChecks.ts';
import { baht } from '../../../../main/core/pdf/format.ts';
import type { Outline } from '../goals/outline.ts';
import './strategies.css';

/** What the strategies steps share: the walk down to projects, labels, baht and the gates of empty plans. */

export { goalsOf, kindOf, projectsOf, strategiesOf, type StrategyPlace } from '../../../../main/core/stepChecks.ts';

/** A row's name, or a placeholder while it has none (its number still says which one). */
export function useName(): (row: Row) => string {
  const { t } = useTranslation();
  return (row) => nameOf(row) || t('strategies.unnamed');
}

/** The number core's numbering() gives a row (the one the PDF prints). */
export const numberOf = (plan: Outline, row: Row): string => plan.numbers.get(row.id) ?? '';

/**
 * The plan's years, plus any year a budget was entered for outside them (the plan period was changed since):
 * shown, so the columns add up to the totals and such a budget can be seen and cleared.
 */
export function budgetYears(planYears: readonly number[], rows: readonly Row[]): number[] {
  const years = new Set(planYears);
  for (const row of rows)
    if (row.entity === 'projectBudget' && typeof row.data.year === 'number') years.add(row.data.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * A budget table's head: the name column, the years, the total and any `more` columns. Memoised (sameProps):
 * a save re-renders the budget step's hundreds of tables, and their heads do not change with it.
 */
export const BudgetHead = memo(function BudgetHead({
  first,
  years,
  more = [],
}: {
  first: string;
  years: readonly number[];
  more?: string[];
}) {
  const { t } = useTranslation();
  return (
    <YearsHead
      first={first}
      years={years}
      yearLabel={(year) => t('strategies.yearHead', { year })}
      after={[t('strategies.total'), ...more]}
    />
  );
}, sameProps);

/**
 * How wide a baht figure is in the font's digit widths (ch): Sarabun's digits are all one width, its comma and
 * point about half of one (0.52 in bold). A little over is harmless; under, a longer figure would widen its
 * column in one table only.
 */
export const figureWidth = (amount: number): number =>
  [...baht(amount)].reduce((w, c) => w + (c === ',' || c === '.' ? 0.55 : 1), 0);

/**
 * A figure column as wide as `ch` digits in bold (the totals' row, the widest a column shows) plus its cells'
 * padding (--figure-pad of the step's tables, strategies.css) and border (and a pixel to spare), so that the name column, left free,
 * takes the rest of the width.
 */
export function FigureCol({ ch }: { ch: number }) {
  return <col className="figure-col" style={{ width: `calc(${ch}ch + var(--figure-pad) + 2px)` }} />;
}

/** A group's budget per year and its total. */
export function YearCells({ years, summary }: { years: readonly number[]; summary: BudgetSummary | undefined }) {
  return (
    <>
      {years.map((year) => (
        <td key={year} className="num">
          {baht(summary?.byYear.get(year) ?? 0)}
        </td>
      ))}
      <td className="num">{baht(summary?.total ?? 0)}</td>
    </>
  );
}

/** A budget table's total row: what it sums, then its cells. */
export function TotalFoot({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tfoot>
      <tr>
        <th scope="row">{label}</th>
        {children}
      </tr>
    </tfoot>
  );
}

/** A notice with a link to where the missing part is made. */
function Missing({ text, link, href }: { text: string; link: string; href: string }) {
  return (
    <div className="notice">
      <p>{text}</p>
      <a href={href} className="link">
        {link}
      </a>
    </div>
  );
}

/** Strategies hang under goals: without any, say so and point at the goals wizard. */
export function NeedsGoals({ plan, children }: { plan: Outline; children: ReactNode }) {
  const { t } = useTranslation();
  const { plan: header } = usePlanData();
  if (goalsOf(plan).length > 0) return children;
  return <Missing text={t('strategies.noGoals')} link={t('strategies.toGoals')} href={`#/plan/${header.id}/goals/1`} />;
}

/** Projects hang under strategies: without any, point at step 1. */
export function NeedsStrategies({ plan, children }: { plan: Outline; children: ReactNode }) {
  const { t } = useTranslation();
  const { plan: header } = usePlanData();
  if (goalsOf(plan).length === 0) return <NeedsGoals plan={plan}>{null}</NeedsGoals>;
  if (strategiesOf(plan).length > 0) return children;
  return (
    <Missing
      text={t('strategies.noStrategies')}
      link={t('strategies.toStrategies')}
      href={`#/plan/${header.id}/strategies/1`}
    />
  );
}

/** Budgets belong to projects: without any, point at step 2. */
export function NeedsProjects({ plan, children }: { plan: Outline; children: ReactNode }) {
  const { t } = useTranslation();
  const { plan: header } = usePlanData();
  if (strategiesOf(plan).length === 0) return <NeedsStrategies plan={plan}>{null}</NeedsStrategies>;
  if (projectsOf(plan).length > 0) return children;
  return (
    <Missing
      text={t('strategies.noProjects')}
      link={t('strategies.toProjects')}
      href={`#/plan/${header.id}/strategies/2`}
    />
  );
}
