import type Database from 'better-sqlite3';

/**
 * What an import reads of the database before it writes a package: the rows and the op log as they are, each
 * read once however many checks (validate.ts, structure.ts) and writes (apply.ts) of the package ask, and in
 * bulk (one statement per package, SQLite walking the indexes) rather than one query per operation. Nothing is
 * written while a package is checked, and apply.ts copies a row before it changes it, so what is kept here
 * stays what was stored until the import forgets it before the next package.
 */

/** A row of the rows table as stored. */
export interface StoredRow {
  readonly id: string;
  readonly entity: string;
  readonly plan_id: string;
  readonly parent_id: string | null;
  readonly position: string;
  readonly data: string;
  readonly deleted: number;
  readonly created_by: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** One operation of a field as the op log holds it. */
export interface StoredCellOp {
  readonly id: string;
  readonly hlc: string;
  readonly actor: string;
  /** JSON, as stored. */
  readonly seen: string;
  readonly value: string;
}

/** An operation found by its id (in whatever field it is). */
export interface StoredOp {
  readonly id: string;
  readonly entity: string;
  readonly row_id: string;
  readonly field: string;
  readonly hlc: string;
  readonly value: string;
}

/** An operation found by its clock, and the file it came in (null: written here). */
export interface StoredClock {
  readonly id: string;
  readonly entity: string;
  readonly row_id: string;
  readonly field: string;
  readonly hlc: string;
  readonly file: string | null;
}

/** A field's operations here, by HLC. */
export type Cell = ReadonlyMap<string, StoredCellOp>;

/** A field's key (entity, row, field). */
export function cellKey(op: { readonly entity: string; readonly rowId: string; readonly field: string }): string {
  return `${op.entity}\u0000${op.rowId}\u0000${op.field}`;
}

/** One package's reads, with the statements prepared once per import. */
export class Stored {
  private readonly rows = new Map<string, StoredRow | null>();
  private readonly data = new Map<string, Readonly<Record<string, unknown>>>();
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      row: db.prepare('SELECT * FROM rows WHERE id = ?'),
      rows: db.prepare('SELECT * FROM rows WHERE id IN (SELECT value FROM json_each(?))'),
      cells: db.prepare(
        `SELECT c.key AS i, o.id, o.hlc, o.actor, o.seen, o.value FROM json_each(?) c
         JOIN ops o ON o.entity = c.value->>0 AND o.row_id = c.value->>1 AND o.field = c.value->>2`,
      ),
      ids: db.prepare(
        'SELECT id, entity, row_id, field, hlc, value FROM ops WHERE id IN (SELECT value FROM json_each(?))',
      ),
      // By the installation's groups (op_groups(actor, hlc), then ops(grp)): the op log has no index by HLC.
      // An installation new here (every office's first package) is one index probe.
      hasGroups: db.prepare('SELECT 1 FROM op_groups WHERE actor = ? LIMIT 1').pluck(),
      clocks: db.prepare(
        `SELECT o.id, o.entity, o.row_id, o.field, o.hlc, a.file_name AS file FROM op_groups g
         JOIN ops o ON o.grp = g.id LEFT JOIN exchange_arrivals a ON a.id = o.arrival
         WHERE g.actor = ? AND o.hlc IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /** Forget the rows read: the next package is checked against what the ones before it wrote. */
  forget(): void {
    this.rows.clear();
    this.data.clear();
  }

  /** Read the rows not read yet among `ids`, in one statement. */
  loadRows(ids: Iterable<string>): void {
    const wanted = [...new Set(ids)].filter((id) => !this.rows.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) this.rows.set(id, null);
    for (const row of this.statements.rows.all(JSON.stringify(wanted)) as StoredRow[]) this.rows.set(row.id, row);
  }

  /** A row of the rows table as it was before the package. */
  row(id: string): StoredRow | undefined {
    let row = this.rows.get(id);
    if (row === undefined) {
      row = (this.statements.row.get(id) as StoredRow | undefined) ?? null;
      this.rows.set(id, row);
    }
    return row ?? undefined;
  }

  /**
   * A stored row's data column parsed, once however many checks and writes of the package read it. Shared, so
   * never changed: apply.ts copies it before it writes.
   */
  rowData(row: StoredRow): Readonly<Record<string, unknown>> {
    let data = this.data.get(row.id);
    if (!data) this.data.set(row.id, (data = JSON.parse(row.data) as Record<string, unknown>));
    return data;
  }

  /**
   * The operations here under some clocks, by HLC, with the file each came in (null: written here). An HLC names
   * its installation, and every operation is in a group of the installation its HLC names (format.ts), so each
   * installation's groups are read once.
   */
  clocks(ops: readonly { readonly actor: string; readonly hlc: string }[]): Map<string, StoredClock> {
    const byActor = new Map<string, string[]>();
    for (const op of ops) {
      let hlcs = byActor.get(op.actor);
      if (!hlcs) byActor.set(op.actor, (hlcs = []));
      hlcs.push(op.hlc);
    }
    const found = new Map<string, StoredClock>();
    for (const [actor, hlcs] of byActor) {
      if (this.statements.hasGroups.get(actor) === undefined) continue;
      for (const op of this.statements.clocks.all(actor, JSON.stringify(hlcs)) as StoredClock[]) found.set(op.hlc, op);
    }
    return found;
  }

  /** The op log's operations of some fields (by cellKey, then HLC) and of some ids. */
  ops(
    cells: readonly { readonly entity: string; readonly rowId: string; readonly field: string }[],
    ids: readonly string[],
  ): { cells: Map<string, Map<string, StoredCellOp>>; byId: Map<string, StoredOp> } {
    const keys = cells.map(cellKey);
    const byCell = new Map<string, Map<string, StoredCellOp>>(keys.map((k) => [k, new Map()]));
    const found = this.statements.cells.all(
      JSON.stringify(cells.map((c) => [c.entity, c.rowId, c.field])),
    ) as (StoredCellOp & { i: number })[];
    for (const { i, ...op } of found) byCell.get(keys[i]!)!.set(op.hlc, op);
    const byId = this.statements.ids.all(JSON.stringify(ids)) as StoredOp[];
    return { cells: byCell, byId: new Map(byId.map((op) => [op.id, op])) };
  }
}
