import type { OperationRef } from '../../core/exchange/format.ts';
import { PackageError } from '../../core/exchange/format.ts';
import {
  ROW_DEFAULTS,
  isRowField,
  rowPlacementProblem,
  type PlanYears,
  type PlacedRowShape,
  type RowEntity,
} from '../../core/rows.ts';
import { PLAN_YEAR_FIELDS } from '../../core/plan.ts';
import { heldRowContext, problemValues, rowProblems, yearOutsidePeriod } from '../../core/validity.ts';
import type { Store } from '../store/store.ts';
import { prepared } from '../store/statements.ts';
import { cellKey, type Cell, type Stored } from './stored.ts';
import type { ValidOp } from './validate.ts';

/**
 * The structure a package leaves behind, checked before anything is written: every row it touches hangs
 * under a parent that exists (here, earlier in the same import, or in the package) of a kind it may hang under,
 * a fixed-id row's id agrees with its fields, and a live yearly row's year lies in its period (core/rows.ts,
 * the rules plan files follow too). Each field ends as the newer of the package's newest edit and what is
 * here, as apply.ts will write it (last writer wins), so an edit that loses changes nothing it is judged on.
 */

/** A row's structure, as stored here or as a package leaves it. */
export interface ShapedRow extends PlacedRowShape {
  readonly deleted: boolean;
  /** The installation whose operation created the row (core/exchange/assignments.ts). */
  readonly createdBy: string;
}

/** What checkStructure found: the rows before and after the package. */
export interface Shapes {
  /** A row of the plan as it is before this package (as stored here, earlier packages of the import included). */
  readonly before: (id: string) => ShapedRow | undefined;
  /** A row as this package leaves it. */
  readonly after: (id: string) => ShapedRow | undefined;
}

/**
 * `cells`: each field the package touches as the op log holds it here (validate.ts checkClocks read them);
 * `stored`: the rows here.
 */
export function checkStructure(
  store: Store,
  planId: string,
  ops: readonly ValidOp[],
  stored: Stored,
  cells: ReadonlyMap<string, Cell>,
): Shapes {
  // An edit older than what is here loses (last writer wins) and changes nothing.
  const wins = (op: ValidOp) => {
    for (const here of cells.get(cellKey(op))!.keys()) if (here >= op.hlc) return false;
    return true;
  };
  // Per row (and the plan), its newest edit of each field, with the operation to name.
  const edits = new Map<string, Map<string, ValidOp>>();
  for (const op of ops) {
    const row = edits.get(op.rowId) ?? new Map<string, ValidOp>();
    const before = row.get(op.field);
    if (!before || op.hlc > before.hlc) row.set(op.field, op);
    edits.set(op.rowId, row);
  }

  const plan = planYears(store, planId);
  for (const field of PLAN_YEAR_FIELDS) {
    const op = edits.get(planId)?.get(field);
    if (op && wins(op)) plan[field] = op.value as number;
  }

  const firstOp = new Map<string, ValidOp>();
  for (const op of ops) if (op.entity !== 'plan' && !firstOp.has(op.rowId)) firstOp.set(op.rowId, op);
  const after = new Map<string, ShapedRow>();
  const shapeOf = (id: string): ShapedRow | undefined => after.get(id) ?? before(id);
  // Read once per row: the placement and assignment checks ask for the same rows (and the offices) again and again.
  const read = new Map<string, ShapedRow | undefined>();
  const before = (id: string): ShapedRow | undefined => {
    if (read.has(id)) return read.get(id);
    const row = stored.row(id);
    const shape =
      !row || (row.plan_id !== planId && row.plan_id !== '')
        ? undefined
        : {
            id,
            entity: row.entity as RowEntity,
            parentId: row.parent_id,
            deleted: row.deleted === 1,
            data: stored.rowData(row),
            createdBy: row.created_by,
          };
    read.set(id, shape);
    return shape;
  };
  for (const [rowId, op] of firstOp) {
    const was = before(rowId);
    const entity = op.entity as RowEntity;
    let parentId = was?.parentId ?? null;
    let deleted = was?.deleted ?? true;
    const data: Record<string, unknown> = { ...ROW_DEFAULTS[entity], ...was?.data };
    for (const [field, edit] of edits.get(rowId) ?? []) {
      if (!wins(edit)) continue;
      if (field === 'parentId') parentId = edit.value as string | null;
      else if (field === 'deleted') deleted = edit.value as boolean;
      else data[field] = edit.value;
    }
    after.set(rowId, { id: rowId, entity, parentId, deleted, data, createdBy: was?.createdBy ?? op.actor });
  }
  const options = shapeOf(planId);
  const scale = options?.entity === 'planOptions' && !options.deleted ? options.data : undefined;
  const siblingsOf = (row: ShapedRow) => (): ShapedRow[] => {
    const ids = new Set(
      prepared(store.db, 'SELECT id FROM rows WHERE plan_id = ? AND entity = ? AND parent_id IS ?', true).all(
        planId,
        row.entity,
        row.parentId,
      ) as string[],
    );
    for (const other of after.values()) {
      if (other.entity === row.entity && other.parentId === row.parentId) ids.add(other.id);
    }
    return [...ids].map(shapeOf).filter((r): r is ShapedRow => r !== undefined && !r.deleted);
  };
  /**
   * Every value the package writes into a live row passes the rules a local edit of its field passes
   * (core/validity.ts), judged in the plan as the import leaves it: a budget of -500 or a rating of 6 on a 1–5
   * scale is refused here as on the screen, so nothing flagged is ever stored or counted.
   */
  const refuseInvalidValues = (row: ShapedRow, years: PlanYears, parent: ShapedRow | undefined) => {
    const values: Record<string, unknown> = {};
    const written = new Map<string, ValidOp>();
    for (const [field, edit] of edits.get(row.id) ?? []) {
      if (isRowField(row.entity, field) && wins(edit)) {
        values[field] = edit.value;
        written.set(field, edit);
      }
    }
    const context = heldRowContext(row, years, scale, parent, siblingsOf(row));
    // The values are the field schemas' output already (validate.ts checkOps).
    const problems = rowProblems(row.entity, values, context, true);
    const [first] = Object.entries(problems);
    if (!first) return;
    const op = written.get(first[0])!;
    throw new PackageError(
      'bad-value',
      `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}): ${first[1]} (${JSON.stringify(op.value)})`,
      { id: op.id, entity: op.entity, rowId: op.rowId, field: op.field },
      first[1],
      problemValues(context),
    );
  };
  for (const [rowId, row] of after) {
    const named = (field: string) => {
      const op = edits.get(rowId)?.get(field) ?? firstOp.get(rowId)!;
      return { id: op.id, entity: op.entity, rowId, field: op.field } satisfies OperationRef;
    };
    const parent = row.parentId === null ? null : shapeOf(row.parentId);
    const problem = rowPlacementProblem(row, planId, parent === null ? null : parent?.entity);
    if (problem === 'parent') {
      throw refusal('bad-parent', named('parentId'), `${row.entity} ${rowId} under ${row.parentId ?? 'nothing'}`);
    }
    if (problem === 'id')
      throw refusal('id-mismatch', named('year'), `${row.entity} ${rowId} disagrees with its fields`);
    if (!row.deleted && yearOutsidePeriod(row, plan, parent?.data)) {
      throw refusal('year-outside-plan', named('year'), `${row.entity} ${rowId}: year ${String(row.data.year)}`);
    }
    if (!row.deleted) refuseInvalidValues(row, plan, parent ?? undefined);
  }
  return { before, after: shapeOf };
}

function refusal(reason: 'bad-parent' | 'id-mismatch' | 'year-outside-plan', op: OperationRef, detail: string) {
  return new PackageError(reason, `operation ${op.id} (${op.entity}.${op.field} of ${op.rowId}): ${detail}`, op);
}

/** The plan's years as stored here (an earlier package of the import may have brought or changed them). */
function planYears(store: Store, planId: string): { -readonly [K in keyof PlanYears]: PlanYears[K] } {
  const row = store
    .statement(
      'SELECT start_year AS startYear, end_year AS endYear, prev_start_year AS prevStartYear, prev_end_year AS prevEndYear FROM plans WHERE id = ?',
    )
    .get(planId) as PlanYears | undefined;
  // A plan not here yet: its package brings its years (below); until then nothing bounds its rows.
  return row ? { ...row } : { startYear: Number.NaN, endYear: Number.NaN, prevStartYear: null, prevEndYear: null };
}
