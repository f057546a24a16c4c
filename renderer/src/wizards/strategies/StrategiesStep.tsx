import { useTranslation } from 'react-i18next';
import type { Row } from '../../../../main/core/rows.ts';
import { SWOT_CATEGORIES, type SwotCategory } from '../../../../main/core/swot.ts';
import { factorCodes } from '../../../../main/core/swotPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { outline, type Outline } from '../goals/outline.ts';
import { analysisOf } from '../swot/analysis.ts';
import { NeedsGoals, numberOf, useName } from './common.tsx';
import { Expander, PickGroup, usePicks, type PickOption } from './Picks.tsx';

/** What a strategy may link to, worked out once per render of the step, not once per strategy. */
interface Sources {
  /** TOWS strategies chosen in the matrix, plus any linked before it was unchosen (so it can be unticked). */
  readonly tows: readonly Row[];
  readonly towsById: ReadonlyMap<string, Row>;
  readonly factors: readonly { letter: SwotCategory; options: PickOption[] }[];
  /** Factor id → its code (S1, O2 …). */
  readonly codes: ReadonlyMap<string, string>;
}

function useSources(): Sources {
  const data = usePlanData();
  const allTows = data.list('towsStrategy');
  const linked = new Set(data.list('strategy').flatMap((s) => (data.value(s, 'towsStrategyIds') as string[]) ?? []));
  const analysis = analysisOf(data);
  const codes = factorCodes(analysis);
  return {
    tows: allTows.filter((r) => data.value(r, 'chosen') === true || linked.has(r.id)),
    towsById: new Map(allTows.map((r) => [r.id, r])),
    factors: SWOT_CATEGORIES.map((letter) => ({
      letter,
      options: analysis.factors[letter].map((f) => ({
        id: f.id,
        label: (
          <>
            <strong>{codes.get(f.id)}</strong> {f.statement}
          </>
        ),
      })),
    })).filter((group) => group.options.length > 0),
    codes,
  };
}

/** Step 1: the strategies of each goal, grouped by issue and goal, linked to TOWS strategies and factors. */
export function StrategiesStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const plan = outline(data.rows);
  const name = useName();
  const sources = useSources();
  const chosen = sources.tows.some((r) => data.value(r, 'chosen') === true);
  return (
    <NeedsGoals plan={plan}>
      <p className="hint">{t('strategies.strategiesHint')}</p>
      {!chosen && (
        <div className="notice">
          <p>{t('strategies.tows.none')}</p>
          <a href={`#/plan/${data.plan.id}/tows/2`} className="link">
            {t('strategies.tows.toTows')}
          </a>
        </div>
      )}
      {plan.issues.map((issue) => (
        <section key={issue.id} aria-label={t('strategies.issueN', { number: numberOf(plan, issue) })}>
          <h3>
            {t('strategies.issueN', { number: numberOf(plan, issue) })} {name(issue)}
          </h3>
          {plan.children('goal', issue.id).map((goal) => (
            <GoalStrategies key={goal.id} plan={plan} goal={goal} sources={sources} />
          ))}
        </section>
      ))}
    </NeedsGoals>
  );
}

function GoalStrategies({ plan, goal, sources }: { plan: Outline; goal: Row; sources: Sources }) {
  const { t } = useTranslation();
  const name = useName();
  const goalNumber = numberOf(plan, goal);
  return (
    // Laid out and painted only near the screen: a plan of a hundred goals stays quick to type in.
    <section className="strat-group" aria-label={t('strategies.goalN', { number: goalNumber })} data-row-id={goal.id}>
      <h4>
        {t('strategies.goalN', { number: goalNumber })} {name(goal)}
      </h4>
      {plan.children('strategy', goal.id).length === 0 && <p className="muted">{t('strategies.noStrategyYet')}</p>}
      <RowList
        entity="strategy"
        parentId={goal.id}
        itemLabel={(row, _i, tt) => tt('strategies.strategyN', { number: numberOf(plan, row) })}
        addLabel={t('strategies.addStrategy', { number: goalNumber })}
      >
        {(row) => (
          <>
            <RowText row={row} field="name" label={t('strategies.strategyName')} multiline />
            <TowsPicks row={row} sources={sources} />
            <FactorPicks row={row} sources={sources} />
          </>
        )}
      </RowList>
    </section>
  );
}

function TowsPicks({ row, sources }: { row: Row; sources: Sources }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { picked, toggle } = usePicks(row, 'towsStrategyIds');
  if (sources.tows.length === 0) return null;
  const options = sources.tows.map((tows) => ({
    id: tows.id,
    label: (
      <>
        <strong>{String(data.value(tows, 'type'))}</strong> {String(data.value(tows, 'text'))}
        {data.value(tows, 'chosen') !== true && <span className="muted"> {t('strategies.tows.notChosen')}</span>}
      </>
    ),
  }));
  return <PickGroup legend={t('strategies.tows.legend')} options={options} picked={picked} toggle={toggle} />;
}

function FactorPicks({ row, sources }: { row: Row; sources: Sources }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { picked, toggle, add } = usePicks(row, 'factorIds');
  if (sources.factors.length === 0) return <p className="muted">{t('strategies.factors.none')}</p>;
  // In code order (S1, S2 … T3), whatever order they were ticked in; deleted factors no longer show.
  const codes = [...sources.codes].filter(([id]) => picked.has(id)).map(([, code]) => code);
  const towsIds = (data.value(row, 'towsStrategyIds') as string[] | undefined) ?? [];
  const fromTows = () =>
    add(towsIds.flatMap((id) => (sources.towsById.get(id)?.data.factorIds as string[] | undefined) ?? []));
  return (
    <div className="strat-factors">
      <p className="strat-factors-head">
        <strong>{t('strategies.factors.legend')}:</strong>{' '}
        {codes.length > 0
          ? t('strategies.factors.picked', { count: codes.length, codes: codes.join(', ') })
          : t('strategies.factors.pickedNone')}
      </p>
      <Expander label={t('strategies.factors.show')}>
        {() => (
          <>
            <button type="button" disabled={towsIds.length === 0} onClick={fromTows}>
              {t('strategies.factors.fromTows')}
            </button>
            <div className="strat-factor-groups">
              {sources.factors.map((group) => (
                <PickGroup
                  key={group.letter}
                  legend={t(`swot.letter.${group.letter}`)}
                  options={group.options}
                  picked={picked}
                  toggle={toggle}
                />
              ))}
            </div>
          </>
        )}
      </Expander>
    </div>
  );
}
