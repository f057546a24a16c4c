/**
 * Frozen targets (issue 14): once a plan is adopted (planOptions.adoptedOn), what its KPIs are judged against
 * and what its projects were given cannot change by a plain edit. A change is a revision (การปรับแผน): a
 * `revision` row under the row it changes, naming the field, the value before and after, the day and a reason
 * (required), written in the same action as the change. The one rule for an edit here (services/rows.ts), a
 * revision (services/revision.ts) and an imported package (services/exchange/validate.ts), where an action
 * is an operation group.
 *
 * Frozen: a KPI's yearly targets and its period target, its baseline (value and year), unit, direction and how
 * its quarters count (result mode), all of which the traffic lights read; a project's budget per year. A
 * field still empty at adoption (a target not set, a KPI added later, the result mode never chosen) may be
 * filled once without a revision: that fills the plan in rather than changing what was adopted.
 */

export const FROZEN_FIELDS = {
  kpi: ['unit', 'baselineValue', 'baselineYear', 'direction', 'periodTarget', 'resultMode'],
  kpiTarget: ['target'],
  projectBudget: ['amount'],
} as const;

export type FrozenEntity = keyof typeof FROZEN_FIELDS;
export type FrozenField = (typeof FROZEN_FIELDS)[FrozenEntity][number];
export const FROZEN_FIELD_NAMES = [...new Set(Object.values(FROZEN_FIELDS).flat())] as FrozenField[];

/** What a person gives to revise a frozen value: the field, its new value, why, and the day (ISO). */
export interface RevisionInput {
  readonly field: string;
  readonly value: unknown;
  readonly reason: string;
  /** ISO date of the revision (e.g. of the order approving it). */
  readonly revisedOn: string;
}

export function isFrozenField(entity: string, field: string): boolean {
  return (FROZEN_FIELDS as Record<string, readonly string[] | undefined>)[entity]?.includes(field) ?? false;
}

/** A value counts as set unless it is null or blank text; only a set value needs a revision to change. */
export const isSet = (value: unknown): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One field's change as an action makes it. */
export interface FieldChange {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * A revision as the rule reads it: the row it is under, what it records, and whether the action withdraws it
 * (deletes it: undoing a revision puts back the value it replaced, and needs no revision of its own).
 */
export interface RevisionRecord {
  readonly parentId: string | null;
  readonly field: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly reason: unknown;
  readonly withdrawn: boolean;
}

/** Whether a change alters a frozen value of an adopted plan (filling an empty one does not). */
export function needsRevision(adopted: boolean, change: FieldChange): boolean {
  return (
    adopted && isFrozenField(change.entity, change.field) && isSet(change.before) && !same(change.before, change.after)
  );
}

/**
 * The changes of one action that alter frozen values without a revision of the same action recording them
 * (same row and field, the value written, a reason given): empty when the action may be written.
 * `undoSinceAdoption`: the changes undo an action taken since adoption (services/rows.ts undoAction), which
 * could only fill empty fields or revise; emptying again what it filled puts back the plan as adopted, so it
 * needs no revision, as the fill needed none. A user's Ctrl+Z then undoes what they just did.
 */
export function unrevisedChanges(
  adopted: boolean,
  changes: readonly FieldChange[],
  revisions: readonly RevisionRecord[],
  undoSinceAdoption = false,
): FieldChange[] {
  return changes.filter(
    (c) =>
      needsRevision(adopted, c) &&
      !(undoSinceAdoption && !isSet(c.after)) &&
      !revisions.some(
        (r) =>
          r.parentId === c.rowId &&
          r.field === c.field &&
          (r.withdrawn ? same(r.from, c.after) : same(r.to, c.after) && isSet(r.reason)),
      ),
  );
}

/**
 * What an adopted plan is judged against and prints, which a delete would drop: a KPI's period target, a
 * year's target, a year's budget.
 */
const ADOPTED_TARGETS: Readonly<Record<string, readonly string[]>> = {
  kpi: ['periodTarget'],
  kpiTarget: ['target'],
  projectBudget: ['amount'],
};

/**
 * Deletes after adoption: the rows of a delete (a row and everything under it) that hold a set target or
 * budget of an adopted plan, which refuse it. So a KPI or project with targets or budgets, and a goal, strategy
 * or issue above one, stays: a KPI or project given up is reported as cancelled (status ยกเลิก, the reason in
 * its quarter's narrative or note) and keeps its targets in the reports, which change only by revision. A row
 * with nothing set (a KPI added since adoption, not yet given a target) goes as before. The one rule for the
 * editor, the row service and imported packages, where each deleted row of a package is asked alone (a delete
 * marks every row under it).
 */
export function adoptedTargetsIn<
  R extends { readonly id?: string; readonly entity: string; readonly data: Record<string, unknown> },
>(
  adopted: boolean,
  deleted: readonly R[],
  /**
   * Rows an undo takes back that the undone action itself created (or brought back) since adoption: the plan
   * as adopted did not hold them, so they go with their targets, as they came. Rows others added under them stay guarded.
   */
  madeSinceAdoption: ReadonlySet<string> = new Set(),
): R[] {
  if (!adopted) return [];
  return deleted.filter(
    (row) =>
      !(row.id !== undefined && madeSinceAdoption.has(row.id)) &&
      (ADOPTED_TARGETS[row.entity] ?? []).some((field) => isSet(row.data[field])),
  );
}
