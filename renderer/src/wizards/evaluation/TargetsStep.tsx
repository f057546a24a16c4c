import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../plan/PlanData.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { YearCell } from '../../plan/YearCell.tsx';
import type { Row } from '../../../../main/core/rows.ts';
import { NeedsPeriod, kpiOutline, nameOf, usePrevYears, type OutlineKpi, YearColumnsHead } from './common.tsx';
import { PastePanel } from './PastePanel.tsx';
import { XlsxImportPanel } from './XlsxImportPanel.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/** Step 3: target and actual per KPI and previous-plan year, typed in a table or pasted from Excel. */
export function TargetsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const years = usePrevYears();
  const kpis = kpiOutline(data);
  const groupByGoal = (all: OutlineKpi[]) => {
    const groups = new Map<string, { goal: Row; label: string; kpis: OutlineKpi[] }>();
    for (const k of all) {
      const number = k.number.split('.').slice(0, 2).join('.');
      const group = groups.get(k.goal.id) ?? {
        goal: k.goal,
        label: `${t('evaluation.goalN', { number })} ${nameOf(k.goal)}`,
        kpis: [],
      };
      group.kpis.push(k);
      groups.set(k.goal.id, group);
    }
    return [...groups.values()];
  };
  // Year rows have the id `${kpiId}:${year}`.
  const yearRows = new Map(data.list('prevKpiYear').map((r) => [r.id, r]));
  return (
    <NeedsPeriod>
      <p className="hint">{t('evaluation.targetsHint')}</p>
      {kpis.length === 0 ? (
        <p className="muted">{t('evaluation.noKpisYet')}</p>
      ) : (
        groupByGoal(kpis).map((group) => (
          // One table per goal, each skipped by layout while off screen: typing into one of a thousand KPIs
          // then lays out one small table, not all of them.
          <section key={group.goal.id} className="table-group" aria-label={group.label}>
            <h3>{group.label}</h3>
            <GoalTable kpis={group.kpis} years={years} yearRows={yearRows} />
          </section>
        ))
      )}
      <PastePanel years={years} />
      <XlsxImportPanel years={years} />
    </NeedsPeriod>
  );
}

function GoalTable({ kpis, years, yearRows }: { kpis: OutlineKpi[]; years: number[]; yearRows: Map<string, Row> }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <YearColumnsHead years={years} columns={[t('evaluation.target'), t('evaluation.actual')]} />
        <tbody>
          {kpis.map(({ kpi, number }) => {
            const name = nameOf(kpi) || t('evaluation.unnamed');
            return (
              <tr key={kpi.id}>
                <th scope="row" className="table-row-name">
                  <ThaiText text={`${number} ${name} (${String(kpi.data.unit)})`} />
                  <Provenance row={kpi} />
                </th>
                {years.map((year) => (
                  <Fragment key={year}>
                    <td>
                      <YearCell
                        entity="prevKpiYear"
                        kpi={kpi}
                        row={yearRows.get(`${kpi.id}:${year}`)}
                        year={year}
                        field="target"
                        label={t('evaluation.targetOf', { year, kpi: name })}
                      />
                    </td>
                    <td>
                      <YearCell
                        entity="prevKpiYear"
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
  );
}
