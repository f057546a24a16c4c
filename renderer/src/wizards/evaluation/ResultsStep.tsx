import { useTranslation } from 'react-i18next';
import type { Achievement } from '../../../../main/core/evaluation.ts';
import { evaluatePlan } from '../../../../main/core/previousPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { NeedsPeriod, formatPercent, kpiOutline, nameOf, usePrevYears, YearColumnsHead } from './common.tsx';
import { Thresholds } from './Thresholds.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/** The computed cells of one KPI and year: %, level, status, and why a percentage is missing if it is. */
export function ResultCells({ result }: { result: Achievement }) {
  const { t } = useTranslation();
  return (
    <>
      <td className="num">{result.percent === null ? t('evaluation.dash') : formatPercent(result.percent)}</td>
      <td className="num">{result.level ?? t('evaluation.dash')}</td>
      <td>
        <span className={`eval-status-${result.status}`}>{t(`evaluation.statuses.${result.status}`)}</span>
        {result.note && <span className="table-note">{t(`evaluation.notes.${result.note}`)}</span>}
      </td>
    </>
  );
}

/** Step 4: per KPI and year, achievement %, level and status from core/evaluation, and the thresholds. */
export function ResultsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePrevYears();
  const evaluation = evaluatePlan(data.rows, years, data.options.levelThresholds);
  const byKpi = new Map(evaluation.overall.kpis.map((k) => [k.kpi.id, k]));
  return (
    <NeedsPeriod>
      <Thresholds />
      <p className="hint">{t('evaluation.resultsHint')}</p>
      <div className="table-wrap">
        <table className="data-table">
          <YearColumnsHead
            years={years}
            columns={[t('evaluation.percent'), t('evaluation.level'), t('evaluation.status')]}
          />
          <tbody>
            {kpiOutline(data).map(({ kpi, number }) => (
              <tr key={kpi.id} aria-label={`${number} ${nameOf(kpi)}`}>
                <th scope="row" className="table-row-name">
                  <ThaiText text={`${number} ${nameOf(kpi) || t('evaluation.unnamed')}`} />
                  <span className="table-note">{t(`evaluation.directions.${String(kpi.data.direction)}`)}</span>
                  <Provenance row={kpi} />
                </th>
                {byKpi.get(kpi.id)?.years.map((y) => (
                  <ResultCells key={y.year} result={y.result} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </NeedsPeriod>
  );
}
