import { z } from 'zod';
import { Uuid } from './fields.ts';
import { PlanFieldsObject, checkPeriods } from './plan.ts';

/**
 * The plan interchange format (plan JSON): what "export as JSON" writes, what import reads, and what the
 * shipped sample plan is. resources/schema/plan-file.schema.json is generated from this module
 * (`npm run schema`) and a test keeps the two equal. Later parts of the plan add optional sections here.
 */
export const PLAN_FILE_FORMAT = 'phaen.plan';
export const PLAN_FILE_VERSION = 1;
/** Larger files are refused before parsing: a plan of the benchmark's size is under 5 MB. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

export const PlanFilePlan = PlanFieldsObject.extend({
  id: Uuid,
  isSample: z.boolean().default(false),
}).superRefine(checkPeriods);

export const PlanFile = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.literal(PLAN_FILE_VERSION),
    exportedAt: z.iso.datetime(),
    plan: PlanFilePlan,
  })
  .meta({
    $id: 'https://phaen.local/schema/plan-file.schema.json',
    title: 'Phaen plan file',
    description: 'A strategic plan exported from Phaen (แผน). Years are Buddhist Era.',
  });
export type PlanFile = z.infer<typeof PlanFile>;

export function planFileJsonSchema(): unknown {
  return z.toJSONSchema(PlanFile, { io: 'input', target: 'draft-2020-12' });
}
