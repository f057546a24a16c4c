import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, fieldIssues } from '../core/errors.ts';
import { PLAN_FIELDS, type Plan } from '../core/plan.ts';
import { MAX_PLAN_FILE_BYTES, PLAN_FILE_FORMAT, PLAN_FILE_VERSION, PlanFile } from '../core/planFile.ts';
import { createPlan, planExists } from './plans.ts';
import type { Store } from './store/store.ts';

/** Plan JSON export and import (format in core/planFile.ts, schema in resources/schema). */

export function exportPlanFile(plan: Plan, now = new Date()): PlanFile {
  const fields = Object.fromEntries(PLAN_FIELDS.map((f) => [f, plan[f]])) as Pick<Plan, (typeof PLAN_FIELDS)[number]>;
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    exportedAt: now.toISOString(),
    plan: { id: plan.id, isSample: plan.isSample, ...fields },
  };
}

export function serialisePlanFile(file: PlanFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parse and validate a plan file completely before anything is written; the error says what is wrong. */
export function parsePlanFile(content: string): PlanFile {
  if (Buffer.byteLength(content, 'utf8') > MAX_PLAN_FILE_BYTES) {
    throw new AppError('file-too-large', `plan file over ${MAX_PLAN_FILE_BYTES} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('invalid-file', `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (head.success && head.data.format === PLAN_FILE_FORMAT && head.data.version > PLAN_FILE_VERSION) {
    throw new AppError('newer-format', `plan file version ${head.data.version}; this app reads ${PLAN_FILE_VERSION}`);
  }
  const parsed = PlanFile.safeParse(json);
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error);
    throw new AppError('invalid-file', `plan file: ${JSON.stringify(fields)}`, fields);
  }
  return parsed.data;
}

/** Import never overwrites: a plan whose id is already here comes in as a copy with a new id. */
export function importPlanFile(store: Store, file: PlanFile): { plan: Plan; asCopy: boolean } {
  const asCopy = planExists(store, file.plan.id);
  const id = asCopy ? randomUUID() : file.plan.id;
  const plan = createPlan(store, file.plan, { id, isSample: file.plan.isSample, label: 'import' });
  return { plan, asCopy };
}
