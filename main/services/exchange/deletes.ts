import type { DeleteConflict } from '../../core/exchange/api.ts';
import { deleteConflicts, type DeletableRow, type Stamp } from '../../core/exchange/deletes.ts';
import { parseHlc } from '../../core/hlc.ts';
import { getPlan } from '../plans.ts';
import { anyRow } from '../rows.ts';
import type { EntityName } from '../store/entities.ts';
import { RESOLVE_LABEL_PREFIX, type Edit } from '../store/oplog.ts';
import type { Store } from '../store/store.ts';
import { actionError } from './errors.ts';
import { officeOfActors } from './state.ts';

/** Deletes that met edits or new rows (core/exchange/deletes.ts): listing them and settling one. */

interface RowRecord {
  id: string;
  entity: string;
  parentId: string | null;
  deleted: number;
}

/** Rows hang at most a few levels deep; a longer chain of deleted parents is a loop (never valid). */
const MAX_DEPTH = 16;

function planRows(store: Store, planId: string): Map<string, DeletableRow> {
  const records = store.db
    .prepare('SELECT id, entity, parent_id AS parentId, deleted FROM rows WHERE plan_id = ?')
    .all(planId) as RowRecord[];
  return new Map(records.map((r) => [r.id, { ...r, deleted: r.deleted === 1 }]));
}

function found(store: Store, rows: ReadonlyMap<string, DeletableRow>) {
  const newestDelete = store.db.prepare(
    "SELECT hlc, actor, grp FROM ops WHERE entity = ? AND row_id = ? AND field = 'deleted' ORDER BY hlc DESC LIMIT 1",
  );
  const newestEdit = store.db.prepare(
    "SELECT hlc, actor, field FROM ops WHERE entity = ? AND row_id = ? AND field <> 'deleted' ORDER BY hlc DESC LIMIT 1",
  );
  return deleteConflicts([...rows.values()], {
    newestDelete: (row) => newestDelete.get(row.entity, row.id) as Stamp | undefined,
    newestEdit: (row) => newestEdit.get(row.entity, row.id) as (Stamp & { field: string }) | undefined,
  });
}

/** A row and its parents up to the first live one (included, so a label can say where the row was). */
function chain(row: DeletableRow, rows: ReadonlyMap<string, DeletableRow>): DeletableRow[] {
  const out = [row];
  let current = row;
  for (let depth = 0; depth < MAX_DEPTH && (current === row || current.deleted); depth++) {
    const parent = current.parentId === null ? undefined : rows.get(current.parentId);
    if (!parent) break;
    out.push(parent);
    current = parent;
  }
  return out;
}

const atOf = (hlc: string) => new Date(parseHlc(hlc).wallMs).toISOString();

export function listDeleteConflicts(store: Store, planId: string): DeleteConflict[] {
  getPlan(store, planId);
  const officeOf = officeOfActors(store);
  const rows = planRows(store, planId);
  return found(store, rows)
    .sort((a, b) => (a.deletedBy.hlc < b.deletedBy.hlc ? -1 : a.deletedBy.hlc > b.deletedBy.hlc ? 1 : 0))
    .map((c) => ({
      kind: c.kind,
      entity: c.row.entity,
      rowId: c.row.id,
      deleted: {
        entity: c.deletedRow.entity,
        rowId: c.deletedRow.id,
        at: atOf(c.deletedBy.hlc),
        office: officeOf(c.deletedBy.actor),
      },
      edited: { field: c.edit.field, at: atOf(c.edit.hlc), office: officeOf(c.edit.actor) },
      rows: chain(c.row, rows).flatMap((row) => anyRow(store, row.id) ?? []),
    }));
}

/**
 * Settle the conflict of a row. Keep: the deleted row (the orphan's parent, or the edited row) comes back with
 * every deleted ancestor and the rows each one's delete took with it, so the plan reads as before the delete plus
 * the edit. Confirm: the orphan and every live row under it are deleted, or the edited row's delete is written
 * again, after the edit. Either way as this office's edit, which every replica then applies alike.
 */
export function resolveDelete(store: Store, planId: string, rowId: string, keep: boolean): DeleteConflict[] {
  getPlan(store, planId);
  const rows = planRows(store, planId);
  const conflict = found(store, rows).find((c) => c.row.id === rowId);
  if (!conflict) throw actionError('notInPlan', `no delete conflict for row ${rowId} of plan ${planId}`);
  const edits = keep ? restoring(store, rows, conflict.deletedRow) : confirming(store, rows, conflict.row);
  store.oplog.apply(`${RESOLVE_LABEL_PREFIX}${conflict.row.entity}`, planId, edits);
  return listDeleteConflicts(store, planId);
}

function restoring(store: Store, rows: ReadonlyMap<string, DeletableRow>, deleted: DeletableRow): Edit[] {
  const deleteGroup = store.db
    .prepare("SELECT grp FROM ops WHERE entity = ? AND row_id = ? AND field = 'deleted' ORDER BY hlc DESC LIMIT 1")
    .pluck();
  const deletedWith = store.db
    .prepare("SELECT DISTINCT row_id FROM ops WHERE grp = ? AND field = 'deleted' AND value = 'true'")
    .pluck();
  const restore = new Map<string, DeletableRow>();
  let current: DeletableRow | undefined = deleted;
  for (let depth = 0; current?.deleted && depth < MAX_DEPTH; depth++) {
    restore.set(current.id, current);
    const group = deleteGroup.get(current.entity, current.id) as string | undefined;
    for (const id of group === undefined ? [] : (deletedWith.all(group) as string[])) {
      const row = rows.get(id);
      if (row?.deleted) restore.set(id, row);
    }
    current = current.parentId === null ? undefined : rows.get(current.parentId);
  }
  return [...restore.values()].map((row) => ({
    entity: row.entity as EntityName,
    rowId: row.id,
    field: 'deleted',
    value: false,
  }));
}

function confirming(store: Store, rows: ReadonlyMap<string, DeletableRow>, row: DeletableRow): Edit[] {
  const children = new Map<string, DeletableRow[]>();
  for (const r of rows.values()) {
    if (r.parentId === null || r.deleted) continue;
    children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  }
  const out = [row];
  const seen = new Set([row.id]);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!.id) ?? []) {
      if (!seen.has(child.id)) {
        seen.add(child.id);
        out.push(child);
      }
    }
  }
  return out.map((r) => ({ entity: r.entity as EntityName, rowId: r.id, field: 'deleted', value: true }));
}
