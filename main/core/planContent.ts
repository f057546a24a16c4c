import { oncePerRows, rowIndex } from './rowIndex.ts';
import type { Row, RowEntity } from './rows.ts';

/**
 * Pure rules over the plan's content (core/rows.ts: strategicIssue → goal → kpi → kpiTarget, goal → strategy
 * → project → projectBudget, alignmentLink under an issue, goal or project): hierarchical numbering, budget
 * sums and the completeness checks a plan reviewer applies. Rows come as listRows returns them, siblings in
 * their order; everything here is derived from that order, so numbers follow every add, move and delete.
 */

/** Entities that carry a hierarchical number; KPIs and strategies are numbered separately under their goal. */
const NUMBERED = new Set(['strategicIssue', 'goal', 'kpi', 'strategy', 'project']);

const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  strategicIssue: ['goal'],
  goal: ['kpi', 'strategy'],
  strategy: ['project'],
};

/**
 * Row id → its number: issues 1, 2; goals 1.1; KPIs 1.1.1 and strategies 1.1.1; projects 1.1.1.1. Rows may
 * come sorted by position across entities (listRows), so each sibling list is counted on its own, top down.
 */
export function numbering(rows: readonly Row[]): Map<string, string> {
  const lists = new Map<string, Row[]>();
  for (const row of rows) {
    if (!NUMBERED.has(row.entity)) continue;
    const key = `${row.entity}|${row.parentId ?? ''}`;
    const list = lists.get(key) ?? [];
    list.push(row);
    lists.set(key, list);
  }
  const numbers = new Map<string, string>();
  const walk = (entity: string, parentId: string | null, prefix: string): void => {
    for (const [i, row] of (lists.get(`${entity}|${parentId ?? ''}`) ?? []).entries()) {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      numbers.set(row.id, number);
      for (const child of CHILDREN[entity] ?? []) walk(child, row.id, number);
    }
  };
  walk('strategicIssue', null, '');
  return numbers;
}

/** A plan's years (B.E., inclusive). */
export interface Period {
  readonly startYear: number;
  readonly endYear: number;
}

export interface BudgetSummary {
  /** Sum of every year's entered amount, per project. */
  readonly byProject: ReadonlyMap<string, number>;
  readonly byIssue: ReadonlyMap<string, number>;
  readonly byYear: ReadonlyMap<number, number>;
  /** Per responsible unit as written (trimmed); "" for projects without one. */
  readonly byUnit: ReadonlyMap<string, number>;
  readonly total: number;
}

function add<K>(map: Map<K, number>, key: K, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

const yearOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A year outside a project's own years, where the project has them: a year the project does not run. */
export function outsideProjectYears(year: number, project: Readonly<Record<string, unknown>> | null): boolean {
  const start = yearOf(project?.startYear);
  const end = yearOf(project?.endYear);
  return (start !== null && year < start) || (end !== null && year > end);
}

/**
 * Whether a budget's year lies outside the plan or its project. Shortening either now removes such budgets
 * (core/validity.ts outsidePeriod); one kept by an older version is shown and flagged, so it can be cleared,
 * but never counted.
 */
export function budgetOutsidePeriod(budget: Row, project: Row, period: Period): boolean {
  const year = yearOf(budget.data.year);
  if (year === null) return false;
  return year < period.startYear || year > period.endYear || outsideProjectYears(year, project.data);
}

/**
 * Whether a KPI's yearly target lies outside the plan's years: kept by an older version when the plan was
 * shortened (shortening now removes it). Like a budget out of its period, it is listed, so it can be removed or
 * the period extended, but never counted.
 */
export function targetOutsidePeriod(target: Row, period: Period): boolean {
  const year = yearOf(target.data.year);
  return year !== null && (year < period.startYear || year > period.endYear);
}

/**
 * Budget totals in baht over the plan's period; a year without an amount (null) adds nothing, nor does a
 * budget for a year outside the plan or its project (budgetOutsidePeriod).
 */
export function budgetSummary(rows: readonly Row[], period: Period): BudgetSummary {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ancestor = (row: Row | undefined, entity: string): Row | undefined => {
    // Bounded by the rows seen: a row that is its own ancestor (a goal once moved under its own KPI by a
    // package) must end the walk, not loop forever.
    const seen = new Set<Row>();
    let current = row;
    while (current && current.entity !== entity && !seen.has(current)) {
      seen.add(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return current?.entity === entity ? current : undefined;
  };
  const byProject = new Map<string, number>();
  const byIssue = new Map<string, number>();
  const byYear = new Map<number, number>();
  const byUnit = new Map<string, number>();
  let total = 0;
  for (const row of rows) if (row.entity === 'project') byProject.set(row.id, 0);
  for (const row of rows) {
    if (row.entity !== 'projectBudget' || typeof row.data.amount !== 'number') continue;
    const project = row.parentId === null ? undefined : byId.get(row.parentId);
    if (project?.entity !== 'project' || budgetOutsidePeriod(row, project, period)) continue;
    const amount = row.data.amount;
    add(byProject, project.id, amount);
    add(byYear, row.data.year as number, amount);
    add(byUnit, String(project.data.responsibleUnit ?? '').trim(), amount);
    const issue = ancestor(project, 'strategicIssue');
    if (issue) add(byIssue, issue.id, amount);
    total += amount;
  }
  return { byProject, byIssue, byYear, byUnit, total };
}

/**
 * Budget sums of groups of projects (a strategy's, an issue's, a unit's), each from core's budgetSummary() over
 * the group's projects and their yearly budgets: the screen's and the printed plan's per-group sums alike. `keyOf` says which group
 * a project is in (undefined: none).
 */
export function budgetSummariesBy(
  rows: readonly Row[],
  period: Period,
  keyOf: (project: Row) => string | undefined,
): Map<string, BudgetSummary> {
  const groups = new Map<string, Row[]>();
  const groupOf = new Map<string, string>();
  const push = (key: string, row: Row) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const row of rows) {
    if (row.entity !== 'project') continue;
    const key = keyOf(row);
    if (key === undefined) continue;
    groupOf.set(row.id, key);
    push(key, row);
  }
  for (const row of rows) {
    const key = row.entity === 'projectBudget' && row.parentId !== null ? groupOf.get(row.parentId) : undefined;
    if (key !== undefined) push(key, row);
  }
  return new Map([...groups].map(([key, list]) => [key, budgetSummary(list, period)]));
}

export type UnitKind = 'percent' | 'count' | 'other';

const PERCENT_UNIT = /^(%|ร้อยละ|เปอร์เซ็นต์|percent(age)?)$/i;
/** Units that count whole things: people, times, items, channels, projects, places, pieces, issues, pieces of news. */
const COUNT_UNIT = /^(คน|ราย|ครั้ง|เรื่อง|ชิ้น|ช่องทาง|โครงการ|แห่ง|หน่วยงาน|ฉบับ|ข่าว|กิจกรรม|หลักสูตร|รายการ|ระบบ)$/;

/** What a KPI's unit allows: percentages 0–100, counts whole numbers from 0, any other unit any number. */
export function unitKind(unit: string): UnitKind {
  const trimmed = unit.trim();
  if (PERCENT_UNIT.test(trimmed)) return 'percent';
  if (COUNT_UNIT.test(trimmed)) return 'count';
  return 'other';
}

/** Whether a target is a number the unit allows (null, not entered, is a different rule). */
export function targetFitsUnit(target: number, unit: string): boolean {
  if (!Number.isFinite(target)) return false;
  switch (unitKind(unit)) {
    case 'percent':
      return target >= 0 && target <= 100;
    case 'count':
      return Number.isInteger(target) && target >= 0;
    default:
      return true;
  }
}

export const COMPLETENESS_RULES = [
  'planLacks',
  'issueWithoutGoal',
  'goalWithoutKpi',
  'kpiMissingTarget',
  'targetNotInUnit',
  'targetOutsidePeriod',
  'goalWithoutStrategy',
  'strategyWithoutProject',
  'projectWithoutResponsibleUnit',
  'projectWithoutBudget',
  'budgetOutsidePeriod',
  'issueNotAligned',
  'towsStrategyUnused',
] as const;
export type CompletenessRule = (typeof COMPLETENESS_RULES)[number];

/**
 * Parts a plan needs at least one of, each with the part above it: a missing part is listed for the plan as a
 * whole only while its parent part is missing too (an empty plan lacks them all); once the parent exists, the
 * rules per row say which one lacks it (an issue without a goal, a KPI without a year's target).
 */
export const PLAN_PARTS = [
  ['vision', null],
  ['strategicIssue', null],
  ['goal', 'strategicIssue'],
  ['kpi', 'goal'],
  ['kpiTarget', 'kpi'],
  ['strategy', 'goal'],
  ['project', 'strategy'],
  ['projectBudget', 'project'],
  ['alignmentLink', 'strategicIssue'],
] as const satisfies readonly (readonly [string, string | null])[];
export type PlanPart = (typeof PLAN_PARTS)[number][0];

/**
 * One thing a reviewer would reject: the rule, the row to link to ("" for the plan as a whole, with the
 * missing `part` in its values), and the values its message shows.
 */
export interface CompletenessItem {
  readonly rule: CompletenessRule;
  readonly rowId: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** The i18n key of a rule's message, e.g. planContent.completeness.goalWithoutKpi. */
export function completenessMessageKey(rule: CompletenessRule): string {
  return `planContent.completeness.${rule}`;
}

/**
 * An item's message as every list shows it (review panel, step reasons, side navigation): its key and values,
 * with the i18next context of the rules worded per case (what the plan lacks; a target for the whole period).
 */
export function completenessMessage(item: CompletenessItem): {
  readonly message: string;
  readonly values: Readonly<Record<string, string | number>>;
} {
  const context =
    item.rule === 'planLacks'
      ? String(item.values.part)
      : item.rule === 'targetNotInUnit' && item.values.year === ''
        ? 'period'
        : undefined;
  return { message: completenessMessageKey(item.rule), values: context ? { ...item.values, context } : item.values };
}

/**
 * Every completeness item of a plan over its period (B.E. years, inclusive), in row order. Values: number
 * (hierarchical, "" for rows outside it) and name of the row, plus year, target and unit where they apply.
 */
export function completeness(rows: readonly Row[], period: Period): readonly CompletenessItem[] {
  const found = foundIn(rows);
  const known = found.get(`${period.startYear}-${period.endYear}`);
  if (known) return known;
  const items = completenessOver(rows, period);
  found.set(`${period.startYear}-${period.endYear}`, items);
  return items;
}

/**
 * Items found per array of rows (oncePerRows) and period, which the rows do not carry: the plan page, the review,
 * the print panel and the goals and strategies steps' checks each ask for them (nine times when every wizard's
 * steps are checked, as the side navigation does after each save), and one pass over a large plan's rows takes
 * tens of milliseconds.
 */
const foundIn = oncePerRows(() => new Map<string, readonly CompletenessItem[]>());

function completenessOver(rows: readonly Row[], period: Period): CompletenessItem[] {
  const numbers = numbering(rows);
  const index = rowIndex(rows);
  const childrenOf = (row: Row, entity: RowEntity) => index.children(entity, row.id);
  const label = (row: Row) => ({
    number: numbers.get(row.id) ?? '',
    name: String(row.data.name ?? row.data.text ?? ''),
  });
  const usedTows = new Set(index.of('strategy').flatMap((r) => (r.data.towsStrategyIds as string[] | undefined) ?? []));
  const items: CompletenessItem[] = [];
  const present = (entity: PlanPart) =>
    index
      .of(entity)
      .some(
        (r) =>
          (entity !== 'vision' || String(r.data.text ?? '').trim() !== '') &&
          (entity !== 'projectBudget' || typeof r.data.amount === 'number') &&
          (entity !== 'kpiTarget' || typeof r.data.target === 'number'),
      );
  for (const [part, parent] of PLAN_PARTS)
    if (!present(part) && (parent === null || !present(parent)))
      items.push({ rule: 'planLacks', rowId: '', values: { part } });
  const push = (rule: CompletenessRule, row: Row, extra: Record<string, string | number> = {}) =>
    items.push({ rule, rowId: row.id, values: { ...label(row), ...extra } });

  for (const row of rows) {
    switch (row.entity) {
      case 'strategicIssue':
        if (childrenOf(row, 'goal').length === 0) push('issueWithoutGoal', row);
        if (childrenOf(row, 'alignmentLink').length === 0) push('issueNotAligned', row);
        break;
      case 'goal':
        if (childrenOf(row, 'kpi').length === 0) push('goalWithoutKpi', row);
        // Drawn dashed on the strategy map: a goal nothing is done for.
        if (childrenOf(row, 'strategy').length === 0) push('goalWithoutStrategy', row);
        break;
      case 'kpi': {
        const unit = String(row.data.unit ?? '');
        const targets = new Map(childrenOf(row, 'kpiTarget').map((t) => [t.data.year as number, t]));
        for (let year = period.startYear; year <= period.endYear; year++) {
          const target = targets.get(year)?.data.target;
          if (typeof target !== 'number') push('kpiMissingTarget', row, { year });
        }
        for (const t of targets.values()) {
          const target = t.data.target;
          if (typeof target !== 'number') continue;
          if (targetOutsidePeriod(t, period)) {
            items.push({
              rule: 'targetOutsidePeriod',
              rowId: t.id,
              values: { ...label(row), year: t.data.year as number },
            });
          } else if (!targetFitsUnit(target, unit)) {
            items.push({
              rule: 'targetNotInUnit',
              rowId: t.id,
              values: { ...label(row), year: t.data.year as number, target, unit },
            });
          }
        }
        const periodTarget = row.data.periodTarget;
        if (typeof periodTarget === 'number' && !targetFitsUnit(periodTarget, unit)) {
          push('targetNotInUnit', row, { year: '', target: periodTarget, unit });
        }
        break;
      }
      case 'strategy':
        if (childrenOf(row, 'project').length === 0) push('strategyWithoutProject', row);
        break;
      case 'project':
        if (String(row.data.responsibleUnit ?? '').trim() === '') push('projectWithoutResponsibleUnit', row);
        if (!childrenOf(row, 'projectBudget').some((b) => typeof b.data.amount === 'number')) {
          push('projectWithoutBudget', row);
        }
        for (const budget of childrenOf(row, 'projectBudget'))
          if (typeof budget.data.amount === 'number' && budgetOutsidePeriod(budget, row, period))
            items.push({
              rule: 'budgetOutsidePeriod',
              rowId: budget.id,
              values: { ...label(row), year: budget.data.year as number },
            });
        break;
      case 'towsStrategy':
        if (row.data.chosen === true && !usedTows.has(row.id)) push('towsStrategyUnused', row);
        break;
      default:
        break;
    }
  }
  return items;
}
