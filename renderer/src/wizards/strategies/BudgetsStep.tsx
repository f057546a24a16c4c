import { createContext, useContext, type ReactNode } from 'react';
import { baht } from '../../../../main/core/pdf/format.ts';
import { useTranslation } from 'react-i18next';
import { budgetSummariesBy, budgetSummary, type BudgetSummary } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { useLiveDrafts, usePlanData } from '../../plan/PlanData.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { YearCell } from '../../plan/YearCell.tsx';
import { outline, usePlanYears, type Outline } from '../goals/outline.ts';
import {
  BudgetHead,
  FigureCol,
  NeedsProjects,
  TotalFoot,
  YearCells,
  budgetYears,
  figureWidth,
  kindOf,
  numberOf,
  strategiesOf,
  useName,
  type StrategyPlace,
} from './common.tsx';
import { unitOf } from './totals.ts';
import { AdoptedNotice, ReviseButton, RevisionList } from '../monitoring/Revisions.tsx';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 3: per strategy, a table of its projects with a budget for each plan year. A year's budget row (id
 * `${projectId}:${year}`) is made by the first value typed into it. Totals per project, per strategy and per
 * year follow the typing, before the autosave.
 */
export function BudgetsStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const plan = outline(data.rows);
  const budgetRows = data.list('projectBudget');
  const years = budgetYears(usePlanYears(), budgetRows);
  const budgets = new Map(budgetRows.map((row) => [row.id, row]));
  // Cells keep what was typed in them; a revision changes a stored budget, so the tables start afresh.
  const revisions = data.list('revision').length;
  const places = strategiesOf(plan).filter(({ strategy }) => plan.children('project', strategy.id).length > 0);
  return (
    <NeedsProjects plan={plan}>
      <div className="strat-budgets">
        <p className="hint">{t('strategies.budgetsHint')}</p>
        <p className="muted">{t('strategies.inBaht')}</p>
        <AdoptedNotice />
        <LiveTotals>
          {places.map((place) => (
            <StrategyBudget
              key={`${place.strategy.id}:${revisions}`}
              plan={plan}
              place={place}
              years={years}
              budgets={budgets}
            />
          ))}
          <PlanTotal years={years} />
        </LiveTotals>
      </div>
    </NeedsProjects>
  );
}

interface Totals {
  readonly plan: BudgetSummary;
  readonly byStrategy: ReadonlyMap<string, BudgetSummary>;
}

const TotalsContext = createContext<Totals | null>(null);

/**
 * Sums of what is on screen, values still being typed included. Only this provider and the total cells
 * re-render per keystroke: the tables below it are the same elements and are skipped.
 */
function LiveTotals({ children }: { children: ReactNode }) {
  useLiveDrafts();
  const data = usePlanData();
  const rows = data.rows;
  const totals = {
    plan: budgetSummary(rows, data.plan),
    byStrategy: budgetSummariesBy(rows, data.plan, (project) => project.parentId ?? undefined),
  };
  return <TotalsContext.Provider value={totals}>{children}</TotalsContext.Provider>;
}

function useTotals(): Totals {
  const totals = useContext(TotalsContext);
  if (!totals) throw new Error('useTotals outside LiveTotals');
  return totals;
}

function ProjectTotal({ project }: { project: Row }) {
  return <>{baht(useTotals().plan.byProject.get(project.id) ?? 0)}</>;
}

/**
 * The columns of every table of the step: the name's, a year's (7rem, an input for millions, strategies.css),
 * and the total's, as wide as the plan's total: no sum of the step is longer (budgets are never negative), so
 * the total columns line up down the page and follow the typing.
 */
function BudgetCols({ years }: { years: readonly number[] }) {
  return (
    <colgroup>
      <col />
      {years.map((year) => (
        <col key={year} />
      ))}
      <FigureCol ch={figureWidth(useTotals().plan.total)} />
    </colgroup>
  );
}

/** A group's sums per year and in all, read from the live totals. */
function LiveSums({ years, of }: { years: readonly number[]; of: (totals: Totals) => BudgetSummary | undefined }) {
  return <YearCells years={years} summary={of(useTotals())} />;
}

/** A project's budgets per year: frozen after adoption, revised from the project's name. */
const BUDGET_FIELDS = ['amount'] as const;

function StrategyBudget({
  plan,
  place,
  years,
  budgets,
}: {
  plan: Outline;
  place: StrategyPlace;
  years: readonly number[];
  budgets: ReadonlyMap<string, Row>;
}) {
  const { t } = useTranslation();
  const name = useName();
  const { strategy } = place;
  const strategyNumber = numberOf(plan, strategy);
  const label = `${t('strategies.strategyN', { number: strategyNumber })} ${name(strategy)}`;
  return (
    // One table per strategy, laid out only near the screen: typing into one of 500 projects lays out one table.
    <section className="table-group" aria-label={label} data-row-id={strategy.id}>
      <h3>{label}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <BudgetCols years={years} />
          <BudgetHead years={years} first={t('strategies.projectCol')} />
          <tbody>
            {plan.children('project', strategy.id).map((project) => {
              const title = `${numberOf(plan, project)} ${name(project)}`;
              const unit = unitOf(project);
              return (
                <tr key={project.id} data-row-id={project.id}>
                  <th scope="row" className="table-row-name">
                    <ThaiText
                      text={`${t(`strategies.projectN.${kindOf(project)}`, { number: numberOf(plan, project) })} ${name(project)}`}
                    />
                    {unit && <span className="table-note">{unit}</span>}
                    <Provenance row={project} />
                    <ReviseButton item={project} name={title} fields={BUDGET_FIELDS} />
                  </th>
                  {years.map((year) => (
                    <td key={year} data-row-id={`${project.id}:${year}`}>
                      <YearCell
                        entity="projectBudget"
                        kpi={project}
                        row={budgets.get(`${project.id}:${year}`)}
                        year={year}
                        field="amount"
                        label={t('strategies.amountOf', { year, name: title })}
                      />
                    </td>
                  ))}
                  <td className="num">
                    <ProjectTotal project={project} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <TotalFoot label={t('strategies.strategyTotal', { number: strategyNumber })}>
            <LiveSums years={years} of={(totals) => totals.byStrategy.get(strategy.id)} />
          </TotalFoot>
        </table>
      </div>
      <RevisionList items={plan.children('project', strategy.id)} numbers={plan.numbers} />
    </section>
  );
}

function PlanTotal({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('strategies.planTotal')}>
      <h3>{t('strategies.planTotal')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <BudgetCols years={years} />
          <BudgetHead years={years} first="" />
          <TotalFoot label={t('strategies.planTotal')}>
            <LiveSums years={years} of={(totals) => totals.plan} />
          </TotalFoot>
        </table>
      </div>
    </section>
  );
}
