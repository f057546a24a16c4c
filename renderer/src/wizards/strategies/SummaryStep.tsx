import { useTranslation } from 'react-i18next';
import { budgetSummary, type BudgetSummary } from '../../../../main/core/planContent.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { outline, usePlanYears } from '../goals/outline.ts';
import { YearsHead } from './BudgetsStep.tsx';
import { NeedsGoals, budgetYears, formatBaht, numberOf, projectsOf, strategiesOf, useName } from './common.tsx';
import { summariesBy, unitOf } from './totals.ts';

const collator = new Intl.Collator('th');

/** Step 4: the plan's budget per strategic issue, per year and per responsible unit, and its grand total. */
export function SummaryStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const name = useName();
  const rows = data.rows;
  const years = budgetYears(usePlanYears(), rows);
  const plan = outline(rows);
  const summary = budgetSummary(rows);
  const projects = projectsOf(plan);
  const issueOf = new Map(projects.map(({ issue, project }) => [project.id, issue.id]));
  const byIssue = summariesBy(rows, (project) => issueOf.get(project.id));
  const byUnit = summariesBy(rows, (project) => (issueOf.has(project.id) ? unitOf(project) : undefined));
  // Units in Thai dictionary order; projects without a unit last.
  const units = [...byUnit.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const share = (amount: number) => (summary.total > 0 ? ((amount / summary.total) * 100).toFixed(1) : '0.0');
  return (
    <NeedsGoals plan={plan}>
      <div className="strat-summary">
        <p className="strat-grand">{t('strategies.summary.grandTotal', { amount: formatBaht(summary.total) })}</p>
        <p>{t('strategies.summary.counts', { strategies: strategiesOf(plan).length, projects: projects.length })}</p>
        {summary.total === 0 && <p className="muted">{t('strategies.summary.noBudget')}</p>}
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byIssue')}</caption>
            <YearsHead years={years} first={t('strategies.summary.issueCol')} />
            <tbody>
              {plan.issues.map((issue) => (
                <tr key={issue.id} data-row-id={issue.id}>
                  <th scope="row" className="table-row-name">
                    {t('strategies.issueN', { number: numberOf(plan, issue) })} {name(issue)}
                  </th>
                  <YearCells years={years} summary={byIssue.get(issue.id)} />
                </tr>
              ))}
            </tbody>
            <PlanFoot years={years} summary={summary} />
          </table>
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byUnit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('strategies.summary.unitCol')}</th>
                {years.map((year) => (
                  <th key={year} scope="col" className="num">
                    {t('strategies.yearHead', { year })}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('strategies.total')}
                </th>
                <th scope="col" className="num">
                  {t('strategies.summary.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => {
                const unitSummary = byUnit.get(unit);
                return (
                  <tr key={unit}>
                    <th scope="row" className="table-row-name">
                      {unit || t('strategies.summary.noUnit')}
                    </th>
                    <YearCells years={years} summary={unitSummary} />
                    <td className="num">{share(unitSummary?.total ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
            <PlanFoot years={years} summary={summary} extra={share(summary.total)} />
          </table>
        </div>
      </div>
    </NeedsGoals>
  );
}

/** A group's amount per year and its total. */
function YearCells({ years, summary }: { years: readonly number[]; summary: BudgetSummary | undefined }) {
  return (
    <>
      {years.map((year) => (
        <td key={year} className="num">
          {formatBaht(summary?.byYear.get(year) ?? 0)}
        </td>
      ))}
      <td className="num">{formatBaht(summary?.total ?? 0)}</td>
    </>
  );
}

function PlanFoot({ years, summary, extra }: { years: readonly number[]; summary: BudgetSummary; extra?: string }) {
  const { t } = useTranslation();
  return (
    <tfoot>
      <tr>
        <th scope="row">{t('strategies.planTotal')}</th>
        <YearCells years={years} summary={summary} />
        {extra !== undefined && <td className="num">{extra}</td>}
      </tr>
    </tfoot>
  );
}
