import { useTranslation } from 'react-i18next';
import type { Row } from '../../../../main/core/rows.ts';
import { formatAmount } from '../../format.ts';
import { nameOf } from '../../plan/names.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { YearsHead } from '../../plan/YearsHead.tsx';
import { outline, usePlanYears, type Outline } from './outline.ts';
import { Baseline } from './TargetsStep.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 4: the plan's issues, goals and KPIs with their targets, to read through before going on: one table
 * per goal, as the plan document lays them out. A target still missing says so in the cell.
 */
export function Summary() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePlanYears();
  const plan = outline(data.rows);
  const goals = plan.issues.flatMap((issue) => plan.children('goal', issue.id));
  const kpiCount = goals.reduce((n, goal) => n + plan.children('kpi', goal.id).length, 0);
  const number = (id: string) => plan.numbers.get(id) ?? '';
  if (plan.issues.length === 0) return <p className="muted">{t('goals.noIssuesYet')}</p>;
  return (
    <>
      <p>{t('goals.summaryCounts', { issues: plan.issues.length, goals: goals.length, kpis: kpiCount })}</p>
      {plan.issues.map((issue) => (
        <section key={issue.id} data-row-id={issue.id}>
          <h3>
            {t('goals.issueN', { number: number(issue.id) })} {nameOf(issue)}
          </h3>
          {plan.children('goal', issue.id).map((goal) => (
            <section key={goal.id} className="table-group goals-nested" data-row-id={goal.id}>
              <h4>
                {t('goals.goalN', { number: number(goal.id) })} {nameOf(goal)}
              </h4>
              {plan.children('kpi', goal.id).length === 0 ? (
                <p className="goals-missing">{t('goals.goalHasNoKpi')}</p>
              ) : (
                <KpiTable kpis={plan.children('kpi', goal.id)} years={years} plan={plan} />
              )}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

function KpiTable({ kpis, years, plan }: { kpis: readonly Row[]; years: number[]; plan: Outline }) {
  const { t } = useTranslation();
  const amount = (value: unknown) =>
    typeof value === 'number' ? formatAmount(value) : <span className="goals-missing">{t('goals.notSet')}</span>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <YearsHead
          first={t('goals.kpi')}
          before={[t('goals.baseline')]}
          years={years}
          yearLabel={(year) => t('goals.yearHead', { year })}
          after={[t('goals.wholePeriod')]}
        />
        <tbody>
          {kpis.map((kpi) => (
            <tr key={kpi.id} data-row-id={kpi.id}>
              <th scope="row" className="table-row-name">
                <ThaiText text={`${plan.numbers.get(kpi.id) ?? ''} ${nameOf(kpi) || t('goals.unnamed')}`} />
                <span className="table-note">
                  {t('goals.kpiNote', {
                    unit: String(kpi.data.unit ?? ''),
                    direction: t(`goals.directions.${String(kpi.data.direction)}`),
                  })}
                </span>
                {String(kpi.data.responsibleUnit ?? '').trim() && (
                  <span className="table-note">
                    {t('goals.responsibleNote', { unit: String(kpi.data.responsibleUnit) })}
                  </span>
                )}
              </th>
              <td className="num goals-baseline">
                <Baseline kpi={kpi} />
              </td>
              {years.map((year) => (
                <td key={year} className="num">
                  {amount(plan.targets.get(`${kpi.id}:${year}`)?.data.target)}
                </td>
              ))}
              <td className="num">{amount(kpi.data.periodTarget)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
