import { z } from 'zod';
import { rowName } from './entityLabels.ts';
import { fieldIssues, type FieldProblem } from './errors.ts';
import { Assignments, type Assignment } from './exchange/api.ts';
import { Uuid } from './fields.ts';
import { liveRows } from './liveRows.ts';
import { PlanFieldsObject, checkPeriods } from './plan.ts';
import { heldRowContext, problemValues, rowProblems } from './validity.ts';
import { MAX_BE_YEAR, MIN_BE_YEAR } from './years.ts';
import {
  ROW_DEFAULTS,
  ROW_ENTITIES,
  ROW_ENTITY_NAMES,
  ROW_REFERENCES,
  rowPlacementProblem,
  deterministicRowId,
  referencedIds,
  type PlanYears,
  type Row,
  type RowEntity,
} from './rows.ts';

/**
 * The plan interchange format (plan JSON): what "export as JSON" writes, what import reads, and what the
 * shipped sample plan is. resources/schema/plan-file.schema.json is generated from this module
 * (`npm run schema`) and a test keeps the two equal. Later parts of the plan add optional sections here.
 *
 * Version: the rows section came in as an optional part of version 1, not as version 2. Every file written
 * before it (header only) is still a valid version-1 file and reads as a plan without rows, and no released
 * Phaen has read version-1 files that carry rows. Bump the version when a file of the new shape would be
 * misread by a reader of the old one, not for an addition that old files simply lack.
 */
export const PLAN_FILE_FORMAT = 'phaen.plan';
export const PLAN_FILE_VERSION = 1;
/** Larger files are refused before parsing: a plan of the benchmark's size is under 5 MB. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

export const PlanFilePlan = PlanFieldsObject.extend({
  id: Uuid,
  isSample: z.boolean().default(false),
}).superRefine(checkPeriods);

/** One part of the plan (core/rows.ts) as exchanged: structure and fields, without provenance. */
export interface PlanFileRow {
  id: string;
  entity: RowEntity;
  parentId: string | null;
  position: string;
  data: Record<string, unknown>;
}

const RowRef = z.string().min(1).max(200);

/**
 * A row of one entity: its own fields only (an unknown one is refused), each optional so that a file written
 * before a field existed reads that field as its default, as stored rows do.
 */
function fileRowOf(entity: RowEntity) {
  const fields = ROW_ENTITIES[entity].fields as Record<string, z.ZodType>;
  return z.object({
    id: RowRef,
    entity: z.literal(entity),
    parentId: RowRef.nullable(),
    position: z.string().min(1).max(200),
    data: z.strictObject(fields, { error: 'validation.unknownField' }).partial(),
  });
}

// One object schema per entity, so that the generated JSON Schema describes every part's fields too.
const PlanFileRowSchema = z.discriminatedUnion(
  'entity',
  ROW_ENTITY_NAMES.map(fileRowOf) as unknown as [ReturnType<typeof fileRowOf>],
  { error: 'validation.invalid' },
) as unknown as z.ZodType<PlanFileRow>;

/**
 * What no single row can check: ids unique, parents in the file and of the right entity, deterministic ids
 * following their rule (other ids are UUIDs), references resolving to rows of the right entity, and every value
 * passing the rules a local edit of its field passes in the plan the file describes (core/validity.ts: a budget
 * not negative and within the plan's and project's years, a rating on the plan's scale, …).
 */
function checkRows(
  file: { plan: PlanYears & { id: string }; rows: readonly PlanFileRow[]; assignments: readonly Assignment[] },
  ctx: z.RefinementCtx,
): void {
  const issue = (i: number, path: (string | number)[], message: string, params?: Record<string, string | number>) =>
    ctx.addIssue({ code: 'custom', path: ['rows', i, ...path], message, ...(params ? { params } : {}) });
  const byId = new Map<string, PlanFileRow>();
  for (const [i, row] of file.rows.entries()) {
    if (byId.has(row.id)) issue(i, ['id'], 'validation.duplicateId');
    byId.set(row.id, row);
  }
  for (const [i, row] of file.rows.entries()) {
    // undefined: a parent id that names no row of the file.
    const parentEntity = row.parentId === null ? null : byId.get(row.parentId)?.entity;
    const problem = rowPlacementProblem(row, file.plan.id, parentEntity);
    if (problem === 'parent') issue(i, ['parentId'], 'validation.unknownParent');
    const fixed = deterministicRowId(row.entity, file.plan.id, row.parentId, {
      ...ROW_DEFAULTS[row.entity],
      ...row.data,
    });
    if (problem === 'id' || (fixed === null && !Uuid.safeParse(row.id).success)) issue(i, ['id'], 'validation.invalid');
    for (const [field, target] of Object.entries(ROW_REFERENCES[row.entity] ?? {})) {
      if (referencedIds(row.data[field]).some((id) => byId.get(id)?.entity !== target)) {
        issue(i, ['data', field], 'validation.uuid');
      }
    }
  }
  // An office reports KPIs (or the previous plan's) and projects of this file, each office once.
  const codes = new Set<string>();
  for (const [i, assignment] of file.assignments.entries()) {
    const path = ['assignments', i];
    if (codes.has(assignment.officeCode))
      ctx.addIssue({ code: 'custom', path: [...path, 'officeCode'], message: 'validation.duplicateId' });
    codes.add(assignment.officeCode);
    for (const [field, entities] of ASSIGNED) {
      if (assignment[field].some((id) => !entities.some((e) => e === byId.get(id)?.entity)))
        ctx.addIssue({ code: 'custom', path: [...path, field], message: 'validation.uuid' });
    }
  }
  const options = byId.get(file.plan.id);
  const scale = options?.entity === 'planOptions' ? options.data : undefined;
  const siblings = () => file.rows;
  for (const [i, row] of file.rows.entries()) {
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    const context = heldRowContext(row, file.plan, scale, parent, siblings);
    // The message's values go with the issue: only here is the plan's scale and the row's parent at hand.
    const values = problemValues(context);
    for (const [field, message] of Object.entries(rowProblems(row.entity, row.data, context))) {
      issue(i, ['data', field], message, values);
    }
  }
}

/** What an assignment's lists name: the rows an office reports on (core/exchange/api.ts Assignment). */
const ASSIGNED: readonly (readonly ['kpiIds' | 'projectIds', readonly RowEntity[]])[] = [
  ['kpiIds', ['kpi', 'prevKpi']],
  ['projectIds', ['project']],
];

/**
 * The secretariat's assignments as a plan file carries them: naming only rows the file holds (an assignment may
 * still name a KPI deleted since), so that the file always reads back.
 */
export function planFileAssignments(assignments: readonly Assignment[], rows: readonly PlanFileRow[]): Assignment[] {
  const ids = new Set(rows.map((r) => r.id));
  return assignments.map((a) => ({
    ...a,
    kpiIds: a.kpiIds.filter((id) => ids.has(id)),
    projectIds: a.projectIds.filter((id) => ids.has(id)),
  }));
}

/** The rows a plan file carries: the plan's live rows (core/liveRows.ts), so that the file always reads back. */
export function planFileRows(rows: readonly Row[]): PlanFileRow[] {
  return liveRows(rows).map(({ id, entity, parentId, position, data }) => ({ id, entity, parentId, position, data }));
}

export const PlanFile = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.literal(PLAN_FILE_VERSION),
    exportedAt: z.iso.datetime(),
    plan: PlanFilePlan,
    /** Every live part of the plan, siblings in order; absent in files written before the workshop wizards. */
    rows: z.array(PlanFileRowSchema).default([]),
    /**
     * Which offices report on which KPIs and projects (the secretariat's assignments, as the plan package carries
     * them), so that `phaen report` sums per office as the app does; absent in files written before.
     */
    assignments: Assignments.default([]),
  })
  .superRefine(checkRows)
  .meta({
    $id: 'https://phaen.local/schema/plan-file.schema.json',
    title: 'Phaen plan file',
    description: 'A strategic plan exported from Phaen (แผน). Years are Buddhist Era.',
  });
export type PlanFile = z.infer<typeof PlanFile>;

export function planFileJsonSchema(): unknown {
  return z.toJSONSchema(PlanFile, { io: 'input', target: 'draft-2020-12' });
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * The first problem of a refused file (`json` as read, `error` from PlanFile), located for a reader: the row's
 * kind and field, its year, and the row itself or its parent by name where one has a name. Undefined when the
 * problem is no field's (the file's header, a row of no known kind): the plain refusal says enough there.
 */
export function planFileProblem(json: unknown, error: z.ZodError): FieldProblem | undefined {
  const issue = error.issues[0];
  if (!issue) return undefined;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const file = record(json);
  const shared = {
    message: issue.message,
    values: { minYear: MIN_BE_YEAR, maxYear: MAX_BE_YEAR, ...(issue.code === 'custom' ? issue.params : {}) },
    more: Object.keys(fieldIssues(error)).length - 1,
  };
  if (path[0] === 'plan' && typeof path[1] === 'string') return { entity: 'plan', field: path[1], ...shared };
  if (path[0] !== 'rows' || typeof path[1] !== 'number') return undefined;
  const rows = Array.isArray(file.rows) ? file.rows.map(record) : [];
  const row = rows[path[1]] ?? {};
  const field = path[2] === 'data' ? path[3] : path[2];
  if (typeof row.entity !== 'string' || !ROW_ENTITY_NAMES.includes(row.entity as RowEntity)) return undefined;
  if (typeof field !== 'string') return undefined;
  const data = record(row.data);
  // A row without a name of its own (a year's budget, a link) is found under its parent.
  const parent = rows.find((r) => r.id === row.parentId && typeof r.entity === 'string');
  const own = rowName(row.entity, data);
  const parentName = parent ? rowName(parent.entity as string, record(parent.data)) : '';
  const named = own
    ? { entity: row.entity, name: own }
    : parentName
      ? { entity: parent!.entity as string, name: parentName }
      : undefined;
  return {
    entity: row.entity,
    field,
    ...(typeof data.year === 'number' ? { year: data.year } : {}),
    ...(named ? { named } : {}),
    ...shared,
  };
}
