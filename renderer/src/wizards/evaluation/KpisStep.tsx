import { useTranslation } from 'react-i18next';
import { Direction } from '../../../../main/core/rows.ts';
import { useLiveDrafts, usePlanData } from '../../plan/PlanData.tsx';
import { RowNumber, RowSelect, RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { NeedsPeriod, formatWeight, nameOf } from './common.tsx';

/** Step 2: the KPIs of each goal, with the live weight total of each strategic issue. */
export function KpisStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  // The weight total per issue follows each keystroke, before the autosave.
  useLiveDrafts();
  const directions = Direction.options.map((value) => ({ value, label: t(`evaluation.directions.${value}`) }));
  return (
    <NeedsPeriod>
      <p className="hint">{t('evaluation.weightHint')}</p>
      {data.list('prevIssue').map((issue, i) => {
        const goals = data.list('prevGoal', issue.id);
        const sum = goals
          .flatMap((g) => data.list('prevKpi', g.id))
          .reduce((total, kpi) => total + (Number(data.value(kpi, 'weight')) || 0), 0);
        return (
          <section key={issue.id} aria-label={t('evaluation.issueN', { number: i + 1 })}>
            <h3>
              {t('evaluation.issueN', { number: i + 1 })} {nameOf(issue)}
            </h3>
            <p className="muted" aria-live="polite">
              {t('evaluation.weightTotal', { sum: formatWeight(sum) })}
            </p>
            {goals.length === 0 && <p className="muted">{t('evaluation.noGoalsYet')}</p>}
            {goals.map((goal, j) => (
              <div key={goal.id} className="eval-goal">
                <h4>
                  {t('evaluation.goalN', { number: `${i + 1}.${j + 1}` })} {nameOf(goal)}
                </h4>
                <RowList
                  entity="prevKpi"
                  parentId={goal.id}
                  itemLabel={(_row, k, tt) => tt('evaluation.kpiN', { number: `${i + 1}.${j + 1}.${k + 1}` })}
                  addLabel={t('evaluation.addKpi')}
                >
                  {(kpi) => (
                    <>
                      <RowText row={kpi} field="name" label={t('evaluation.kpiName')} />
                      <div className="grid-2">
                        <RowText row={kpi} field="unit" label={t('evaluation.unit')} />
                        <RowSelect row={kpi} field="direction" label={t('evaluation.direction')} options={directions} />
                        <RowNumber row={kpi} field="weight" label={t('evaluation.weight')} />
                        <RowText row={kpi} field="responsibleUnit" label={t('evaluation.responsibleUnit')} />
                      </div>
                    </>
                  )}
                </RowList>
              </div>
            ))}
          </section>
        );
      })}
    </NeedsPeriod>
  );
}
