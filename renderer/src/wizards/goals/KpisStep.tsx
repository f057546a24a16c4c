import { useTranslation } from 'react-i18next';
import { unitKind } from '../../../../main/core/planContent.ts';
import { Direction, type Row } from '../../../../main/core/rows.ts';
import { nameOf } from '../../plan/names.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowNumber, RowSelect, RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { outline } from './outline.ts';
import { UNIT_SUGGESTIONS } from './units.ts';
import { ThaiText } from '../../thai/ThaiText.tsx';
import { ReviseButton, RevisionList } from '../monitoring/Revisions.tsx';

const UNITS_LIST = 'goals-units';

/**
 * Step 2: the KPIs of each goal with everything a KPI card of a Thai plan states: name, unit, definition or
 * formula, data source, baseline and its year, direction, responsible unit. One section per goal, laid out
 * only near the screen (a plan of 1,000 KPIs).
 */
export function KpisStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const plan = outline(data.rows);
  const number = (id: string) => plan.numbers.get(id) ?? '';
  const directions = Direction.options.map((value) => ({ value, label: t(`goals.directions.${value}`) }));
  return (
    <>
      <p>
        <ThaiText text={t('goals.kpisIntro')} />
      </p>
      <datalist id={UNITS_LIST}>
        {UNIT_SUGGESTIONS.map((unit) => (
          <option key={unit} value={unit} label={t(`goals.unitKind.${unitKind(unit)}`)} />
        ))}
      </datalist>
      {plan.issues.length === 0 && <p className="muted">{t('goals.noIssuesYet')}</p>}
      {plan.issues.map((issue) => (
        <section key={issue.id} aria-label={t('goals.issueN', { number: number(issue.id) })}>
          <h3>
            {t('goals.issueN', { number: number(issue.id) })} {nameOf(issue)}
          </h3>
          {plan.children('goal', issue.id).length === 0 && <p className="muted">{t('goals.noGoalsYet')}</p>}
          {plan.children('goal', issue.id).map((goal) => (
            <section
              key={goal.id}
              className="goals-kpis goals-nested"
              data-row-id={goal.id}
              aria-label={t('goals.goalN', { number: number(goal.id) })}
            >
              <h4>
                {t('goals.goalN', { number: number(goal.id) })} {nameOf(goal)}
              </h4>
              {plan.children('kpi', goal.id).length === 0 && <p className="muted">{t('goals.goalHasNoKpi')}</p>}
              <RowList
                entity="kpi"
                parentId={goal.id}
                itemLabel={(row, _i, tt) => tt('goals.kpiN', { number: number(row.id) })}
                addLabel={t('goals.addKpi')}
              >
                {(kpi) => <KpiFields kpi={kpi} number={number(kpi.id)} directions={directions} />}
              </RowList>
              <RevisionList items={plan.children('kpi', goal.id)} numbers={plan.numbers} />
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

/** What this step shows of a KPI that is frozen after adoption, and so offers to revise. */
const KPIS_STEP_FIELDS = ['unit', 'direction', 'baselineValue', 'baselineYear'] as const;

function KpiFields({
  kpi,
  number,
  directions,
}: {
  kpi: Row;
  number: string;
  directions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const data = usePlanData();
  // A revision changes the fields' stored values: they start afresh from them.
  const revisions = data.list('revision', kpi.id).length;
  return (
    <>
      <RowText row={kpi} field="name" label={t('goals.kpiName')} />
      <ReviseButton item={kpi} name={`${t('goals.kpiN', { number })} ${nameOf(kpi)}`} fields={KPIS_STEP_FIELDS} />
      <div className="grid-2" key={revisions}>
        <RowText row={kpi} field="unit" label={t('goals.unit')} list={UNITS_LIST} />
        <RowSelect row={kpi} field="direction" label={t('goals.direction')} options={directions} />
        <RowText row={kpi} field="responsibleUnit" label={t('goals.responsibleUnit')} />
        <RowNumber row={kpi} field="baselineValue" label={t('goals.baselineValue')} grouped />
        <RowNumber row={kpi} field="baselineYear" label={t('goals.baselineYear')} />
        <RowText row={kpi} field="dataSource" label={t('goals.dataSource')} />
      </div>
      <RowText row={kpi} field="definition" label={t('goals.definition')} multiline />
    </>
  );
}
