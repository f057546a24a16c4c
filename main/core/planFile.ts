import { z } from 'zod';
import { Uuid } from './fields.ts';
import { liveRows } from './liveRows.ts';
import { PlanFieldsObject, checkPeriods } from './plan.ts';
import { heldRowContext, rowProblems } from './validity.ts';
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
  file: { plan: PlanYears & { id: string }; rows: readonly PlanFileRow[] },
  ctx: z.RefinementCtx,
): void {
  const issue = (i: number, path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['rows', i, ...path], message });
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
  const options = byId.get(file.plan.id);
  const scale = options?.entity === 'planOptions' ? options.data : undefined;
  const siblings = () => file.rows;
  for (const [i, row] of file.rows.entries()) {
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    const problems = rowProblems(row.entity, row.data, heldRowContext(row, file.plan, scale, parent, siblings));
    for (const [field, message] of Object.entries(problems)) issue(i, ['data', field], message);
  }
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
