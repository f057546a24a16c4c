import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../plan/PlanData.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { NeedsPeriod, kpiOutline, nameOf, usePrevYears } from './common.tsx';
import { PastePanel } from './PastePanel.tsx';
import { YearCell } from './YearCell.tsx';

/** Step 3: target and actual per KPI and previous-plan year, typed in a table or pasted from Excel. */
export function TargetsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePrevYears();
  const kpis = kpiOutline(data);
  // Year rows have the id `${kpiId}:${year}`.
  const yearRows = new Map(data.list('prevKpiYear').map((r) => [r.id, r]));
  return (
    <NeedsPeriod>
      <p className="hint">{t('evaluation.targetsHint')}</p>
      {kpis.length === 0 ? (
        <p className="muted">{t('evaluation.noKpisYet')}</p>
      ) : (
        <div className="eval-table-wrap">
          <table className="eval-table">
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  {t('evaluation.kpi')}
                </th>
                {years.map((year) => (
                  <th key={year} colSpan={2} scope="colgroup">
                    {t('evaluation.yearHead', { year })}
                  </th>
                ))}
              </tr>
              <tr>
                {years.map((year) => (
                  <Fragment key={year}>
                    <th scope="col">{t('evaluation.target')}</th>
                    <th scope="col">{t('evaluation.actual')}</th>
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {kpis.map(({ kpi, number }) => {
                const name = nameOf(kpi) || t('evaluation.unnamed');
                return (
                  <tr key={kpi.id}>
                    <th scope="row" className="eval-kpi-name">
                      {number} {name} ({String(kpi.data.unit)})
                      <Provenance row={kpi} />
                    </th>
                    {years.map((year) => (
                      <Fragment key={year}>
                        <td>
                          <YearCell
                            kpi={kpi}
                            row={yearRows.get(`${kpi.id}:${year}`)}
                            year={year}
                            field="target"
                            label={t('evaluation.targetOf', { year, kpi: name })}
                          />
                        </td>
                        <td>
                          <YearCell
                            kpi={kpi}
                            row={yearRows.get(`${kpi.id}:${year}`)}
                            year={year}
                            field="actual"
                            label={t('evaluation.actualOf', { year, kpi: name })}
                          />
                        </td>
                      </Fragment>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PastePanel years={years} />
    </NeedsPeriod>
  );
}
