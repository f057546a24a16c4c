import type { Conflict } from '../../core/exchange/api.ts';
import { conflictingHeads } from '../../core/exchange/merge.ts';
import { parseHlc } from '../../core/hlc.ts';
import { isEntity } from '../store/entities.ts';
import { RESOLVE_LABEL_PREFIX } from '../store/oplog.ts';
import type { Store } from '../store/store.ts';
import { listDeleteConflicts } from './deletes.ts';
import { actionError } from './errors.ts';
import { officeOfActors } from './state.ts';

/** Conflicts of a plan (core/exchange/merge.ts): fields whose concurrent edits disagree, and their resolution. */

interface CellRecord {
  entity: string;
  rowId: string;
  field: string;
}

interface OpRecord {
  id: string;
  hlc: string;
  actor: string;
  seen: string;
  value: string;
}

/**
 * Fields of the plan that may hold concurrent edits: every field in conflict is among them (the import and
 * local edits keep the table, store/migrations.ts 7), so the list reads these instead of the whole op log.
 */
const CANDIDATES = `SELECT entity, row_id AS rowId, field FROM exchange_conflicts WHERE plan_id = ?
  ORDER BY entity, row_id, field`;

export function listConflicts(store: Store, planId: string): Conflict[] {
  const cellOps = store.db.prepare(
    'SELECT id, hlc, actor, seen, value FROM ops WHERE entity = ? AND row_id = ? AND field = ?',
  );
  const officeOf = officeOfActors(store);
  const out: Conflict[] = [];
  for (const cell of store.db.prepare(CANDIDATES).all(planId) as CellRecord[]) {
    const ops = (cellOps.all(cell.entity, cell.rowId, cell.field) as OpRecord[]).map((op) => ({
      ...op,
      seen: JSON.parse(op.seen) as string[],
    }));
    const found = conflictingHeads(ops);
    if (found.length === 0) continue;
    out.push({
      ...cell,
      values: found.map((op, i) => ({
        opId: op.id,
        at: new Date(parseHlc(op.hlc).wallMs).toISOString(),
        office: officeOf(op.actor),
        value: JSON.parse(op.value) as unknown,
        winner: i === 0,
      })),
    });
  }
  return out;
}

/** Fields in conflict and deletes that met edits (deletes.ts): what the secretariat has to settle. */
export function countConflicts(store: Store, planId: string): number {
  return listConflicts(store, planId).length + listDeleteConflicts(store, planId).length;
}

/**
 * Settle a field: the chosen (or a new) value written as an edit of this office. Its causal context holds every
 * concurrent edit, so it supersedes them all here and wherever the next package takes it; it is undoable like
 * any edit. The value is checked by the field's schema (store/oplog.ts).
 */
export function resolveConflict(
  store: Store,
  planId: string,
  cell: { entity: string; rowId: string; field: string; value: unknown },
): Conflict[] {
  const inPlan = store.db
    .prepare(
      `SELECT 1 FROM ops o JOIN op_groups g ON g.id = o.grp
       WHERE o.entity = ? AND o.row_id = ? AND o.field = ? AND g.plan_id = ? LIMIT 1`,
    )
    .get(cell.entity, cell.rowId, cell.field, planId);
  if (!inPlan || !isEntity(cell.entity)) {
    throw actionError('notInPlan', `${cell.entity}.${cell.field} of ${cell.rowId} is not a field of plan ${planId}`);
  }
  store.oplog.apply(`${RESOLVE_LABEL_PREFIX}${cell.entity}`, planId, [
    { entity: cell.entity, rowId: cell.rowId, field: cell.field, value: cell.value },
  ]);
  return listConflicts(store, planId);
}
