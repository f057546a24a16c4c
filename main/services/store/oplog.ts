import type Database from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';
import { causalContext, type CellOp } from '../../core/exchange/merge.ts';
import { ZERO_HLC, formatHlc, parseHlc, receive, tick, type Hlc } from '../../core/hlc.ts';
import { entitySpec, isEntity, type EntityName, type FieldSpec } from './entities.ts';
import { timeOrderedId } from './ids.ts';
import { prepared } from './statements.ts';

/**
 * Label prefix of a conflict resolution (services/exchange/conflicts.ts). Undo skips these groups: an inverse
 * edit would have seen every concurrent value and so would bury the office's value without listing it again;
 * a resolution is changed by editing the field, which history shows with who and when.
 */
export const RESOLVE_LABEL_PREFIX = 'resolve:';

/** One field edit: the unit of history, undo and exchange between offices. */
export interface Edit {
  readonly entity: EntityName;
  readonly rowId: string;
  readonly field: string;
  readonly value: unknown;
}

export interface GroupInfo {
  readonly id: string;
  readonly label: string;
  readonly planId: string | null;
}

/**
 * Applies edits as HLC-stamped operations. Each call is one transaction that updates the tables and appends the
 * operations, which carry the clock (loadClock), so an acknowledged edit and its log entry stand or fall together
 * and the clock never goes back after a restart, even if the PC's date does.
 */
export class OpLog {
  private last: Hlc;
  private readonly statements;
  private readonly applyInTransaction;

  private readonly db: Database.Database;
  readonly actor: string;
  private readonly now: () => number;

  constructor(db: Database.Database, actor: string, now: () => number = Date.now) {
    const inPlanAndAny = (sql: (plan: string) => string) => ({
      inPlan: db.prepare(sql('AND plan_id = @planId')),
      any: db.prepare(sql('')),
    });
    this.db = db;
    this.actor = actor;
    this.now = now;
    this.statements = {
      insertGroup: db.prepare(
        'INSERT INTO op_groups (id, hlc, actor, label, plan_id, undo_of) VALUES (@id, @hlc, @actor, @label, @planId, @undoOf)',
      ),
      insertOp: db.prepare(
        'INSERT INTO ops (id, grp, hlc, actor, entity, row_id, field, value, prev, seen) VALUES (@id, @grp, @hlc, @actor, @entity, @rowId, @field, @value, @prev, @seen)',
      ),
      cellOps: db.prepare('SELECT hlc, actor, seen FROM ops WHERE entity = ? AND row_id = ? AND field = ?'),
      // A local edit has seen every edit of its field (causalContext below): the field is settled.
      settle: db.prepare("DELETE FROM exchange_conflicts WHERE id = ? || ' ' || ? || ' ' || ?"),
      saveClock: db.prepare(
        "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      groupOps: db.prepare('SELECT entity, row_id AS rowId, field, prev FROM ops WHERE grp = ? ORDER BY hlc DESC'),
      cellWriter: db
        .prepare('SELECT actor FROM ops WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1')
        .pluck(),
      // In a plan and in any plan, as two statements: `plan_id = ?` must stand alone for SQLite to search the
      // op_groups_plan index (plan, actor, hlc) instead of reading every group.
      lastUndoable: inPlanAndAny(
        (plan) => `SELECT id, label, plan_id AS planId, hlc FROM op_groups g
         WHERE actor = @actor ${plan}
           AND undo_of IS NULL AND NOT EXISTS (SELECT 1 FROM op_groups u WHERE u.undo_of = g.id)
           AND label NOT LIKE '${RESOLVE_LABEL_PREFIX}%'
         ORDER BY hlc DESC LIMIT 1`,
      ),
      newestFirst: inPlanAndAny(
        (plan) => `SELECT id, label, plan_id AS planId, undo_of AS undoOf FROM op_groups
         WHERE actor = @actor ${plan}
           AND label NOT LIKE '${RESOLVE_LABEL_PREFIX}%'
         ORDER BY hlc DESC`,
      ),
    };
    this.last = this.loadClock();
    // Made once: wrapping a function in a transaction anew for every autosave was 4 % of its CPU time.
    this.applyInTransaction = db.transaction(
      (grp: string, label: string, planId: string | null, edits: readonly Edit[], undoOf: string | null) => {
        const hlc = this.next();
        this.statements.insertGroup.run({ id: grp, hlc, actor: this.actor, label, planId, undoOf });
        const created = new Set<string>();
        for (const edit of edits) this.applyOne(grp, edit, created);
        // Otherwise the last operation holds the clock (loadClock).
        if (edits.length === 0) this.statements.saveClock.run(formatHlc(this.last));
      },
    );
  }

  /**
   * The clock as the last transaction left it. An action's operations take the newest clock values (after its
   * group's), each newer than everything seen here, so the operation appended last holds the clock after a local
   * edit; an import saves the clock it moved to (observe), and so does an action with no operation. Saving it in
   * every edit as well cost a page per autosave.
   */
  private loadClock(): Hlc {
    const saved = this.db.prepare("SELECT value FROM meta WHERE key = 'hlc'").pluck().get() as string | undefined;
    const newest = this.db.prepare('SELECT hlc FROM ops ORDER BY rowid DESC LIMIT 1').pluck().get() as
      string | undefined;
    const candidates = [saved, newest].filter((s): s is string => !!s).map(parseHlc);
    return candidates.reduce(
      (a, b) => (a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter >= b.counter) ? a : b),
      ZERO_HLC,
    );
  }

  get clock(): Hlc {
    return this.last;
  }

  /** Apply edits as one user action; returns the group id. Throws (and writes nothing) on an invalid edit. */
  apply(label: string, planId: string | null, edits: readonly Edit[], undoOf: string | null = null): string {
    const grp = this.newId();
    this.applyInTransaction.immediate(grp, label, planId, edits, undoOf);
    return grp;
  }

  /**
   * Move the clock past a timestamp imported from another office, so this office's next edit is newer than
   * everything it has seen. Call inside the import's transaction: the clock is saved with it.
   */
  observe(remote: string): void {
    this.last = receive(this.last, parseHlc(remote), this.now(), this.actor);
    this.statements.saveClock.run(formatHlc(this.last));
  }

  private inPlanOrAny(
    statements: { inPlan: Database.Statement; any: Database.Statement },
    planId: string | null,
  ): Database.Statement {
    return planId === null ? statements.any : statements.inPlan;
  }

  /**
   * A group's or operation's id, ordered by the later of the PC's clock and the op log's (store/ids.ts), so ids
   * keep their order when the PC's date goes back.
   */
  private newId(): string {
    return timeOrderedId(Math.max(this.now(), this.last.wallMs));
  }

  private next(): string {
    this.last = tick(this.last, this.now(), this.actor);
    return formatHlc(this.last);
  }

  /** Prepared statements by SQL text: table and column names vary per entity but come only from entities.ts. */
  private sql(text: string): Database.Statement {
    return prepared(this.db, text);
  }

  private applyOne(grp: string, edit: Edit, created: Set<string>): void {
    if (!isEntity(edit.entity)) throw new AppError('invalid-input', `unknown entity ${edit.entity}`);
    const entity = entitySpec(edit.entity);
    const spec = Object.hasOwn(entity.fields, edit.field) ? entity.fields[edit.field] : undefined;
    if (!spec) throw new AppError('invalid-input', `unknown field ${edit.entity}.${edit.field}`);
    const parsed = spec.schema.safeParse(edit.value);
    if (!parsed.success)
      throw new AppError('invalid-input', `${edit.entity}.${edit.field}: ${parsed.error.issues[0]?.message}`);

    const hlc = this.next();
    const at = new Date(parseHlc(hlc).wallMs).toISOString();
    const kind = entity.discriminator === null ? 'NULL' : 'entity';
    const row = this.sql(`SELECT ${spec.column} AS v, ${kind} AS kind FROM ${entity.table} WHERE id = ?`).get(
      edit.rowId,
    ) as { v: unknown; kind: string | null } | undefined;
    // Row ids are shared by all entities of the rows table: an edit must not reach a row of another kind.
    if (row && row.kind !== entity.discriminator) {
      throw new AppError('invalid-input', `row ${edit.rowId} is a ${row.kind}, not a ${edit.entity}`);
    }
    if (!row) {
      // A row comes into being with its first operation; until its create edit sets deleted = false it is hidden.
      if (entity.discriminator === null) {
        this.sql(`INSERT INTO ${entity.table} (id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(
          edit.rowId,
          this.actor,
          at,
          at,
        );
      } else {
        this.sql(
          `INSERT INTO ${entity.table} (id, entity, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
        ).run(edit.rowId, entity.discriminator, this.actor, at, at);
      }
      created.add(edit.rowId);
    }
    // prev NULL: the row did not exist before this action, so undo has nothing to restore but the tombstone.
    const prev = created.has(edit.rowId)
      ? edit.field === 'deleted'
        ? 'true'
        : null
      : JSON.stringify(readValue(spec, row!.v) ?? null);

    // Last writer wins per (row, field): a local edit always carries the newest clock (observe() keeps it past
    // imported ones), and services/exchange applies the same rule to imported edits. `seen` records which edits
    // of the field this one supersedes, so exchange can tell a later edit from a concurrent one.
    const cell = newestPerActor(this.statements.cellOps.all(edit.entity, edit.rowId, edit.field) as StoredCellOp[]);
    const newest = cell.reduce<string | null>((max, op) => (max === null || op.hlc > max ? op.hlc : max), null);
    if (!newest || newest < hlc) {
      const value = spec.toSql(parsed.data);
      if (spec.jsonKey === undefined) {
        this.sql(`UPDATE ${entity.table} SET ${spec.column} = ?, updated_at = ? WHERE id = ?`).run(
          value,
          at,
          edit.rowId,
        );
      } else {
        // json() keeps arrays and objects as JSON, not as quoted strings.
        this.sql(
          `UPDATE ${entity.table} SET ${spec.column} = json_set(${spec.column}, ?, json(?)), updated_at = ? WHERE id = ?`,
        ).run(`$.${spec.jsonKey}`, JSON.stringify(value ?? null), at, edit.rowId);
      }
    }
    this.statements.settle.run(edit.entity, edit.rowId, edit.field);
    this.statements.insertOp.run({
      id: this.newId(),
      grp,
      hlc,
      actor: this.actor,
      entity: edit.entity,
      rowId: edit.rowId,
      field: edit.field,
      value: JSON.stringify(parsed.data ?? null),
      prev,
      seen: JSON.stringify(causalContext(cell, this.actor)),
    });
  }

  /**
   * Undo this office's most recent action that is not yet undone (in one plan, when given), as a new group of
   * inverse operations. The label returned names the action as the user made it (a redo's original).
   * `allow` sees the inverse edits first, with the time of the action they take back, and may throw to refuse
   * them (services/rows.ts: an adopted plan's rules, which this layer does not know): then nothing of the plan
   * is written, and a refusal of invalid input passes the action over, so the next undo reaches the one before.
   */
  undoLast(
    planId: string | null = null,
    allow: (edits: readonly Edit[], action: { readonly hlc: string }) => void = () => {},
  ): GroupInfo {
    const found = this.inPlanOrAny(this.statements.lastUndoable, planId).get({ actor: this.actor, planId }) as
      (GroupInfo & { hlc: string }) | undefined;
    if (!found) throw new AppError('nothing-to-undo', 'no action of this office is left to undo');
    const { hlc, ...target } = found;
    const edits = this.inverseOf(target.id);
    try {
      allow(edits, { hlc });
    } catch (err) {
      // Refused by the plan's rules: passed over (a group that takes back nothing), so that the next undo takes
      // back the action before it rather than stopping here again; the caller's refusal says so.
      if (err instanceof AppError && err.code === 'invalid-input')
        this.apply(`${PASSED_PREFIX}${target.label}`, target.planId, [], target.id);
      throw err;
    }
    this.apply(`undo:${target.label}`, target.planId, edits, target.id);
    return { ...target, label: actionLabel(target.label) };
  }

  /**
   * Redo the most recent undo of this office (in one plan, when given) that nothing has superseded: undos
   * made since the last new action, newest first, each once. A new action ends what can be redone, as in
   * any editor. The redo is an action of its own (undoable again); its label `redo:<undo group>:<label>`
   * marks which undo it consumed. `allow` as for undoLast: a refused redo writes nothing and stays next.
   */
  redoLast(planId: string | null = null, allow: (edits: readonly Edit[]) => void = () => {}): GroupInfo {
    const consumed = new Set<string>();
    let target: (GroupInfo & { undoOf: string | null }) | undefined;
    for (const group of this.inPlanOrAny(this.statements.newestFirst, planId).iterate({
      actor: this.actor,
      planId,
    }) as Iterable<GroupInfo & { undoOf: string | null }>) {
      const redone = REDO_LABEL.exec(group.label);
      if (group.label.startsWith(PASSED_PREFIX)) continue;
      if (redone) consumed.add(redone[1]!);
      else if (group.undoOf === null) break;
      else if (!consumed.has(group.id)) {
        target = group;
        break;
      }
    }
    if (!target) throw new AppError('nothing-to-redo', 'no undo of this office is left to redo');
    const label = actionLabel(target.label.slice('undo:'.length));
    const edits = this.inverseOf(target.id);
    allow(edits);
    this.apply(`redo:${target.id}:${label}`, target.planId, edits);
    return { ...target, label };
  }

  /**
   * The edits that take a group back: each field to its value before the group. A field whose newest edit
   * came from another office (imported since) keeps that edit: undo never takes back someone else's work,
   * only what this office decided.
   */
  private inverseOf(group: string): Edit[] {
    const ops = this.statements.groupOps.all(group) as {
      entity: EntityName;
      rowId: string;
      field: string;
      prev: string | null;
    }[];
    return ops
      .filter((op) => this.statements.cellWriter.get(op.entity, op.rowId, op.field) === this.actor)
      .filter((op): op is typeof op & { prev: string } => op.prev !== null)
      .map((op) => ({ entity: op.entity, rowId: op.rowId, field: op.field, value: JSON.parse(op.prev) as unknown }));
  }
}

const REDO_LABEL = /^redo:([^:]+):/;
/** The label of the mark that an undo refused by the plan's rules was passed over (undoLast). */
const PASSED_PREFIX = 'passed:';

/** The action a group's label names: a redo is named by what it redid. */
function actionLabel(label: string): string {
  return label.replace(REDO_LABEL, '');
}

interface StoredCellOp {
  hlc: string;
  actor: string;
  seen: string;
}

/** Each actor's newest edit of a field: all merge.ts needs (an actor's context only grows), parsed once each. */
function newestPerActor(ops: readonly StoredCellOp[]): CellOp[] {
  const newest = new Map<string, StoredCellOp>();
  for (const op of ops) {
    const current = newest.get(op.actor);
    if (!current || op.hlc > current.hlc) newest.set(op.actor, op);
  }
  return [...newest.values()].map((op) => ({ hlc: op.hlc, actor: op.actor, seen: JSON.parse(op.seen) as string[] }));
}

/** A field's current value from what SELECT returned: the column, or one key of its JSON object. */
export function readValue(spec: FieldSpec, sqlValue: unknown): unknown {
  if (spec.jsonKey === undefined) return spec.fromSql(sqlValue);
  return jsonFieldValue(JSON.parse(String(sqlValue)) as Record<string, unknown>, spec.jsonKey);
}

/** A field kept as a key of a row's JSON column, from that column parsed: a key not there reads as null. */
export function jsonFieldValue(data: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : null;
}
