/**
 * Deletes that meet edits (issue 12): an office adds a KPI under a goal another office deleted, or edits a row
 * someone deleted, each without having seen the other. Neither side is dropped silently: the new row is not alive
 * (core/liveRows.ts: nothing lives under a deleted parent) and the edit does not bring the row back, and both are
 * listed here until someone restores the deleted row or confirms the delete (services/exchange/deletes.ts). Pure,
 * and read from the rows and the op log alone, so every replica holding the same operations lists the same.
 */

/** A row of the plan, live or deleted, as the rule reads it. */
export interface DeletableRow {
  readonly id: string;
  readonly entity: string;
  readonly parentId: string | null;
  readonly deleted: boolean;
}

/** An operation's clock and writer. */
export interface Stamp {
  readonly hlc: string;
  readonly actor: string;
}

export interface FoundDeleteConflict {
  /** 'orphan': a live row whose parent is deleted; 'edited': a deleted row edited after its delete by another office. */
  readonly kind: 'orphan' | 'edited';
  readonly row: DeletableRow;
  /** The deleted row: the orphan's parent, or the edited row itself. */
  readonly deletedRow: DeletableRow;
  readonly deletedBy: Stamp;
  /** The row's newest edit (of any field but `deleted`). */
  readonly edit: Stamp & { readonly field: string };
}

export interface DeleteHistory {
  /** The newest edit of the row's `deleted` field. */
  newestDelete(row: DeletableRow): Stamp | undefined;
  /** The newest edit of any other field of the row. */
  newestEdit(row: DeletableRow): (Stamp & { readonly field: string }) | undefined;
}

/**
 * The rows to list. An edit meets a delete when another office stamped it after the delete (had it seen the
 * delete, the row would have been gone from its screens); a new row meets one whenever it is alive under a
 * deleted parent, whoever wrote what when. An edit stamped before a delete it had not been seen by is judged by
 * its clock like any edit: the delete, the later act, stands.
 */
export function deleteConflicts(rows: readonly DeletableRow[], history: DeleteHistory): FoundDeleteConflict[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found: FoundDeleteConflict[] = [];
  for (const row of rows) {
    if (!row.deleted) {
      const parent = row.parentId === null ? undefined : byId.get(row.parentId);
      if (!parent?.deleted) continue;
      const deletedBy = history.newestDelete(parent);
      const edit = history.newestEdit(row);
      if (deletedBy && edit) found.push({ kind: 'orphan', row, deletedRow: parent, deletedBy, edit });
      continue;
    }
    const deletedBy = history.newestDelete(row);
    const edit = history.newestEdit(row);
    if (deletedBy && edit && edit.actor !== deletedBy.actor && edit.hlc > deletedBy.hlc) {
      found.push({ kind: 'edited', row, deletedRow: row, deletedBy, edit });
    }
  }
  return found;
}
