import { thaiCollator } from '../../format.ts';
import { baht } from '../../../../main/core/pdf/format.ts';
import { useTranslation } from 'react-i18next';
import { budgetSummariesBy, budgetSummary, type BudgetSummary } from '../../../../main/core/planContent.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { outline, usePlanYears } from '../goals/outline.ts';
import {
  BudgetHead,
  FigureCol,
  figureWidth,
  NeedsGoals,
  TotalFoot,
  YearCells,
  budgetYears,
  numberOf,
  projectsOf,
  strategiesOf,
  useName,
} from './common.tsx';
import { unitOf } from './totals.ts';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * The width of the widest figure of each year's column and of the total column over every group's sums, in
 * digit widths: the same in both tables, so that their columns line up.
 */
function figureColumns(years: readonly number[], sums: readonly BudgetSummary[]): number[] {
  const widest = (amount: (s: BudgetSummary) => number) => Math.max(...sums.map((s) => figureWidth(amount(s))));
  return [...years.map((year) => widest((s) => s.byYear.get(year) ?? 0)), widest((s) => s.total)];
}

/** Step 4: the plan's budget per strategic issue, per year and per responsible unit, and its grand total. */
export function SummaryStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const name = useName();
  const rows = data.rows;
  const years = budgetYears(usePlanYears(), rows);
  const plan = outline(rows);
  const summary = budgetSummary(rows, data.plan);
  const projects = projectsOf(plan);
  const issueOf = new Map(projects.map(({ issue, project }) => [project.id, issue.id]));
  const byIssue = budgetSummariesBy(rows, data.plan, (project) => issueOf.get(project.id));
  const byUnit = budgetSummariesBy(rows, data.plan, (project) =>
    issueOf.has(project.id) ? unitOf(project) : undefined,
  );
  // Units in Thai dictionary order; projects without a unit last.
  const units = [...byUnit.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : thaiCollator.compare(a, b)));
  const share = (amount: number) => (summary.total > 0 ? ((amount / summary.total) * 100).toFixed(1) : '0.0');
  // Both tables have the same figure columns (years, total, share of the plan), at the same widths, so that a
  // year's column lines up from the per-issue table to the per-unit one below it; each as narrow as its widest
  // figure in either table, so that the issue's name gets the rest of the width (at 1366 px it wrapped to five
  // lines beside year columns twice as wide as their figures).
  const figureWidths = figureColumns(years, [summary, ...byIssue.values(), ...byUnit.values()]);
  const head = (first: string) => (
    <>
      <colgroup>
        <col />
        {figureWidths.map((ch, i) => (
          <FigureCol key={i} ch={ch} />
        ))}
        <col className="share-col" />
      </colgroup>
      <BudgetHead years={years} first={first} more={[t('strategies.summary.share')]} />
    </>
  );
  const figures = (of: BudgetSummary | undefined) => (
    <>
      <YearCells years={years} summary={of} />
      <td className="num">{share(of?.total ?? 0)}</td>
    </>
  );
  const planTotal = <TotalFoot label={t('strategies.planTotal')}>{figures(summary)}</TotalFoot>;
  return (
    <NeedsGoals plan={plan}>
      <div className="strat-summary">
        <p className="strat-grand">{t('strategies.summary.grandTotal', { amount: baht(summary.total) })}</p>
        <p>{t('strategies.summary.counts', { strategies: strategiesOf(plan).length, projects: projects.length })}</p>
        {summary.total === 0 && <p className="muted">{t('strategies.summary.noBudget')}</p>}
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byIssue')}</caption>
            {head(t('strategies.summary.issueCol'))}
            <tbody>
              {plan.issues.map((issue) => (
                <tr key={issue.id} data-row-id={issue.id}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={`${t('strategies.issueN', { number: numberOf(plan, issue) })} ${name(issue)}`} />
                  </th>
                  {figures(byIssue.get(issue.id))}
                </tr>
              ))}
            </tbody>
            {planTotal}
          </table>
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byUnit')}</caption>
            {head(t('strategies.summary.unitCol'))}
            <tbody>
              {units.map((unit) => (
                <tr key={unit}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={unit || t('strategies.summary.noUnit')} />
                  </th>
                  {figures(byUnit.get(unit))}
                </tr>
              ))}
            </tbody>
            {planTotal}
          </table>
        </div>
      </div>
    </NeedsGoals>
  );
}
