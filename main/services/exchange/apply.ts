import type Database from 'better-sqlite3';
import { canonicalJson } from '../../core/exchange/canonical.ts';
import { conflictingHeads, extendCoverage, type CellOp } from '../../core/exchange/merge.ts';
import { parseHlc } from '../../core/hlc.ts';
import { entitySpec } from '../store/entities.ts';
import { jsonFieldValue, readValue } from '../store/oplog.ts';
import { prepared } from '../store/statements.ts';
import type { Store } from '../store/store.ts';
import { storeCatalogs } from './catalogs.ts';
import { coverage, getPlanExchange, registerKey, rememberActor, saveCoverage, savePlanExchange } from './state.ts';
import { cellKey, type Cell, type Stored } from './stored.ts';
import type { AcceptedPackage, ValidOp } from './validate.ts';

/** What one package did here. */
export interface Applied {
  readonly newOps: number;
  readonly changedCells: number;
  readonly conflicts: number;
}

/**
 * Apply a checked package; call inside the import's transaction (import.ts), so the packages come in all
 * together or not at all. Operations not yet here are appended to the op log with their own ids, groups,
 * clocks and offices, and each changes its field only if it is newer than the field's newest edit (last writer
 * wins, so the order packages arrive in does not matter). An operation already here (validate.ts found it) is
 * skipped, so a package imported twice, or one overlapping another, adds nothing. The clock moves past what
 * arrived. Catalog versions the plan is aligned to and this workspace lacks are stored with it.
 */
export function applyPackage(store: Store, pkg: AcceptedPackage, stored: Stored, now: Date): Applied {
  storeCatalogs(store, pkg.catalogs, pkg.file.manifest.sender.actor, now);
  const applier = new Applier(store.db, stored);
  const { applied, newest } = applier.applyPackage(store, pkg, now);
  applier.writeRows();
  if (newest !== null) store.oplog.observe(newest);
  return applied;
}

/** One package's writes. */
class Applier {
  private readonly db: Database.Database;
  private readonly stored: Stored;

  constructor(db: Database.Database, stored: Stored) {
    this.db = db;
    this.stored = stored;
  }

  /**
   * Per field touched by the package, each actor's newest edit: all merge.ts needs to judge it (an actor's
   * context only grows, as in store/oplog.ts), from what the checks read (validate.ts: the field as it was
   * before the package) and then kept up to date as operations go in.
   */
  private readonly cells = new Map<string, Map<string, CellOp & { value: string }>>();
  /**
   * Rows (by table and id) the package has read, as it leaves them: read once, then changed here as
   * operations write them, so an operation's previous value costs no query. null: not there yet.
   */
  private readonly rows = new Map<string, Record<string, unknown> | null>();
  /**
   * The JSON columns of `rows` parsed (by row key, then column), each parsed once and changed in place: an
   * import of many edits of one row's JSON fields parses and writes that JSON once, not once per operation.
   */
  private readonly json = new Map<string, Map<string, Record<string, unknown>>>();
  /**
   * Rows changed in `rows` and the columns changed, written once at the end (writeRows): a row that many
   * operations of the package edit is written once, not once per operation. `newest` is the HLC of the newest
   * operation written into it (its updated_at, if later than the row's).
   */
  private readonly dirty = new Map<string, { table: string; id: string; columns: Set<string>; newest: string }>();

  private cell(key: string, before: Cell): Map<string, CellOp & { value: string }> {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Map();
      for (const r of before.values()) {
        const mine = cell.get(r.actor);
        if (!mine || r.hlc > mine.hlc) cell.set(r.actor, { ...r, seen: JSON.parse(r.seen) as string[] });
      }
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Table and column names come only from store/entities.ts, never from a package. */
  private sql(text: string): Database.Statement {
    return prepared(this.db, text);
  }

  applyPackage(store: Store, pkg: AcceptedPackage, now: Date): { applied: Applied; newest: string | null } {
    const { manifest, payload } = pkg.file;
    const at = now.toISOString();
    // A contribution speaks for its sender only (validate.ts); a plan package names the office of every writer.
    for (const office of payload.offices) if (office.actor !== store.officeId) rememberActor(this.db, office, at);
    for (const group of payload.groups) {
      this.sql(
        'INSERT OR IGNORE INTO op_groups (id, hlc, actor, label, plan_id, undo_of) VALUES (?, ?, ?, ?, ?, NULL)',
      ).run(group.id, group.hlc, group.actor, group.label, manifest.planId);
    }
    let newOps = 0;
    let newest: string | null = null;
    const touched = new Set<string>();
    const changed = new Set<string>();
    for (const op of pkg.ops) {
      // Here before the package (validate.ts found it); a package never holds an operation twice (format.ts).
      if (pkg.here.has(op.id)) continue;
      newOps++;
      const key = cellKey(op);
      touched.add(key);
      // Every operation's field was read by the checks (validate.ts checkClocks).
      const cell = this.cell(key, pkg.cells.get(key)!);
      const current = [...cell.values()].reduce<string | null>((m, o) => (m === null || o.hlc > m ? o.hlc : m), null);
      const value = JSON.stringify(op.value ?? null);
      const mine = cell.get(op.actor);
      if (!mine || op.hlc > mine.hlc) cell.set(op.actor, { hlc: op.hlc, actor: op.actor, seen: op.seen, value });
      // What the field showed here before, as a local edit records it: history then reads "from → to" for an
      // office's edit of an existing row, and "created" only for a row that was new here (prev NULL).
      const shown = this.shown(op);
      this.sql(
        `INSERT INTO ops (id, grp, hlc, actor, entity, row_id, field, value, prev, seen, arrival)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        op.id,
        op.grp,
        op.hlc,
        op.actor,
        op.entity,
        op.rowId,
        op.field,
        value,
        shown.exists ? JSON.stringify(shown.value) : null,
        JSON.stringify(op.seen),
        manifest.packageId,
      );
      if (newest === null || op.hlc > newest) newest = op.hlc;
      if ((current === null || op.hlc > current) && this.writeCell(op, shown)) changed.add(key);
    }
    let conflicts = 0;
    const settled: string[] = [];
    for (const key of touched) {
      const cell = this.cells.get(key)!;
      const inConflict = cell.size > 1 && conflictingHeads([...cell.values()]).length > 0;
      // The fields listConflicts reads (conflicts.ts): each as this package leaves it.
      const [entity, rowId, field] = key.split('\u0000');
      if (inConflict) {
        conflicts++;
        this.sql(
          'INSERT OR IGNORE INTO exchange_conflicts (id, entity, row_id, field, plan_id) VALUES (?, ?, ?, ?, ?)',
        ).run(`${entity} ${rowId} ${field}`, entity, rowId, field, manifest.planId);
      } else {
        settled.push(`${entity} ${rowId} ${field}`);
      }
    }
    // Most fields a package touches are settled: one statement for all of them, not a call per field.
    this.sql('DELETE FROM exchange_conflicts WHERE id IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(settled),
    );
    this.updateState(store, pkg, at);
    const applied = { newOps, changedCells: changed.size, conflicts };
    this.sql(
      `INSERT INTO exchange_arrivals (id, sha256, plan_id, kind, actor, office_code, office_name, role, seq, file_name,
         exported_at, imported_at, op_count, new_ops, changed_cells, conflicts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      manifest.packageId,
      manifest.sha256,
      manifest.planId,
      manifest.kind,
      manifest.sender.actor,
      manifest.sender.code,
      manifest.sender.name,
      manifest.sender.role,
      manifest.seq,
      pkg.name,
      manifest.exportedAt,
      at,
      manifest.opCount,
      newOps,
      applied.changedCells,
      conflicts,
    );
    return { applied, newest };
  }

  /** The field's value in its table now, or that the row does not exist here yet. */
  private shown(op: ValidOp): { exists: false } | { exists: true; value: unknown } {
    const row = this.row(op);
    if (!row) return { exists: false };
    const { spec } = op;
    const value =
      spec.jsonKey === undefined
        ? readValue(spec, row[spec.column])
        : jsonFieldValue(this.parsed(this.rowKey(op), row, spec.column), spec.jsonKey);
    return { exists: true, value: value ?? null };
  }

  /** A JSON column of a row as kept here, parsed at its first use. */
  private parsed(key: string, row: Record<string, unknown>, column: string): Record<string, unknown> {
    let columns = this.json.get(key);
    if (!columns) this.json.set(key, (columns = new Map()));
    let data = columns.get(column);
    if (!data) {
      const text = String(row[column]);
      const checked = column === 'data' ? this.stored.row(String(row.id)) : undefined;
      // Still the data the checks parsed (stored.ts): a copy of that, not a second parse of the same text.
      data =
        checked !== undefined && checked.data === text
          ? { ...this.stored.rowData(checked) }
          : (JSON.parse(text) as Record<string, unknown>);
      columns.set(column, data);
    }
    return data;
  }

  private rowKey(op: ValidOp): string {
    return `${entitySpec(op.entity).table}\u0000${op.rowId}`;
  }

  private row(op: ValidOp): Record<string, unknown> | null {
    const key = this.rowKey(op);
    let row = this.rows.get(key);
    if (row === undefined) {
      const { table } = entitySpec(op.entity);
      // A copy: what the checks read (stored.ts) stays as it was.
      const here =
        table === 'rows' ? this.stored.row(op.rowId) : this.sql(`SELECT * FROM ${table} WHERE id = ?`).get(op.rowId);
      row = here === undefined ? null : { ...(here as Record<string, unknown>) };
      this.rows.set(key, row);
    }
    return row;
  }

  /**
   * Write an operation's value into its row as kept here (creating the row at its first operation, as a local
   * create does); writeRows stores it. True if the value changed.
   */
  private writeCell(op: ValidOp, shown: ReturnType<Applier['shown']>): boolean {
    const entity = entitySpec(op.entity);
    const spec = op.spec;
    // Written even when equal (a JSON key absent reads as null but must exist, as after a local edit).
    const changed = !shown.exists || !sameJson(shown.value, op.value ?? null);
    const key = this.rowKey(op);
    if (!shown.exists) {
      const at = new Date(parseHlc(op.hlc).wallMs).toISOString();
      // Like a local create (store/oplog.ts): the row is hidden (deleted = 1) until its deleted edit says otherwise.
      if (entity.discriminator === null) {
        this.sql(`INSERT INTO ${entity.table} (id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(
          op.rowId,
          op.actor,
          at,
          at,
        );
      } else {
        this.sql(
          `INSERT INTO ${entity.table} (id, entity, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
        ).run(op.rowId, entity.discriminator, op.actor, at, at);
      }
      // Read back with the table's defaults for the columns no operation has set yet.
      this.json.delete(key);
      this.rows.set(
        key,
        this.sql(`SELECT * FROM ${entity.table} WHERE id = ?`).get(op.rowId) as Record<string, unknown>,
      );
    }
    const row = this.rows.get(key)!;
    const value = spec.toSql(op.value);
    if (spec.jsonKey === undefined) {
      row[spec.column] = value;
      this.json.get(key)?.delete(spec.column);
    } else {
      // As json_set would leave it: the key replaced in place or added last; arrays and objects stay JSON
      // (serialised in writeRows).
      this.parsed(key, row, spec.column)[spec.jsonKey] = value ?? null;
    }
    let dirty = this.dirty.get(key);
    if (!dirty) {
      dirty = { table: entity.table, id: op.rowId, columns: new Set(['updated_at']), newest: op.hlc };
      this.dirty.set(key, dirty);
    }
    dirty.columns.add(spec.column);
    // HLCs order as their times do (core/hlc.ts): the row's time is taken from the newest one, once.
    if (op.hlc > dirty.newest) dirty.newest = op.hlc;
    return changed;
  }

  /** Store every row the package changed, each once, with the columns its operations set. */
  writeRows(): void {
    for (const [key, { table, id, columns, newest }] of this.dirty) {
      const names = [...columns].sort();
      const row = this.rows.get(key)!;
      for (const [column, data] of this.json.get(key) ?? [])
        if (columns.has(column)) row[column] = JSON.stringify(data);
      const at = new Date(parseHlc(newest).wallMs).toISOString();
      if (at > String(row.updated_at)) row.updated_at = at;
      this.sql(`UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...names.map((c) => row[c]),
        id,
      );
    }
    this.dirty.clear();
  }

  /**
   * A contribution extends what this workspace has of its sender (only if it joins on: a gap stays until a
   * later package fills it). A plan package newer than the last one brings the assignments, the secretariat and
   * how far it has this office's operations (the next contribution starts there).
   */
  private updateState(store: Store, pkg: AcceptedPackage, at: string): void {
    const { manifest, payload } = pkg.file;
    const { planId } = manifest;
    const have = coverage(this.db, planId);
    if (manifest.kind === 'contribution') {
      // The office's key from its first accepted contribution on (validate.ts refuses another one later).
      registerKey(this.db, planId, manifest.sender.code, manifest.sender.publicKey!, at);
      const next = extendCoverage(have.get(manifest.sender.actor) ?? null, manifest.covers.from, manifest.covers.to);
      if (next !== null) saveCoverage(this.db, planId, manifest.sender.actor, next);
      return;
    }
    for (const [actor, hlc] of Object.entries(manifest.confirmed)) {
      const current = have.get(actor);
      if (actor !== store.officeId && (current === undefined || hlc > current))
        saveCoverage(this.db, planId, actor, hlc);
    }
    const state = getPlanExchange(this.db, planId);
    if (manifest.seq <= state.planSeq && state.secretariat?.actor === manifest.sender.actor) return;
    savePlanExchange(this.db, {
      ...state,
      secretariat: {
        actor: manifest.sender.actor,
        code: manifest.sender.code,
        name: manifest.sender.name,
        publicKey: manifest.sender.publicKey,
      },
      assignments: payload.assignments ?? [],
      planSeq: manifest.seq,
      confirmed: manifest.confirmed[store.officeId] ?? null,
    });
  }
}

/**
 * Whether two field values are the same JSON, as canonicalJson compares them; plain values (most fields) are
 * compared directly rather than serialised.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}
