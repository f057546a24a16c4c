import { createContext, memo, useContext, type ReactNode } from 'react';
import { baht } from '../../../../main/core/pdf/format.ts';
import { useTranslation } from 'react-i18next';
import { budgetSummariesBy, budgetSummary, type BudgetSummary } from '../../../../main/core/planContent.ts';
import { rowIndex } from '../../../../main/core/rowIndex.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { useLiveDrafts, usePlanData } from '../../plan/PlanData.tsx';
import { Provenance } from '../../plan/RowList.tsx';
import { sameProps } from '../../plan/sameProps.ts';
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
  const years = budgetYears(usePlanYears(), data.list('projectBudget'));
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
            <StrategyBudget key={`${place.strategy.id}:${revisions}`} plan={plan} place={place} years={years} />
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

const SUMMED = ['strategicIssue', 'goal', 'strategy', 'project', 'projectBudget'] as const;

/**
 * Sums of what is on screen, values still being typed included. Only this provider and the total cells
 * re-render per keystroke: the tables below it are the same elements and are skipped.
 */
function LiveTotals({ children }: { children: ReactNode }) {
  useLiveDrafts();
  const data = usePlanData();
  // What the sums read (projects, their budgets, and the strategies, goals and issues above them), not the
  // plan's other rows (its 1,000 KPIs and their targets): this is done again with each keystroke.
  const index = rowIndex(data.rows);
  const rows = SUMMED.flatMap((entity) => index.of(entity));
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

function StrategyBudget({ plan, place, years }: { plan: Outline; place: StrategyPlace; years: readonly number[] }) {
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
            {plan.children('project', strategy.id).map((project) => (
              <ProjectBudgetRow
                key={project.id}
                project={project}
                number={numberOf(plan, project)}
                years={years}
                budgets={plan.children('projectBudget', project.id)}
              />
            ))}
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

/**
 * One project's row: memoised on the project, its number and its budget rows (sameProps), so that a save
 * re-renders the row it changed, not the other 499; its total follows the typing through the live totals.
 */
const ProjectBudgetRow = memo(function ProjectBudgetRow({
  project,
  number,
  years,
  budgets,
}: {
  project: Row;
  number: string;
  years: readonly number[];
  /** The project's budget rows, any year. */
  budgets: readonly Row[];
}) {
  const { t } = useTranslation();
  const name = useName();
  const title = `${number} ${name(project)}`;
  const unit = unitOf(project);
  return (
    <tr data-row-id={project.id}>
      <th scope="row" className="table-row-name">
        <ThaiText text={`${t(`strategies.projectN.${kindOf(project)}`, { number })} ${name(project)}`} />
        {unit && <span className="table-note">{unit}</span>}
        <Provenance row={project} />
        <ReviseButton item={project} name={title} fields={BUDGET_FIELDS} />
      </th>
      {years.map((year) => (
        <td key={year} data-row-id={`${project.id}:${year}`}>
          <YearCell
            entity="projectBudget"
            kpi={project}
            row={budgets.find((budget) => budget.id === `${project.id}:${year}`)}
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
}, sameProps);

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
