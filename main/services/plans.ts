import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import type { PlanDraft } from '../core/plan.ts';
import type { PlanUpdate } from '../core/contract.ts';
import { descendantsOf, liveRows } from '../core/liveRows.ts';
import {
  PLAN_FIELDS,
  PLAN_YEAR_FIELDS,
  copyTitle,
  validatePlanDraft,
  type Plan,
  type PlanFieldEdit,
  type PlanSummary,
} from '../core/plan.ts';
import { adoptedTargetsIn } from '../core/revision.ts';
import type { Row } from '../core/rows.ts';
import { outsidePeriod, projectYearsWithin } from '../core/validity.ts';
import { toRow, type RowRecord } from './rowRecord.ts';
import type { Edit } from './store/oplog.ts';
import type { Store } from './store/store.ts';

/** Plans as the UI sees them; every change goes through the store's op log. */

interface PlanRow {
  id: string;
  organisation: string;
  title: string;
  start_year: number;
  end_year: number;
  prev_start_year: number | null;
  prev_end_year: number | null;
  is_sample: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    organisation: r.organisation,
    title: r.title,
    startYear: r.start_year,
    endYear: r.end_year,
    prevStartYear: r.prev_start_year,
    prevEndYear: r.prev_end_year,
    isSample: r.is_sample === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listPlans(store: Store): PlanSummary[] {
  const rows = store.db.prepare('SELECT * FROM plans WHERE deleted = 0').all() as PlanRow[];
  // Thai collation for the home list; newest edits first would reorder the list under the user's cursor.
  const collator = new Intl.Collator('th');
  return rows
    .map(toPlan)
    .sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.organisation, b.organisation))
    .map(({ id, organisation, title, startYear, endYear, isSample, updatedAt }) => ({
      id,
      organisation,
      title,
      startYear,
      endYear,
      isSample,
      updatedAt,
    }));
}

export function getPlan(store: Store, id: string): Plan {
  const row = store.statement('SELECT * FROM plans WHERE id = ? AND deleted = 0').get(id) as PlanRow | undefined;
  if (!row) throw new AppError('not-found', `plan ${id}`);
  return toPlan(row);
}

function requireValid(draft: PlanDraft): void {
  const fields = validatePlanDraft(draft);
  if (Object.keys(fields).length > 0)
    throw new AppError('invalid-input', `plan fields: ${JSON.stringify(fields)}`, fields);
}

export function createPlan(
  store: Store,
  draft: PlanDraft,
  options: { id?: string; isSample?: boolean; label?: string } = {},
): Plan {
  const id = options.id ?? randomUUID();
  store.oplog.apply(options.label ?? 'create', id, planCreationEdits(id, draft, options.isSample ?? false));
  return getPlan(store, id);
}

/** The edits that create a plan, validated but not applied: an import applies them together with its rows. */
export function planCreationEdits(id: string, draft: PlanDraft, isSample: boolean): Edit[] {
  requireValid(draft);
  return [
    ...PLAN_FIELDS.map((field) => ({ entity: 'plan' as const, rowId: id, field, value: draft[field] })),
    { entity: 'plan', rowId: id, field: 'isSample', value: isSample },
    { entity: 'plan', rowId: id, field: 'deleted', value: false },
  ];
}

/**
 * One autosave: the changed fields, applied as one undoable action. The plan is validated with all of them
 * in place, so cross-field rules (period length) hold without forcing an order on the user. New years drop the
 * targets, budgets and results of the years the plan no longer has in the same action (core/validity.ts
 * outsidePeriod): they are returned, for the screen to say so, and one undo brings them back with the years.
 */
export function updatePlan(store: Store, id: string, edits: readonly PlanFieldEdit[]): PlanUpdate {
  const plan = getPlan(store, id);
  const changed = edits.filter((e) => plan[e.field] !== e.value);
  if (changed.length === 0) return { ...plan, dropped: [] };
  const draft = { ...plan };
  for (const e of changed) Object.assign(draft, { [e.field]: e.value });
  requireValid(draft);
  const years = changed.filter((e) => PLAN_YEAR_FIELDS.some((field) => field === e.field));
  const { dropped, projects } = years.length > 0 ? periodChanges(store, draft, years) : { dropped: [], projects: [] };
  store.oplog.apply(`edit:${changed.map((e) => e.field).join(',')}`, id, [
    ...changed.map((e): Edit => ({ entity: 'plan', rowId: id, field: e.field, value: e.value })),
    ...projects,
    ...dropped.map((row): Edit => ({ entity: row.entity, rowId: row.id, field: 'deleted', value: true })),
  ]);
  return { ...getPlan(store, id), dropped };
}

/**
 * What a plan's new years change beyond its own fields: the projects' years cut to them (core/validity.ts
 * projectYearsWithin), and the live rows left outside their period with the rows below them (a target's
 * revisions). Refused in an adopted plan when a dropped row holds an adopted target or budget: those change only
 * by revision.
 */
function periodChanges(
  store: Store,
  plan: Plan,
  edits: readonly PlanFieldEdit[],
): { dropped: Row[]; projects: Edit[] } {
  const rows = liveRows(
    (store.db.prepare('SELECT * FROM rows WHERE plan_id = ? AND deleted = 0').all(plan.id) as RowRecord[]).map(toRow),
  );
  const projects = new Map<string, Record<string, unknown>>();
  const projectEdits: Edit[] = [];
  for (const row of rows) {
    if (row.entity !== 'project') continue;
    const cut = projectYearsWithin(row.data, plan);
    projects.set(row.id, { ...row.data, ...cut });
    for (const [field, value] of Object.entries(cut))
      projectEdits.push({ entity: 'project', rowId: row.id, field, value });
  }
  const byId = new Map(rows.map((row) => [row.id, row.data]));
  const outside = outsidePeriod(rows, plan, (parentId) => projects.get(parentId) ?? byId.get(parentId));
  const dropped = [...outside, ...outside.flatMap((row) => descendantsOf(rows, row.id))];
  const options = rows.find((row) => row.id === plan.id && row.entity === 'planOptions');
  if (adoptedTargetsIn(options?.data.adoptedOn != null, dropped).length > 0) {
    const refused = Object.fromEntries(edits.map((e) => [e.field, 'monitoring.revision.periodRefused']));
    throw new AppError(
      'invalid-input',
      `new years drop adopted targets or budgets: ${JSON.stringify(refused)}`,
      refused,
    );
  }
  return { dropped, projects: projectEdits };
}

/** A copy titled "… (สำเนา)", "… (สำเนา 2)", … among the plans here, so Home never lists two alike. */
export function duplicatePlan(store: Store, id: string): Plan {
  const source = getPlan(store, id);
  const title = copyTitle(
    source.title,
    listPlans(store).map((p) => p.title),
  );
  return createPlan(store, { ...source, title }, { label: 'duplicate' });
}

export function deletePlan(store: Store, id: string): void {
  getPlan(store, id);
  store.oplog.apply('delete', id, [{ entity: 'plan', rowId: id, field: 'deleted', value: true }]);
}

export function planExists(store: Store, id: string): boolean {
  return store.statement('SELECT 1 FROM plans WHERE id = ?').get(id) !== undefined;
}
