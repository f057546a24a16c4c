import { thaiCollator } from '../../format.ts';
import { useTranslation } from 'react-i18next';
import { budgetSummariesBy, budgetSummary } from '../../../../main/core/planContent.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { outline, usePlanYears } from '../goals/outline.ts';
import {
  BudgetHead,
  NeedsGoals,
  TotalFoot,
  YearCells,
  budgetYears,
  formatBaht,
  numberOf,
  projectsOf,
  strategiesOf,
  useName,
} from './common.tsx';
import { unitOf } from './totals.ts';
import { ThaiText } from '../../thai/ThaiText.tsx';

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
  return (
    <NeedsGoals plan={plan}>
      <div className="strat-summary">
        <p className="strat-grand">{t('strategies.summary.grandTotal', { amount: formatBaht(summary.total) })}</p>
        <p>{t('strategies.summary.counts', { strategies: strategiesOf(plan).length, projects: projects.length })}</p>
        {summary.total === 0 && <p className="muted">{t('strategies.summary.noBudget')}</p>}
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byIssue')}</caption>
            <BudgetHead years={years} first={t('strategies.summary.issueCol')} />
            <tbody>
              {plan.issues.map((issue) => (
                <tr key={issue.id} data-row-id={issue.id}>
                  <th scope="row" className="table-row-name">
                    <ThaiText text={`${t('strategies.issueN', { number: numberOf(plan, issue) })} ${name(issue)}`} />
                  </th>
                  <YearCells years={years} summary={byIssue.get(issue.id)} />
                </tr>
              ))}
            </tbody>
            <TotalFoot label={t('strategies.planTotal')}>
              <YearCells years={years} summary={summary} />
            </TotalFoot>
          </table>
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('strategies.summary.byUnit')}</caption>
            <BudgetHead years={years} first={t('strategies.summary.unitCol')} more={[t('strategies.summary.share')]} />
            <tbody>
              {units.map((unit) => {
                const unitSummary = byUnit.get(unit);
                return (
                  <tr key={unit}>
                    <th scope="row" className="table-row-name">
                      <ThaiText text={unit || t('strategies.summary.noUnit')} />
                    </th>
                    <YearCells years={years} summary={unitSummary} />
                    <td className="num">{share(unitSummary?.total ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
            <TotalFoot label={t('strategies.planTotal')}>
              <YearCells years={years} summary={summary} />
              <td className="num">{share(summary.total)}</td>
            </TotalFoot>
          </table>
        </div>
      </div>
    </NeedsGoals>
  );
}
