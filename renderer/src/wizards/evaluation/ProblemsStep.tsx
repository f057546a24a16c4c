import { useTranslation } from 'react-i18next';
import { evaluatePlan } from '../../../../main/core/previousPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowText } from '../../plan/RowFields.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { NeedsPeriod, kpiOutline, nameOf, usePrevYears } from './common.tsx';

/** Step 5: problems and the way forward, per KPI, next to where it stood at the end of the period. */
export function ProblemsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePrevYears();
  const latest = new Map(
    evaluatePlan(data.rows, years, data.options.levelThresholds).overall.kpis.map((k) => [k.kpi.id, k.latest]),
  );
  return (
    <NeedsPeriod>
      <div className="row-list">
        <ol>
          {kpiOutline(data).map(({ kpi, number }) => {
            const label = `${t('evaluation.kpiN', { number })} ${nameOf(kpi)}`;
            const status = latest.get(kpi.id)?.result.status ?? 'no-data';
            return (
              <li key={kpi.id} className="row-item" aria-label={label}>
                <div className="row-item-head">
                  <span className="row-number">{label}</span>
                  <Provenance row={kpi} />
                </div>
                <p className={`eval-status-${status}`}>
                  {t('evaluation.latest', { status: t(`evaluation.statuses.${status}`) })}
                </p>
                <RowText row={kpi} field="problems" label={t('evaluation.problems')} multiline />
                <RowText row={kpi} field="wayForward" label={t('evaluation.wayForward')} multiline />
              </li>
            );
          })}
        </ol>
      </div>
    </NeedsPeriod>
  );
}
