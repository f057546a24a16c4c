import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, fieldIssues } from '../core/errors.ts';
import type { Assignment } from '../core/exchange/api.ts';
import { PLAN_FIELDS, copyTitle, type Plan } from '../core/plan.ts';
import {
  MAX_PLAN_FILE_BYTES,
  PLAN_FILE_FORMAT,
  PLAN_FILE_VERSION,
  PlanFile,
  planFileAssignments,
  planFileProblem,
  planFileRows,
  type PlanFileRow,
} from '../core/planFile.ts';
import { ROW_DEFAULTS, ROW_REFERENCES, deterministicRowId, mapReference, type Row } from '../core/rows.ts';
import { getPlan, listPlans, planCreationEdits, planExists } from './plans.ts';
import { placedRowEdits, rowExists } from './rows.ts';
import type { Store } from './store/store.ts';

/** Plan JSON export and import (format in core/planFile.ts, schema in resources/schema). */

/**
 * The plan, its live rows (services/rows.ts listRows), siblings in order, and the offices assigned to report on
 * it (services/exchange/state.ts), for the command line's progress report.
 */
export function exportPlanFile(
  plan: Plan,
  rows: readonly Row[],
  assignments: readonly Assignment[] = [],
  now = new Date(),
): PlanFile {
  const fields = Object.fromEntries(PLAN_FIELDS.map((f) => [f, plan[f]])) as Pick<Plan, (typeof PLAN_FIELDS)[number]>;
  const fileRows = planFileRows(rows);
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    exportedAt: now.toISOString(),
    plan: { id: plan.id, isSample: plan.isSample, ...fields },
    rows: fileRows,
    assignments: planFileAssignments(assignments, fileRows),
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
    throw new AppError(
      'invalid-file',
      `plan file: ${loggedFields(fields)}`,
      fields,
      planFileProblem(json, parsed.error),
    );
  }
  return parsed.data;
}

/**
 * The first few of a refused file's field problems for the log, and how many more: a file with thousands of bad
 * rows would otherwise print them all on one line (the UI and the command line say the first in Thai and count
 * the rest, core planFileProblem).
 */
const LOGGED_FIELDS = 10;
function loggedFields(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  const more = entries.length - LOGGED_FIELDS;
  return `${JSON.stringify(Object.fromEntries(entries.slice(0, LOGGED_FIELDS)))}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * The file's rows under new ids for a copy: UUIDs afresh, deterministic ids recomputed from the new plan and
 * parent ids, and every parent and reference field (core ROW_REFERENCES) pointed at the new ids.
 */
function copyRows(rows: readonly PlanFileRow[], planId: string): PlanFileRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const newIds = new Map<string, string>();
  const newId = (id: string): string => {
    let mapped = newIds.get(id);
    if (mapped === undefined) {
      const row = byId.get(id)!;
      const parentId = row.parentId === null ? null : newId(row.parentId);
      const data = { ...ROW_DEFAULTS[row.entity], ...row.data };
      mapped = deterministicRowId(row.entity, planId, parentId, data) ?? randomUUID();
      newIds.set(id, mapped);
    }
    return mapped;
  };
  return rows.map((row) => {
    const data = { ...row.data };
    for (const field of Object.keys(ROW_REFERENCES[row.entity] ?? {})) {
      if (field in data) data[field] = mapReference(data[field], newId);
    }
    return { ...row, id: newId(row.id), parentId: row.parentId === null ? null : newId(row.parentId), data };
  });
}

/**
 * Import never overwrites: a plan whose id (or any of whose row ids) is already here comes in as a copy with
 * new ids. The plan and all its rows are one action, so a failure leaves nothing behind and one undo removes it.
 */
export function importPlanFile(store: Store, file: PlanFile): { plan: Plan; asCopy: boolean } {
  const asCopy = planExists(store, file.plan.id) || file.rows.some((row) => rowExists(store, row.id));
  const id = asCopy ? randomUUID() : file.plan.id;
  const rows = asCopy ? copyRows(file.rows, id) : file.rows;
  // A copy is numbered among the plans here, and a copy of the sample is no sample (core copyTitle).
  const taken = () => listPlans(store).map((p) => p.title);
  store.oplog.apply('import', id, [
    ...(asCopy
      ? planCreationEdits(id, { ...file.plan, title: copyTitle(file.plan.title, taken()) }, false)
      : planCreationEdits(id, file.plan, file.plan.isSample)),
    ...placedRowEdits(id, rows),
  ]);
  return { plan: getPlan(store, id), asCopy };
}
