import { useTranslation } from 'react-i18next';
import type { Light } from '../../../../main/core/monitoring.ts';
import { kpiStandings, type KpiStanding } from '../../../../main/core/monitoringPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { nameOf } from '../../plan/names.ts';
import '../../plan/tables.css';
import { LightDot, Standing } from './KpiResultsStep.tsx';
import { PeriodPicker, usePeriod } from './period.tsx';
import './monitoring.css';

const LIGHTS: readonly Light[] = ['green', 'amber', 'red', 'none'];

/** Step 3: per strategic issue and for the whole plan, how many KPIs stand at each light; then every KPI. */
export function SummaryStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const [period, setPeriod] = usePeriod();
  const standings = kpiStandings(data.rows, period.year, data.options.levelThresholds);
  const issues = data.list('strategicIssue');
  // "1.2.3": the issue is the first part of a KPI's number.
  const groups = [
    ...issues.map((issue, i) => ({
      label: `${t('monitoring.issueN', { number: i + 1 })} ${nameOf(issue)}`,
      kpis: standings.filter((s) => s.number.split('.')[0] === String(i + 1)),
    })),
    { label: t('monitoring.allIssues'), kpis: standings },
  ];
  const count = (kpis: readonly KpiStanding[], light: Light) => kpis.filter((k) => k.progress.light === light).length;
  return (
    <>
      <p className="hint">{t('monitoring.summaryHint')}</p>
      <PeriodPicker period={period} onChange={setPeriod} />
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('monitoring.issue')}</th>
              <th scope="col" className="num">
                {t('monitoring.kpiCount')}
              </th>
              {LIGHTS.map((light) => (
                <th key={light} scope="col" className="num">
                  <LightDot light={light} /> {t(`monitoring.light.${light}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.label}>
                <th scope="row" className="table-row-name">
                  {g.label}
                </th>
                <td className="num">{g.kpis.length}</td>
                {LIGHTS.map((light) => (
                  <td key={light} className="num">
                    {count(g.kpis, light)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        {standings.map((s) => (
          <li key={s.kpiId}>
            {s.number} {s.name} — <Standing standing={s} />
          </li>
        ))}
      </ul>
    </>
  );
}
