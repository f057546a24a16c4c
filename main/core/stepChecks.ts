import { completeness, completenessMessage, numbering, type CompletenessItem } from './planContent.ts';
import { evaluatePlan, kpisWithoutTarget, previousYears, weightIssues as prevWeightIssues } from './previousPlan.ts';
import { oncePerRows, rowIndex } from './rowIndex.ts';
import { missingRequired, type PlanYears, type Row, type RowData, type RowEntity } from './rows.ts';
import type { SwotCategory } from './swot.ts';
import {
  SIDE_LETTERS,
  analyse,
  factorIssues,
  scaleIssues,
  toFactor,
  towsTypeOf,
  two,
  weightIssues,
  type Side,
  type SwotAnalysis,
} from './swotPlan.ts';
import { formatPeriod } from './years.ts';
import { yearToDate } from './monitoring.ts';

/**
 * The checks of every drafting wizard's steps, in one place: what keeps the user on a step (Next refuses,
 * the step list says "needs attention" with these reasons, core/progress.ts derives the step's state from
 * them) and whether a step holds anything yet. Where a check is also a completeness rule (a goal without a
 * KPI, a year without a target, a strategy without a project, a project without a unit or a budget), it reads
 * core's completeness() items, so the step, the review panel and the plan page list the same things.
 *
 * Judged on the rows as shown: the renderer passes rows with values still being typed applied, so Next right
 * after typing judges what is on screen. Messages are i18n keys with their values.
 */

/** What the checks read of a plan: its rows (as shown), its years, its options. */
export interface PlanState {
  readonly rows: readonly Row[];
  readonly plan: PlanYears;
  readonly options: RowData<'planOptions'>;
}

/** A problem that keeps the user on a step: an i18n key and its values. */
export interface StepIssue {
  readonly message: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface StepCheck {
  /** Checked on Next: any issue keeps the user here. */
  readonly issues?: (state: PlanState) => StepIssue[];
  /** What the step finds still open without holding Next (a review step): it keeps the step from "done". */
  readonly findings?: (state: PlanState) => StepIssue[];
  /** The step holds something of its own; a step without it (a summary) follows its wizard. */
  readonly started?: (state: PlanState) => boolean;
  /** The step may be left empty (core/progress.ts): it is done once its wizard is begun and its check passes. */
  readonly optional?: true;
}

/** A row's name as typed, trimmed ("" when not given yet). */
export const nameOf = (row: Row): string => String(row.data.name ?? '').trim();

const text = (row: Row, field: string) => String(row.data[field] ?? '').trim();

const MAX_LISTED = 10;

/** A long list of reasons shows its first ten and how many more, so the step's alert stays readable. */
export function capped(issues: StepIssue[]): StepIssue[] {
  if (issues.length <= MAX_LISTED) return issues;
  return [...issues.slice(0, MAX_LISTED), { message: 'wizard.andMore', values: { count: issues.length - MAX_LISTED } }];
}

/** The usual reason to stay on a step: rows whose required fields (core ROW_REQUIRED) are still empty. */
export function requiredIssues(rows: readonly Row[]): StepIssue[] {
  const missing = missingRequired(rows).length;
  return missing > 0 ? [{ message: 'wizard.missingRequired', values: { count: missing } }] : [];
}

/**
 * The plan's rows by entity and parent, with core's numbers (the ones the PDF prints), built in one pass so
 * that a plan of 1,000 KPIs is not filtered once per goal.
 */
export interface Outline {
  readonly numbers: ReadonlyMap<string, string>;
  readonly issues: readonly Row[];
  /** Rows of `entity` under `parentId` (null: top level), in their order. */
  children(entity: RowEntity, parentId: string | null): readonly Row[];
  /** kpiTarget rows by their id, `${kpiId}:${year}`. */
  readonly targets: ReadonlyMap<string, Row>;
}

/**
 * Outlines by the rows they were made from: the screens of a plan and every step's check ask for the outline
 * of the same rows (the renderer gives them one array per change), and each pass over 10,000 rows with their
 * numbering counts when a save re-renders them all.
 */
export const outline: (rows: readonly Row[]) => Outline = oncePerRows(outlineOf);

function outlineOf(rows: readonly Row[]): Outline {
  const index = rowIndex(rows);
  return {
    numbers: numbering(rows),
    issues: index.children('strategicIssue', null),
    children: index.children,
    targets: new Map(index.of('kpiTarget').map((row) => [row.id, row])),
  };
}

export interface StrategyPlace {
  readonly issue: Row;
  readonly goal: Row;
  readonly strategy: Row;
}

/** Every goal under its issue, in the plan's order. */
export function goalsOf(plan: Outline): { issue: Row; goal: Row }[] {
  return plan.issues.flatMap((issue) => plan.children('goal', issue.id).map((goal) => ({ issue, goal })));
}

export function strategiesOf(plan: Outline): StrategyPlace[] {
  return goalsOf(plan).flatMap(({ issue, goal }) =>
    plan.children('strategy', goal.id).map((strategy) => ({ issue, goal, strategy })),
  );
}

export function projectsOf(plan: Outline): (StrategyPlace & { project: Row })[] {
  return strategiesOf(plan).flatMap((place) =>
    plan.children('project', place.strategy.id).map((project) => ({ ...place, project })),
  );
}

export const kindOf = (project: Row): 'project' | 'programme' =>
  project.data.kind === 'programme' ? 'programme' : 'project';

const of = (state: PlanState, entity: RowEntity) => rowIndex(state.rows).of(entity);
const holds =
  (...entities: RowEntity[]) =>
  (state: PlanState): boolean =>
    entities.some((entity) => of(state, entity).length > 0);
const named = (message: string, rows: readonly Row[]): StepIssue[] =>
  rows.map((row) => ({ message, values: { name: nameOf(row) } }));
/** Completeness items of a rule, by the row they are about. */
const itemsBy = (items: readonly CompletenessItem[], rule: CompletenessItem['rule']) => {
  const by = new Map<string, CompletenessItem[]>();
  for (const item of items) if (item.rule === rule) by.set(item.rowId, [...(by.get(item.rowId) ?? []), item]);
  return by;
};

// ---- Setup -------------------------------------------------------------------------------------------------

const setup = {
  members: {
    started: holds('member'),
    issues: (state) => {
      const members = of(state, 'member');
      return [
        ...(members.length === 0 ? [{ message: 'setup.needMember' }] : []),
        ...requiredIssues(members),
        ...(members.some((m) => m.data.role === 'chair') ? [] : [{ message: 'setup.needChair' }]),
      ];
    },
  },
  workshops: {
    started: holds('workshop'),
    optional: true,
    issues: (state) => {
      const undated = of(state, 'workshop').filter((w) => w.data.date === null).length;
      return undated > 0 ? [{ message: 'setup.undatedWorkshops', values: { count: undated } }] : [];
    },
  },
  frameworks: { started: (state) => state.options.frameworkCatalogs.length > 0, optional: true },
  offices: { started: holds('office'), optional: true, issues: (state) => requiredIssues(of(state, 'office')) },
  summary: {},
} satisfies Record<string, StepCheck>;

// ---- Evaluation of the previous plan ------------------------------------------------------------------------

const periodIssues = (state: PlanState): StepIssue[] =>
  previousYears(state.plan).length === 0 ? [{ message: 'evaluation.needPeriod' }] : [];

/** Year rows with a value in `field`: targets and results share the row of their KPI and year. */
const yearsWith = (field: string) => (state: PlanState) =>
  of(state, 'prevKpiYear').some((row) => typeof row.data[field] === 'number');

const evaluation = {
  issues: {
    started: holds('prevIssue'),
    issues: (state) => {
      const issues = of(state, 'prevIssue');
      const goals = of(state, 'prevGoal');
      return [
        ...periodIssues(state),
        ...(issues.length === 0 ? [{ message: 'evaluation.needIssue' }] : []),
        ...requiredIssues([...issues, ...goals]),
        ...named(
          'evaluation.issueNeedsGoal',
          issues.filter((i) => !goals.some((g) => g.parentId === i.id)),
        ),
      ];
    },
  },
  kpis: {
    started: holds('prevKpi'),
    issues: (state) => {
      const kpis = of(state, 'prevKpi');
      return [
        ...periodIssues(state),
        ...requiredIssues(kpis),
        ...named(
          'evaluation.goalNeedsKpi',
          of(state, 'prevGoal').filter((g) => !kpis.some((k) => k.parentId === g.id)),
        ),
        ...prevWeightIssues(state.rows).map(({ issue, sum }) => ({
          message: 'evaluation.weightsDontSum',
          values: { name: nameOf(issue), sum: two(sum) },
        })),
      ];
    },
  },
  targets: {
    started: yearsWith('target'),
    issues: (state) => [
      ...periodIssues(state),
      ...named('evaluation.noTarget', kpisWithoutTarget(state.rows, previousYears(state.plan))),
    ],
  },
  results: { started: yearsWith('actual'), issues: periodIssues },
  /** A KPI that ended the period not achieved needs its problems written down: they feed the new plan. */
  problems: {
    started: (state) => of(state, 'prevKpi').some((kpi) => text(kpi, 'problems') !== ''),
    optional: true,
    issues: (state) => {
      const result = evaluatePlan(state.rows, previousYears(state.plan), state.options.levelThresholds);
      return [
        ...periodIssues(state),
        ...named(
          'evaluation.needProblems',
          result.overall.kpis
            .filter((k) => k.latest?.result.status === 'not-achieved' && text(k.kpi, 'problems') === '')
            .map((k) => k.kpi),
        ),
      ];
    },
  },
  summary: {},
} satisfies Record<string, StepCheck>;

// ---- Situation and direction --------------------------------------------------------------------------------

const needMissions = (state: PlanState): StepIssue[] => {
  const missions = of(state, 'mission');
  if (missions.length === 0) return [{ message: 'situation.needMission' }];
  return requiredIssues(missions);
};

const situation = {
  missions: { started: holds('mission'), issues: needMissions },
  matrix: {
    started: holds('missionLink'),
    issues: (state) => {
      const missions = needMissions(state);
      if (missions.length > 0) return missions;
      return of(state, 'missionLink').length === 0 ? [{ message: 'situation.needLink' }] : [];
    },
  },
  summary: {},
} satisfies Record<string, StepCheck>;

const needVision = (state: PlanState): StepIssue[] =>
  text(of(state, 'vision')[0] ?? ({ data: {} } as Row), 'text') === '' ? [{ message: 'direction.needVision' }] : [];
const valuesIssues = (state: PlanState): StepIssue[] => requiredIssues(of(state, 'coreValue'));

const direction = {
  vision: { started: (state) => needVision(state).length === 0, issues: needVision },
  missions: { started: holds('mission'), issues: needMissions },
  values: { started: holds('coreValue'), optional: true, issues: valuesIssues },
  summary: { issues: (state) => [...needVision(state), ...needMissions(state), ...valuesIssues(state)] },
} satisfies Record<string, StepCheck>;

// ---- Weighted SWOT, one wizard per side, and TOWS -----------------------------------------------------------

const analysisOf = (state: PlanState): SwotAnalysis =>
  analyse(
    of(state, 'factor').map((row) => toFactor(row)),
    state.options,
  );

function swotSide(side: Side) {
  const letters: readonly unknown[] = SIDE_LETTERS[side];
  const mine = (state: PlanState) => of(state, 'factor').filter((r) => letters.includes(r.data.swot));
  return {
    settings: { issues: (state) => scaleIssues(state.options) },
    factors: {
      started: (state) => mine(state).length > 0,
      issues: (state) => [...factorIssues(side, analysisOf(state)), ...requiredIssues(mine(state))],
    },
    weights: {
      started: (state) => mine(state).some((r) => typeof r.data.weight === 'number'),
      issues: (state) => weightIssues(side, analysisOf(state), state.options),
    },
    // The steps can be opened in any order: finishing checks everything again.
    summary: {
      issues: (state) => {
        const analysis = analysisOf(state);
        return [
          ...scaleIssues(state.options),
          ...factorIssues(side, analysis),
          ...weightIssues(side, analysis, state.options),
        ];
      },
    },
  } satisfies Record<string, StepCheck>;
}

/** What a strategy's picks make: its TOWS type, or why there is none. Deleted factors no longer count. */
export function picksType(rows: readonly Row[], ids: readonly string[]) {
  const letters = new Map(rows.filter((r) => r.entity === 'factor').map((f) => [f.id, f.data.swot as SwotCategory]));
  return towsTypeOf(ids.flatMap((id) => letters.get(id) ?? []));
}

const towsBuild = (state: PlanState): StepIssue[] => {
  const strategies = of(state, 'towsStrategy');
  if (strategies.length === 0) return [{ message: 'tows.issue.none' }];
  return strategies.flatMap((row, i) => {
    const n = i + 1;
    const made = picksType(state.rows, (row.data.factorIds as string[] | undefined) ?? []);
    return [
      ...(text(row, 'text') === '' ? [{ message: 'tows.issue.noText', values: { n } }] : []),
      ...('problems' in made ? made.problems.map((p) => ({ message: `tows.issue.${p}`, values: { n } })) : []),
    ];
  });
};
const towsChoice = (state: PlanState): StepIssue[] =>
  of(state, 'towsStrategy').some((r) => r.data.chosen === true) ? [] : [{ message: 'tows.issue.noneChosen' }];

const tows = {
  build: { started: holds('towsStrategy'), issues: towsBuild },
  matrix: { started: (state) => of(state, 'towsStrategy').some((r) => r.data.chosen === true), issues: towsChoice },
  summary: { issues: (state) => [...towsBuild(state), ...towsChoice(state)] },
} satisfies Record<string, StepCheck>;

// ---- Goals: strategic issues → goals → KPIs → a target for every plan year ----------------------------------

/** A row as messages name it: its number and its name in quotes, or the number alone while it has no name. */
const called = (number: string, row: Row) => (nameOf(row) ? `${number} “${nameOf(row)}”` : number);

function goalsIssuesStep(state: PlanState): StepIssue[] {
  const plan = outline(state.rows);
  if (plan.issues.length === 0) return [{ message: 'goals.needIssue' }];
  const found: StepIssue[] = [];
  for (const issue of plan.issues) {
    const number = plan.numbers.get(issue.id) ?? '';
    if (!nameOf(issue)) found.push({ message: 'goals.issueUnnamed', values: { number } });
    const goals = plan.children('goal', issue.id);
    if (goals.length === 0) found.push({ message: 'goals.issueNeedsGoal', values: { what: called(number, issue) } });
    for (const goal of goals)
      if (!nameOf(goal))
        found.push({ message: 'goals.goalUnnamed', values: { number: plan.numbers.get(goal.id) ?? '' } });
  }
  return capped(found);
}

/** Goals and KPIs in the order the plan shows them (issue by issue), whatever order they were created in. */
function goalsWalk(state: PlanState) {
  const plan = outline(state.rows);
  const goals = plan.issues.flatMap((issue) => plan.children('goal', issue.id));
  const kpis = goals.flatMap((goal) => plan.children('kpi', goal.id));
  return { plan, goals, kpis, items: completeness(state.rows, state.plan) };
}

function goalsKpisStep(state: PlanState): StepIssue[] {
  const { plan, goals, kpis, items } = goalsWalk(state);
  const number = (row: Row) => plan.numbers.get(row.id) ?? '';
  const withoutKpi = itemsBy(items, 'goalWithoutKpi');
  return capped([
    ...goals
      .filter((goal) => withoutKpi.has(goal.id))
      .map((goal) => ({ message: 'goals.goalNeedsKpi', values: { what: called(number(goal), goal) } })),
    ...kpis.flatMap((kpi): StepIssue[] => [
      ...(nameOf(kpi) ? [] : [{ message: 'goals.kpiUnnamed', values: { number: number(kpi) } }]),
      ...(text(kpi, 'unit') === '' ? [{ message: 'goals.kpiNoUnit', values: { what: called(number(kpi), kpi) } }] : []),
    ]),
  ]);
}

/**
 * Every plan year needs a target; the years missing are listed per KPI, not one line per year. A target kept
 * for a year the plan no longer has (its period shortened) holds Next too: it is removed or the period
 * extended, as a budget out of its period is.
 */
function goalsTargetsStep(state: PlanState): StepIssue[] {
  const { plan, kpis, items } = goalsWalk(state);
  const missing = itemsBy(items, 'kpiMissingTarget');
  const outside = new Map<string, number[]>();
  for (const item of items) {
    if (item.rule !== 'targetOutsidePeriod') continue;
    const kpiId = plan.targets.get(item.rowId)?.parentId ?? '';
    outside.set(kpiId, [...(outside.get(kpiId) ?? []), Number(item.values.year)]);
  }
  const years = (list: readonly (string | number | undefined)[]) => list.join(', ');
  return capped(
    kpis.flatMap((kpi): StepIssue[] => {
      const what = called(plan.numbers.get(kpi.id) ?? '', kpi);
      return [
        ...(missing.has(kpi.id)
          ? [
              {
                message: 'goals.kpiMissingTargets',
                values: { what, years: years(missing.get(kpi.id)!.map((i) => i.values.year)) },
              },
            ]
          : []),
        ...(outside.has(kpi.id)
          ? [{ message: 'stepCheck.targetsOutsidePeriod', values: { what, years: years(outside.get(kpi.id)!) } }]
          : []),
      ];
    }),
  );
}

const goals = {
  issues: { started: holds('strategicIssue'), issues: goalsIssuesStep },
  kpis: { started: holds('kpi'), issues: goalsKpisStep },
  targets: { started: holds('kpiTarget'), issues: goalsTargetsStep },
  summary: { issues: (state) => [...goalsIssuesStep(state), ...goalsKpisStep(state), ...goalsTargetsStep(state)] },
} satisfies Record<string, StepCheck>;

// ---- Strategies, projects and budgets -----------------------------------------------------------------------

/** " “name”" after the number, or nothing for a row without a name yet (its number still says which one). */
const quoted = (row: Row) => (nameOf(row) ? ` “${nameOf(row)}”` : '');

function strategiesWalk(state: PlanState) {
  const plan = outline(state.rows);
  const number = (row: Row) => plan.numbers.get(row.id) ?? '';
  /** An issue about a project: its message depends on the kind (โครงการ / แผนงาน). */
  const about = (message: string, project: Row, extra: Record<string, string | number> = {}): StepIssue => ({
    message: `strategies.issue.${message}.${kindOf(project)}`,
    values: { number: number(project), name: quoted(project), ...extra },
  });
  return { plan, number, about, items: completeness(state.rows, state.plan) };
}
type StrategiesWalk = ReturnType<typeof strategiesWalk>;

function strategyFindings({ plan, number }: StrategiesWalk): StepIssue[] {
  const strategies = strategiesOf(plan).map(({ strategy }) => strategy);
  if (strategies.length === 0) return [{ message: 'strategies.issue.noStrategies' }];
  return strategies
    .filter((strategy) => !nameOf(strategy))
    .map((strategy) => ({ message: 'strategies.issue.strategyNoName', values: { number: number(strategy) } }));
}

function projectFindings({ plan, number, about, items }: StrategiesWalk, state: PlanState): StepIssue[] {
  const { startYear, endYear } = state.plan;
  const withoutProject = itemsBy(items, 'strategyWithoutProject');
  const withoutUnit = itemsBy(items, 'projectWithoutResponsibleUnit');
  const found: StepIssue[] = [];
  for (const { strategy } of strategiesOf(plan)) {
    if (withoutProject.has(strategy.id)) {
      found.push({
        message: 'strategies.issue.strategyNoProject',
        values: { number: number(strategy), name: quoted(strategy) },
      });
    }
    for (const project of plan.children('project', strategy.id)) {
      if (!nameOf(project)) found.push(about('projectNoName', project));
      if (withoutUnit.has(project.id)) found.push(about('projectNoUnit', project));
      const start = typeof project.data.startYear === 'number' ? project.data.startYear : null;
      const end = typeof project.data.endYear === 'number' ? project.data.endYear : null;
      if (start !== null && end !== null && end < start) found.push(about('projectEndBeforeStart', project));
      else if (
        (start !== null && (start < startYear || start > endYear)) ||
        (end !== null && (end < startYear || end > endYear))
      ) {
        found.push(
          about('projectOutsidePeriod', project, {
            period: formatPeriod(start ?? end!, end ?? start!),
            plan: formatPeriod(startYear, endYear),
          }),
        );
      }
    }
  }
  return found;
}

function budgetFindings({ plan, about, items }: StrategiesWalk): StepIssue[] {
  const projects = projectsOf(plan).map(({ project }) => project);
  if (projects.length === 0) return [{ message: 'strategies.issue.noProjects' }];
  const withoutBudget = itemsBy(items, 'projectWithoutBudget');
  const outside = itemsBy(items, 'budgetOutsidePeriod');
  const found: StepIssue[] = [];
  for (const project of projects) {
    if (withoutBudget.has(project.id)) found.push(about('projectNoBudget', project));
    for (const b of plan.children('projectBudget', project.id)) {
      if (typeof b.data.amount === 'number' && b.data.amount < 0)
        found.push(about('negativeBudget', project, { year: Number(b.data.year) }));
      if (outside.has(b.id)) found.push(about('budgetOutsidePeriod', project, { year: Number(b.data.year) }));
    }
  }
  return found;
}

function strategiesIssues(...steps: ((w: StrategiesWalk, state: PlanState) => StepIssue[])[]) {
  return (state: PlanState): StepIssue[] => {
    const w = strategiesWalk(state);
    if (goalsOf(w.plan).length === 0) return [{ message: 'strategies.issue.noGoals' }];
    return capped(steps.flatMap((step) => step(w, state)));
  };
}

const strategies = {
  strategies: { started: holds('strategy'), issues: strategiesIssues(strategyFindings) },
  projects: { started: holds('project'), issues: strategiesIssues(projectFindings) },
  budgets: { started: holds('projectBudget'), issues: strategiesIssues(budgetFindings) },
  summary: { issues: strategiesIssues(strategyFindings, projectFindings, budgetFindings) },
} satisfies Record<string, StepCheck>;

// ---- Review -------------------------------------------------------------------------------------------------

/** The completeness items as reasons: the review's last step does not hold Next, but it is not done with any. */
export function completenessIssues(state: PlanState): StepIssue[] {
  return completeness(state.rows, state.plan).map(completenessMessage);
}

const review = {
  alignment: { started: holds('alignmentLink') },
  map: { started: holds('strategicIssue') },
  completeness: { started: holds('strategicIssue'), findings: completenessIssues },
} satisfies Record<string, StepCheck>;

// ---- The plan document's own texts: nothing is required ---------------------------------------------------

/** A document step holds something once one of its texts is written; an empty one prints a default or nothing. */
const written =
  (...fields: (keyof RowData<'document'>)[]) =>
  (state: PlanState): boolean => {
    const row = of(state, 'document')[0];
    return row !== undefined && fields.some((field) => text(row, field) !== '');
  };

const document = {
  foreword: { started: written('foreword'), optional: true },
  intro: { started: written('background', 'objectives'), optional: true },
  monitoring: { started: written('monitoring'), optional: true },
  summary: {},
} satisfies Record<string, StepCheck>;

// ---- After adoption: monitoring -----------------------------------------------------------------------------

const notAdopted = (state: PlanState): StepIssue[] =>
  state.options.adoptedOn ? [] : [{ message: 'monitoring.notAdopted' }];

/**
 * A KPI's year with a quarter left empty before one that has a result (core/monitoring.ts yearToDate's gaps):
 * the year's figure to date misses that quarter. Judged from the rows alone, not from today's date, so a
 * quarter not yet due is never reported missing here (the offices' reporting step says what is late).
 */
function quarterGaps(state: PlanState): StepIssue[] {
  const plan = outline(state.rows);
  // Results by KPI, then by year: the four quarters, null where none is entered.
  const results = new Map<string, Map<number, (number | null)[]>>();
  for (const row of of(state, 'kpiQuarter')) {
    const years = results.get(row.parentId ?? '') ?? new Map<number, (number | null)[]>();
    const quarters = years.get(Number(row.data.year)) ?? [null, null, null, null];
    quarters[Number(row.data.quarter) - 1] = typeof row.data.result === 'number' ? row.data.result : null;
    years.set(Number(row.data.year), quarters);
    results.set(row.parentId ?? '', years);
  }
  const found: StepIssue[] = [];
  for (const { goal } of goalsOf(plan))
    for (const kpi of plan.children('kpi', goal.id))
      for (const [year, quarters] of [...(results.get(kpi.id) ?? [])].sort(([a], [b]) => a - b)) {
        const { gaps } = yearToDate('cumulative', quarters);
        if (gaps.length > 0)
          found.push({
            message: 'stepCheck.quarterGap',
            values: { what: called(plan.numbers.get(kpi.id) ?? '', kpi), year, quarters: gaps.join(', ') },
          });
      }
  return capped(found);
}

const monitoring = {
  adopt: { started: (state) => state.options.adoptedOn !== null, issues: notAdopted },
  kpis: {
    started: holds('kpiQuarter'),
    findings: (state) => (of(state, 'kpi').length === 0 ? [{ message: 'monitoring.noKpis' }] : quarterGaps(state)),
  },
  projects: { started: holds('projectQuarter'), optional: true },
  arrivals: { started: holds('reminder'), optional: true },
  summary: {},
} satisfies Record<string, StepCheck>;

/** Every wizard's step checks, by wizard and step id: the drafting wizards, the document texts, monitoring. */
export const STEP_CHECKS = {
  setup,
  evaluation,
  situation,
  internal: swotSide('internal'),
  external: swotSide('external'),
  tows,
  direction,
  goals,
  strategies,
  review,
  document,
  monitoring,
} as const satisfies Record<string, Record<string, StepCheck>>;
