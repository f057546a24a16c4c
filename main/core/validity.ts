import { OfficeCode } from './exchange/identity.ts';
import { outsideProjectYears, targetFitsUnit, unitKind } from './planContent.ts';
import { ROW_DEFAULTS, isRowField, rowFieldSchema, type PlanYears, type RowEntity } from './rows.ts';
import { ratingInRange, type ScoringConfig } from './swot.ts';

/**
 * The one rule set for what a row's field may hold: the field's schema (core/rows.ts) plus the rules that need
 * the plan around the row (a rating within the plan's scale, a year within the plan, a target its KPI's unit
 * allows, a budget that is not negative and falls in its project's years). The input field asks it to flag a
 * value, the row service (main/services/rows.ts) asks it to refuse one, an import of operations asks it per
 * operation: a value one of them accepts the others accept, so nothing flagged is ever stored or counted.
 *
 * Problems are i18n keys (validation.*, swot.*, goals.*, strategies.*), shown under the field in Thai or
 * English; the values a message needs (the scale, the plan's years, the unit) are in the context.
 */

/** What the rules need to know about the plan around one row. */
export interface ValidityContext {
  /** The plan's years (B.E.) and its previous plan's, when set. */
  readonly plan: PlanYears;
  /** The plan's rating scale (planOptions through swotPlan's scoringConfig; its defaults while the plan has none). */
  readonly scale: ScoringConfig;
  /** The row's parent's fields (the KPI of a target, the project of a budget); null when it has none. */
  readonly parent: Readonly<Record<string, unknown>> | null;
  /** The row's fields as they will be once the value is written (start and end years are checked together). */
  readonly row: Readonly<Record<string, unknown>>;
  /**
   * The fields of the other live rows of the same entity under the same parent, for a rule that needs a
   * value unique among them (an office's code); read only by such a rule, so it may be costly.
   */
  readonly siblings: () => readonly Readonly<Record<string, unknown>>[];
}

/** Codes compare as a shared folder's names do on Windows: trimmed, any case. */
const sameCode = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

/**
 * An office's code in the plan's set-up: the exchange's code rule (it names the office's folder in a shared
 * folder), and unique among the plan's offices. Empty while it is being filled in (the step asks for it).
 */
function officeCodeProblem(code: string, ctx: ValidityContext): string | undefined {
  const text = code.trim();
  if (text === '') return undefined;
  if (!OfficeCode.safeParse(text).success) return 'exchange.identity.codeInvalid';
  return ctx.siblings().some((other) => sameCode(other.code, text)) ? 'workspace.officeCodeTaken' : undefined;
}

/** The years a row of this entity may be about: the plan's, or the previous plan's for its evaluation. */
function yearProblem(entity: RowEntity, year: number, plan: PlanYears): string | undefined {
  if (entity === 'prevKpiYear') {
    const { prevStartYear: start, prevEndYear: end } = plan;
    return start !== null && end !== null && (year < start || year > end) ? 'validity.yearOutsidePrevious' : undefined;
  }
  return year < plan.startYear || year > plan.endYear ? 'validity.yearOutsidePlan' : undefined;
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function unitProblem(value: number, unit: unknown): string | undefined {
  const text = typeof unit === 'string' ? unit : '';
  return targetFitsUnit(value, text) ? undefined : `goals.notInUnit.${unitKind(text)}`;
}

/** The problem with the year of the row a yearly value is written into (ctx.row.year), if any. */
function yearOf(entity: RowEntity, ctx: ValidityContext): string | undefined {
  const year = num(ctx.row.year);
  return year === null ? undefined : yearProblem(entity, year, ctx.plan);
}

/** The rules beyond the schema, for a value the schema accepts. */
function contextProblem(entity: RowEntity, field: string, value: unknown, ctx: ValidityContext): string | undefined {
  const n = num(value);
  switch (`${entity}.${field}`) {
    case 'office.code':
      return typeof value === 'string' ? officeCodeProblem(value, ctx) : undefined;
    case 'factor.rating':
      return n !== null && !ratingInRange(n, ctx.scale) ? 'swot.weights.ratingRange' : undefined;
    case 'kpiTarget.year':
    case 'projectBudget.year':
    case 'prevKpiYear.year':
    case 'kpiQuarter.year':
    case 'reminder.year':
      return n === null ? undefined : yearProblem(entity, n, ctx.plan);
    case 'projectQuarter.year':
      if (n === null) return undefined;
      return (
        yearProblem(entity, n, ctx.plan) ??
        (outsideProjectYears(n, ctx.parent) ? 'strategies.budgetOutsideProject' : undefined)
      );
    case 'kpiTarget.target':
      if (n === null) return undefined;
      // A stored target for a year the plan no longer has (its period was shortened) is flagged where it shows.
      return yearOf(entity, ctx) ?? unitProblem(n, ctx.parent?.unit);
    case 'kpiQuarter.result':
      return n === null ? undefined : unitProblem(n, ctx.parent?.unit);
    case 'projectQuarter.allocated':
    case 'projectQuarter.disbursed':
      return n !== null && n < 0 ? 'strategies.negative' : undefined;
    case 'kpi.periodTarget':
      return n === null ? undefined : unitProblem(n, ctx.row.unit);
    case 'projectBudget.amount': {
      if (n === null) return undefined;
      if (n < 0) return 'strategies.negative';
      const outsidePlan = yearOf(entity, ctx);
      if (outsidePlan) return outsidePlan;
      const year = num(ctx.row.year);
      return year !== null && outsideProjectYears(year, ctx.parent) ? 'strategies.budgetOutsideProject' : undefined;
    }
    case 'project.startYear':
    case 'project.endYear': {
      if (n === null) return undefined;
      if (n < ctx.plan.startYear || n > ctx.plan.endYear) return 'strategies.project.yearOutside';
      const start = num(ctx.row.startYear);
      const end = num(ctx.row.endYear);
      return start !== null && end !== null && end < start ? 'strategies.project.endBeforeStart' : undefined;
    }
    default:
      return undefined;
  }
}

/** A value checked by every rule: the value to store (text trimmed as its schema does), or the problem. */
type FieldCheck = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Whether `value` may be written into `field` of a row of `entity`, judged in `ctx`. */
export function checkField(entity: RowEntity, field: string, value: unknown, ctx: ValidityContext): FieldCheck {
  const parsed = rowFieldSchema(entity, field).safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'validation.invalid' };
  const message = contextProblem(entity, field, parsed.data, ctx);
  return message ? { ok: false, message } : { ok: true, value: parsed.data };
}

/** The problem with writing `value` into `field` of a row of `entity` (an i18n key), or undefined when it may be stored. */
export function fieldProblem(
  entity: RowEntity,
  field: string,
  value: unknown,
  ctx: ValidityContext,
): string | undefined {
  const checked = checkField(entity, field, value, ctx);
  return checked.ok ? undefined : checked.message;
}

/**
 * The problems, by field, of writing `values` into a row whose fields will then be `ctx.row`: the check a
 * save, a creation and an imported operation make before anything is written. Unknown fields are problems.
 * `schemaParsed`: every value is already its field's schema's output (an import's operations, which
 * services/exchange/validate.ts parses with these same schemas), so only the rules beyond the schema are asked:
 * parsing each value twice was a tenth of a large import's structure check.
 */
export function rowProblems(
  entity: RowEntity,
  values: Readonly<Record<string, unknown>>,
  ctx: ValidityContext,
  schemaParsed = false,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    const problem = !isRowField(entity, field)
      ? 'validation.unknownField'
      : schemaParsed
        ? contextProblem(entity, field, value, ctx)
        : fieldProblem(entity, field, value, ctx);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** A row as an import holds it in memory: its kind, its parent's id and its fields as they will be stored. */
export interface HeldRow {
  readonly id: string;
  readonly entity: RowEntity;
  readonly parentId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The context of a row among rows held in memory (a plan file, or the rows an exchange package leaves): the
 * same ValidityContext a local edit of the row gets from the store (services/rows.ts), so that an import is
 * judged by exactly the rules of a local edit. `row` is judged as it will be stored (defaults under its fields);
 * `options` is the plan's options row (its rating scale), `parent` the row's parent, `siblings` the other rows.
 */
export function heldRowContext(
  row: HeldRow,
  plan: PlanYears,
  options: Readonly<Record<string, unknown>> | undefined,
  parent: HeldRow | undefined,
  siblings: () => readonly HeldRow[],
): ValidityContext {
  const scale = { ...ROW_DEFAULTS.planOptions, ...options };
  return {
    plan,
    scale: { ratingMin: scale.ratingMin, ratingMax: scale.ratingMax, weightsMustSum: scale.weightsMustSum },
    parent: parent ? { ...ROW_DEFAULTS[parent.entity], ...parent.data } : null,
    row: { ...ROW_DEFAULTS[row.entity], ...row.data },
    siblings: () =>
      siblings()
        .filter((r) => r.id !== row.id && r.entity === row.entity && r.parentId === row.parentId)
        .map((r) => r.data),
  };
}

/**
 * The values a problem's message names (the rating scale, the plan's years, the KPI's unit), for a refusal shown
 * away from its field (an import's outcome): `t(problem, problemValues(ctx))`.
 */
export function problemValues(ctx: ValidityContext): Record<string, string | number> {
  const unit = ctx.parent?.unit ?? ctx.row.unit;
  return {
    min: ctx.scale.ratingMin,
    max: ctx.scale.ratingMax,
    start: ctx.plan.startYear,
    end: ctx.plan.endYear,
    unit: typeof unit === 'string' ? unit : '',
  };
}

/** Entities with one row per year (or per fiscal year and quarter) of their parent. */
const YEARLY: readonly RowEntity[] = ['kpiTarget', 'projectBudget', 'prevKpiYear', 'kpiQuarter', 'projectQuarter'];
/** Rows about one year of the plan: the yearly ones and a reminder (of a quarter of a fiscal year). */
const YEAR_BOUND: readonly RowEntity[] = [...YEARLY, 'reminder'];

/**
 * Whether a yearly row's year lies outside the period it belongs to, by the same rules as an edit: a KPI's
 * target and a project's budget in the plan's years (a budget also in its project's years, where the project
 * has them), a previous KPI's result in the previous plan's. Asked of imported rows (services/exchange), where
 * a budget for B.E. 2599 in a 2566–2570 plan raised the plan total with no column showing it. A quarter's
 * monitoring row is about a fiscal year of the plan (and of its project), as a budget is.
 */
export function yearOutsidePeriod(
  row: { readonly entity: RowEntity; readonly data: Readonly<Record<string, unknown>> },
  plan: PlanYears,
  parent?: Readonly<Record<string, unknown>>,
): boolean {
  const year = num(row.data.year);
  if (year === null || !YEAR_BOUND.includes(row.entity)) return false;
  if (yearProblem(row.entity, year, plan) !== undefined) return true;
  return (
    (row.entity === 'projectBudget' || row.entity === 'projectQuarter') && outsideProjectYears(year, parent ?? null)
  );
}

/**
 * A project's years inside the plan's new years: cut to them, or cleared when the project lies wholly in the
 * years the plan no longer has (its budgets go with those years). Returns only the fields that change.
 */
export function projectYearsWithin(
  project: Readonly<Record<string, unknown>>,
  plan: PlanYears,
): { startYear?: number | null; endYear?: number | null } {
  const start = num(project.startYear);
  const end = num(project.endYear);
  let cutStart = start === null ? null : Math.max(start, plan.startYear);
  let cutEnd = end === null ? null : Math.min(end, plan.endYear);
  if ((cutStart ?? plan.startYear) > plan.endYear || (cutEnd ?? plan.endYear) < plan.startYear) {
    cutStart = null;
    cutEnd = null;
  }
  return {
    ...(cutStart !== start && { startYear: cutStart }),
    ...(cutEnd !== end && { endYear: cutEnd }),
  };
}

/**
 * The yearly rows outside their period once the plan's or a project's years are `plan` and `parent(id)`'s:
 * what shortening a plan or a project drops. A live yearly row always lies in its period (an import refuses
 * one outside, as an edit does), so the change removes these rows in the same undoable action; otherwise the
 * plan's own export would be refused on re-import, and the row would sit uncounted in a year nobody sees.
 */
export function outsidePeriod<
  R extends {
    readonly entity: RowEntity;
    readonly parentId: string | null;
    readonly data: Readonly<Record<string, unknown>>;
  },
>(rows: readonly R[], plan: PlanYears, parent: (id: string) => Readonly<Record<string, unknown>> | undefined): R[] {
  return rows.filter((row) => yearOutsidePeriod(row, plan, row.parentId === null ? undefined : parent(row.parentId)));
}
