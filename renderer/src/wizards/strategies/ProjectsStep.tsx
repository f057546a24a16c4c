import { thaiCollator } from '../../format.ts';
import { useTranslation } from 'react-i18next';
import { ProjectKind, type Row } from '../../../../main/core/rows.ts';
import { formatPeriod } from '../../../../main/core/years.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowNumber, RowSelect, RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { outline, type Outline } from '../goals/outline.ts';
import { NeedsStrategies, goalsOf, kindOf, numberOf, strategiesOf, useName, type StrategyPlace } from './common.tsx';
import { Expander, PickGroup, usePicks } from './Picks.tsx';

const UNITS_LIST = 'strategies-units';

/**
 * Units already named in the plan (contributing offices, units responsible for KPIs and projects), offered
 * while typing a project's units: the budget summary groups by the unit as written, so one spelling counts.
 */
function UnitSuggestions() {
  const data = usePlanData();
  const names = new Set<string>();
  for (const row of data.rows) {
    const name = row.entity === 'office' ? row.data.name : row.data.responsibleUnit;
    if ((row.entity === 'office' || row.entity === 'kpi' || row.entity === 'project') && typeof name === 'string')
      if (name.trim()) names.add(name.trim());
  }
  return (
    <datalist id={UNITS_LIST}>
      {[...names].sort(thaiCollator.compare).map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

/** Step 2: the projects and programmes of each strategy, every field, and the KPIs each one serves. */
export function ProjectsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const plan = outline(data.rows);
  const { startYear, endYear } = data.plan;
  return (
    <NeedsStrategies plan={plan}>
      <p className="hint">{t('strategies.projectsHint', { period: formatPeriod(startYear, endYear) })}</p>
      <UnitSuggestions />
      {strategiesOf(plan).map((place) => (
        <StrategyProjects key={place.strategy.id} plan={plan} place={place} />
      ))}
    </NeedsStrategies>
  );
}

function StrategyProjects({ plan, place }: { plan: Outline; place: StrategyPlace }) {
  const { t } = useTranslation();
  const name = useName();
  const { strategy } = place;
  const strategyNumber = numberOf(plan, strategy);
  return (
    // One section per strategy, laid out only near the screen: 500 projects stay quick to type in.
    <section
      className="strat-group"
      aria-label={t('strategies.strategyN', { number: strategyNumber })}
      data-row-id={strategy.id}
    >
      <p className="muted strat-path">
        {t('strategies.issueN', { number: numberOf(plan, place.issue) })} {name(place.issue)} ›{' '}
        {t('strategies.goalN', { number: numberOf(plan, place.goal) })} {name(place.goal)}
      </p>
      <h3>
        {t('strategies.strategyN', { number: strategyNumber })} {name(strategy)}
      </h3>
      {plan.children('project', strategy.id).length === 0 && <p className="muted">{t('strategies.noProjectYet')}</p>}
      <RowList
        entity="project"
        parentId={strategy.id}
        itemLabel={(row, _i, tt) => tt(`strategies.projectN.${kindOf(row)}`, { number: numberOf(plan, row) })}
        addLabel={t('strategies.addProject', { number: strategyNumber })}
      >
        {(row) => <ProjectFields row={row} plan={plan} goal={place.goal} />}
      </RowList>
    </section>
  );
}

function ProjectFields({ row, plan, goal }: { row: Row; plan: Outline; goal: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { startYear, endYear } = data.plan;
  const kinds = ProjectKind.options.map((value) => ({ value, label: t(`strategies.project.kinds.${value}`) }));
  return (
    <>
      <RowText row={row} field="name" label={t('strategies.project.name')} />
      <div className="grid-2">
        <RowSelect row={row} field="kind" label={t('strategies.project.kind')} options={kinds} />
        <RowNumber
          row={row}
          field="startYear"
          label={t('strategies.project.startYear')}
          values={{ start: startYear, end: endYear }}
        />
        <RowNumber
          row={row}
          field="endYear"
          label={t('strategies.project.endYear')}
          values={{ start: startYear, end: endYear }}
        />
      </div>
      <div className="grid-2">
        <RowText row={row} field="responsibleUnit" label={t('strategies.project.responsibleUnit')} list={UNITS_LIST} />
        <RowText row={row} field="supportingUnits" label={t('strategies.project.supportingUnits')} list={UNITS_LIST} />
      </div>
      <RowText row={row} field="rationale" label={t('strategies.project.rationale')} multiline />
      <RowText row={row} field="objectives" label={t('strategies.project.objectives')} multiline />
      <KpiPicks row={row} plan={plan} goal={goal} />
    </>
  );
}

/** The KPIs of the project's own goal first (the usual choice), those of other goals on request. */
function KpiPicks({ row, plan, goal }: { row: Row; plan: Outline; goal: Row }) {
  const { t } = useTranslation();
  const name = useName();
  const { picked, toggle } = usePicks(row, 'kpiIds');
  const options = (g: Row) =>
    plan.children('kpi', g.id).map((kpi) => ({
      id: kpi.id,
      label: `${t('strategies.kpiN', { number: numberOf(plan, kpi) })} ${name(kpi)}`,
    }));
  const own = options(goal);
  const others = goalsOf(plan).filter((g) => g.goal.id !== goal.id);
  const pickedElsewhere = others.flatMap(({ goal: g }) => plan.children('kpi', g.id)).filter((k) => picked.has(k.id));
  return (
    <div className="strat-kpis">
      {own.length > 0 ? (
        <PickGroup
          legend={t('strategies.kpis.legend', { number: numberOf(plan, goal) })}
          options={own}
          picked={picked}
          toggle={toggle}
        />
      ) : (
        <p className="muted">{t('strategies.kpis.noneInGoal')}</p>
      )}
      {others.length > 0 && (
        <Expander label={t('strategies.kpis.others', { count: pickedElsewhere.length })}>
          {() =>
            others.map(({ goal: g }) => {
              const list = options(g);
              return list.length === 0 ? null : (
                <PickGroup
                  key={g.id}
                  legend={`${t('strategies.goalN', { number: numberOf(plan, g) })} ${name(g)}`}
                  options={list}
                  picked={picked}
                  toggle={toggle}
                />
              );
            })
          }
        </Expander>
      )}
    </div>
  );
}
