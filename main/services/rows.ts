import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { descendantsOf, liveRows } from '../core/liveRows.ts';
import { comparePositions, positionBetween } from '../core/position.ts';
import {
  ROW_DEFAULTS,
  acceptsParent,
  deterministicRowId,
  parentEntities,
  type Row,
  type RowData,
  type RowEntity,
  type RowFieldEdit,
} from '../core/rows.ts';
import {
  adoptedTargetsIn,
  isFrozenField,
  unrevisedChanges,
  type FieldChange,
  type RevisionInput,
  type RevisionRecord,
} from '../core/revision.ts';
import { scoringConfig } from '../core/swotPlan.ts';
import { outsidePeriod, rowProblems, type ValidityContext } from '../core/validity.ts';
import { getPlan } from './plans.ts';
import type { Edit, GroupInfo } from './store/oplog.ts';
import type { Store } from './store/store.ts';
import { toRow, type RowRecord } from './rowRecord.ts';

/** The parts of a plan (core/rows.ts): list, create, edit, move and delete, every change through the op log. */

/** Every live row of a plan (core/liveRows.ts: none under a deleted parent), siblings in their order. */
export function listRows(store: Store, planId: string): Row[] {
  getPlan(store, planId);
  const records = store.db.prepare('SELECT * FROM rows WHERE plan_id = ? AND deleted = 0').all(planId) as RowRecord[];
  return liveRows(records.map(toRow)).sort(comparePositions);
}

function findRow(store: Store, id: string): RowRecord | undefined {
  return store.statement('SELECT * FROM rows WHERE id = ?').get(id) as RowRecord | undefined;
}

/** A row, live or deleted (a delete conflict names deleted rows), or undefined when no row has the id. */
export function anyRow(store: Store, id: string): Row | undefined {
  const record = findRow(store, id);
  return record && toRow(record);
}

/** Whether any row, live or deleted, has this id: an import must not reuse one. */
export function rowExists(store: Store, id: string): boolean {
  return findRow(store, id) !== undefined;
}

export function getRow(store: Store, id: string): Row {
  const record = findRow(store, id);
  if (!record || record.deleted !== 0) {
    throw new AppError('not-found', `row ${id}`);
  }
  return toRow(record);
}

/**
 * What core's validity rules need to judge a row of the plan: the plan's years, its rating scale, the row's
 * parent (`parent`: its fields, from the store or from a row created in the same batch) and the row as it
 * will be once written.
 */
function validityContext(
  store: Store,
  planId: string,
  parent: Record<string, unknown> | null,
  row: Record<string, unknown>,
  /** The row judged (its id, none while it is created): its siblings are the others of its kind and parent. */
  at: { entity: RowEntity; parentId: string | null; id?: string },
): ValidityContext {
  const plan = getPlan(store, planId);
  const options = findRow(store, planId);
  const live = options?.entity === 'planOptions' && options.deleted === 0;
  const scale = scoringConfig((live ? toRow(options).data : ROW_DEFAULTS.planOptions) as RowData<'planOptions'>);
  const siblings = () =>
    listRows(store, planId)
      .filter((r) => r.entity === at.entity && r.parentId === at.parentId && r.id !== at.id)
      .map((r) => r.data);
  return { plan, scale, parent, row, siblings };
}

/** Whether the plan has been adopted (planOptions.adoptedOn): its targets are frozen from then on. */
function adopted(store: Store, planId: string): boolean {
  const options = findRow(store, planId);
  return options?.entity === 'planOptions' && options.deleted === 0 && toRow(options).data.adoptedOn != null;
}

/**
 * Refuse changes of frozen values that no revision of the same action records (core/revision.ts), naming
 * the fields.
 */
function requireRevised(
  store: Store,
  planId: string,
  changes: readonly FieldChange[],
  revisions: readonly RevisionRecord[] = [],
  undoSinceAdoption = false,
): void {
  const unrevised = unrevisedChanges(adopted(store, planId), changes, revisions, undoSinceAdoption);
  if (unrevised.length === 0) return;
  const fields = Object.fromEntries(unrevised.map((c) => [c.field, 'monitoring.revision.frozen']));
  throw new AppError('invalid-input', `frozen after adoption: ${JSON.stringify(fields)}`, fields);
}

/** Refuse values core's rules flag (core/validity.ts), with the problems by field for the screen. */
function requireValid(entity: RowEntity, values: Record<string, unknown>, ctx: ValidityContext): void {
  const fields = rowProblems(entity, values, ctx);
  if (Object.keys(fields).length > 0)
    throw new AppError('invalid-input', `${entity}: ${JSON.stringify(fields)}`, fields);
}

export interface NewRow {
  readonly entity: RowEntity;
  /** A caller-chosen fresh UUID (see contract NewRow); never an existing row's. */
  readonly id?: string | undefined;
  readonly parentId?: string | null;
  /** Place after this sibling (null: first); absent: last. */
  readonly after?: string | null;
  readonly values: Record<string, unknown>;
}

interface Placed {
  readonly id: string;
  readonly position: string;
}

function siblings(store: Store, planId: string, entity: RowEntity, parentId: string | null): Placed[] {
  return store.db
    .prepare(
      'SELECT id, position FROM rows WHERE plan_id = ? AND entity = ? AND parent_id IS ? AND deleted = 0 ORDER BY position, id',
    )
    .all(planId, entity, parentId) as Placed[];
}

function positionAfter(list: readonly Placed[], after: string | null | undefined, skipId?: string): string {
  const others = list.filter((r) => r.id !== skipId);
  if (after === undefined) return positionBetween(others.at(-1)?.position ?? null, null);
  if (after === null) return positionBetween(null, others[0]?.position ?? null);
  const index = others.findIndex((r) => r.id === after);
  if (index < 0) throw new AppError('not-found', `sibling ${after}`);
  const next = others[index + 1]?.position ?? null;
  const before = others[index]!.position;
  // Equal keys (two offices inserted at one spot) leave no room between: go past the run of equals.
  return positionBetween(before, next !== null && next > before ? next : null);
}

/** What a batch of creations has placed so far: sibling lists by (entity, parent), and the new rows' kinds. */
interface Batch {
  readonly siblings: Map<string, Placed[]>;
  readonly created: Map<string, { readonly entity: RowEntity; readonly data: Record<string, unknown> }>;
}

function requireParent(store: Store, planId: string, entity: RowEntity, parentId: string | null, batch: Batch): void {
  const expected = parentEntities(entity);
  if (expected.length === 0) {
    if (parentId !== null) throw new AppError('invalid-input', `${entity} has no parent`);
    return;
  }
  const parent = parentId === null ? undefined : findRow(store, parentId);
  const live = parent?.plan_id === planId && parent.deleted === 0 && acceptsParent(entity, parent.entity);
  const created = parentId === null ? undefined : batch.created.get(parentId);
  if (!live && !(created !== undefined && acceptsParent(entity, created.entity))) {
    throw new AppError('invalid-input', `${entity} needs a live ${expected.join(' or ')} of plan ${planId}`);
  }
}

/** A row whose id and place are decided: one of createRows, or one of a plan file checked whole (core/planFile.ts). */
export interface PlacedRow {
  readonly id: string;
  readonly entity: RowEntity;
  readonly parentId: string | null;
  readonly position: string;
  readonly data: Record<string, unknown>;
}

/**
 * The edits that create new rows at the ids and positions they come with (fields left out get their
 * defaults), not applied: an import applies them in the same action as the plan, so a file comes in whole or
 * not at all.
 */
export function placedRowEdits(planId: string, rows: readonly PlacedRow[]): Edit[] {
  return rows.flatMap(({ id: rowId, entity, parentId, position, data }) => [
    { entity, rowId, field: 'planId', value: planId },
    { entity, rowId, field: 'parentId', value: parentId },
    { entity, rowId, field: 'position', value: position },
    ...Object.entries({ ...ROW_DEFAULTS[entity], ...data }).map(([field, value]) => ({ entity, rowId, field, value })),
    { entity, rowId, field: 'deleted', value: false },
  ]);
}

/** The edits that create (or revive) one row; validates parent, id and values without writing. */
function creationEdits(store: Store, planId: string, row: NewRow, batch: Batch): Edit[] {
  const { entity } = row;
  const parentId = row.parentId ?? null;
  requireParent(store, planId, entity, parentId, batch);
  const values = { ...ROW_DEFAULTS[entity], ...row.values };
  const parentData = parentId === null ? null : (batch.created.get(parentId)?.data ?? getRow(store, parentId).data);
  const fixed = deterministicRowId(entity, planId, parentId, values);
  if (fixed === null && row.id !== undefined && (rowExists(store, row.id) || batch.created.has(row.id))) {
    throw new AppError('invalid-input', `row ${row.id} exists`);
  }
  const id = fixed ?? row.id ?? randomUUID();
  const existing = findRow(store, id);
  if (existing && (existing.entity !== entity || existing.plan_id !== planId)) {
    throw new AppError('invalid-input', `row ${id} belongs elsewhere`);
  }
  // A fixed-id row created again keeps its other fields: those are what the values given are judged with.
  const after = existing ? { ...toRow(existing).data, ...row.values } : values;
  if (existing) {
    const was = toRow(existing).data;
    const changes = Object.entries(row.values).map(([field, value]) => ({
      entity,
      rowId: id,
      field,
      before: was[field],
      after: value,
    }));
    requireRevised(store, planId, changes);
  }
  requireValid(
    entity,
    existing ? row.values : values,
    validityContext(store, planId, parentData, after, { entity, parentId, id }),
  );
  const key = `${entity}|${parentId}`;
  const list = batch.siblings.get(key) ?? siblings(store, planId, entity, parentId);
  // A revived row (a link ticked again) keeps its place.
  const position = existing?.position || positionAfter(list, row.after);
  batch.siblings.set(key, [...list.filter((p) => p.id !== id), { id, position }].sort(comparePositions));
  batch.created.set(id, { entity, data: after });
  if (!existing) return placedRowEdits(planId, [{ id, entity, parentId, position, data: values }]);
  // A fixed-id row created again (a link ticked again, the plan's options) keeps its other fields: only the
  // values given are written, not the defaults.
  return [
    ...Object.entries(row.values).map(([field, value]) => ({ entity, rowId: id, field, value })),
    { entity, rowId: id, field: 'deleted', value: false },
  ];
}

/** Create rows as one undoable action (a paste of 200 KPI rows is one undo). Returns them in input order. */
export function createRows(store: Store, planId: string, rows: readonly NewRow[], label = 'create'): Row[] {
  getPlan(store, planId);
  const batch: Batch = { siblings: new Map(), created: new Map() };
  const batches = rows.map((row) => creationEdits(store, planId, row, batch));
  store.oplog.apply(`${label}:${rows[0]?.entity ?? 'row'}`, planId, batches.flat());
  return batches.map((edits) => getRow(store, edits[0]!.rowId));
}

export function updateRow(store: Store, id: string, edits: readonly RowFieldEdit[]): Row {
  const row = getRow(store, id);
  const changed = edits.filter((e) => JSON.stringify(row.data[e.field]) !== JSON.stringify(e.value));
  if (changed.length === 0) return row;
  const values = Object.fromEntries(changed.map((e) => [e.field, e.value]));
  const parent = row.parentId === null ? null : getRow(store, row.parentId).data;
  requireValid(row.entity, values, validityContext(store, row.planId, parent, { ...row.data, ...values }, row));
  requireRevised(
    store,
    row.planId,
    changed.map((e) => ({ entity: row.entity, rowId: id, field: e.field, before: row.data[e.field], after: e.value })),
  );
  const dropped = row.entity === 'project' ? droppedByProjectYears(store, row, values) : [];
  store.oplog.apply(`edit:${row.entity}`, row.planId, [
    ...changed.map((e): Edit => ({ entity: row.entity, rowId: id, field: e.field, value: e.value })),
    ...dropped.map((r): Edit => ({ entity: r.entity, rowId: r.id, field: 'deleted', value: true })),
  ]);
  return getRow(store, id);
}

/**
 * The budgets and quarterly results a project's new years leave outside them (core/validity.ts outsidePeriod),
 * with the rows below them, deleted in the same action as the years (as a plan's new years drop its targets);
 * refused in an adopted plan when one holds an adopted budget, which changes only by revision.
 */
function droppedByProjectYears(store: Store, project: Row, values: Record<string, unknown>): PlacedBelow[] {
  if (!('startYear' in values) && !('endYear' in values)) return [];
  const below = liveBelowEach(store, [project.id]).get(project.id) ?? [];
  const years = { ...project.data, ...values };
  const outside = outsidePeriod(below, getPlan(store, project.planId), (id) => (id === project.id ? years : undefined));
  const dropped = [...outside, ...outside.flatMap((r) => descendantsOf(below, r.id))];
  if (adoptedTargetsIn(adopted(store, project.planId), dropped).length > 0) {
    const refused = Object.fromEntries(
      Object.keys(values).map((field) => [field, 'monitoring.revision.periodRefused']),
    );
    throw new AppError('invalid-input', `new years drop adopted budgets: ${JSON.stringify(refused)}`, refused);
  }
  return dropped;
}

/**
 * Change a frozen value of an adopted plan (core/revision.ts) with its reason: the change and the revision
 * row recording it (under the changed row) as one action, so one undo takes back both and a package carries
 * them together. The value is judged by the same rules as an edit; a value that does not change is refused.
 * Returns the changed row and the revision.
 */
export function reviseRow(store: Store, id: string, revision: RevisionInput): [changed: Row, revision: Row] {
  const row = getRow(store, id);
  const { field, value } = revision;
  if (!isFrozenField(row.entity, field)) throw new AppError('invalid-input', `${row.entity}.${field} is not frozen`);
  if (JSON.stringify(row.data[field] ?? null) === JSON.stringify(value ?? null)) {
    throw new AppError('invalid-input', `${row.entity}.${field} already holds it: monitoring.revision.unchanged`, {
      [field]: 'monitoring.revision.unchanged',
    });
  }
  const parent = row.parentId === null ? null : getRow(store, row.parentId).data;
  requireValid(
    row.entity,
    { [field]: value },
    validityContext(store, row.planId, parent, { ...row.data, [field]: value }, row),
  );
  const record = {
    field,
    from: row.data[field] ?? null,
    to: value,
    reason: revision.reason,
    revisedOn: revision.revisedOn,
  };
  requireValid(
    'revision',
    record,
    validityContext(store, row.planId, row.data, record, { entity: 'revision', parentId: id }),
  );
  const revisionId = randomUUID();
  const position = positionAfter(siblings(store, row.planId, 'revision', id), undefined);
  store.oplog.apply(`revise:${row.entity}`, row.planId, [
    { entity: row.entity, rowId: id, field, value },
    ...placedRowEdits(row.planId, [{ id: revisionId, entity: 'revision', parentId: id, position, data: record }]),
  ]);
  return [getRow(store, id), getRow(store, revisionId)];
}

/** A live row below another, with its place. */
type PlacedBelow = Pick<Row, 'id' | 'entity' | 'parentId' | 'data'>;

/** The live rows below each of `ids` (a goal's KPIs and their years), which a delete of it takes along. */
function liveBelowEach(store: Store, ids: readonly string[]): Map<string, PlacedBelow[]> {
  const found = store.db
    .prepare(
      `WITH RECURSIVE tree(root, id, entity, parent_id, data) AS (
         SELECT parent_id, id, entity, parent_id, data FROM rows
          WHERE parent_id IN (SELECT value FROM json_each(?)) AND deleted = 0
         UNION ALL SELECT t.root, r.id, r.entity, r.parent_id, r.data FROM rows r JOIN tree t ON r.parent_id = t.id WHERE r.deleted = 0
       ) SELECT root, id, entity, parent_id, data FROM tree`,
    )
    .all(JSON.stringify(ids)) as { root: string; id: string; entity: RowEntity; parent_id: string; data: string }[];
  const below = new Map<string, PlacedBelow[]>();
  for (const { root, id, entity, parent_id: parentId, data } of found)
    below.set(root, [
      ...(below.get(root) ?? []),
      { id, entity, parentId, data: JSON.parse(data) as Record<string, unknown> },
    ]);
  return below;
}

/** Refuse a delete of `row` and `below` in an adopted plan when it would drop a target or budget. */
function requireKept(
  row: Row,
  below: readonly Pick<Row, 'id' | 'entity' | 'data'>[],
  planAdopted: boolean,
  madeSinceAdoption?: ReadonlySet<string>,
): void {
  const dropped = adoptedTargetsIn(planAdopted, [row, ...below], madeSinceAdoption);
  if (dropped.length > 0) {
    throw new AppError(
      'invalid-input',
      `${row.entity} ${row.id} holds adopted targets or budgets (${dropped.map((r) => r.id).join(', ')}): monitoring.revision.deleteRefused`,
      { deleted: 'monitoring.revision.deleteRefused' },
    );
  }
}

/**
 * Delete a row and everything below it (a goal's KPIs and their years) as one undoable action; refused in an
 * adopted plan when it would drop a target or budget (core/revision.ts adoptedTargetsIn).
 */
export function deleteRow(store: Store, id: string): void {
  const row = getRow(store, id);
  const descendants = liveBelowEach(store, [id]).get(id) ?? [];
  requireKept(row, descendants, adopted(store, row.planId));
  store.oplog.apply(
    `delete:${row.entity}`,
    row.planId,
    [{ id, entity: row.entity }, ...descendants].map((r) => ({
      entity: r.entity,
      rowId: r.id,
      field: 'deleted',
      value: true,
    })),
  );
}

/**
 * When the adoption of a plan was written here (the newest edit of its adoptedOn, an HLC), null if never: an
 * action stamped after it was taken on the plan as adopted, whichever office adopted it.
 */
function adoptionTime(store: Store, planId: string): string | null {
  return store.db
    .prepare("SELECT max(hlc) FROM ops WHERE entity = 'planOptions' AND row_id = ? AND field = 'adoptedOn'")
    .pluck()
    .get(planId) as string | null;
}

/**
 * The rules of an adopted plan for an undo or redo, given the edits it would write, as for the same change
 * made by hand: a row it deletes must not drop an adopted target or budget, and a frozen value it changes
 * needs a revision in the same edits (undoing a revision withdraws it and puts back the value it replaced,
 * so it passes). An undo of an action taken since adoption (`undone`: its HLC) puts back the plan as adopted:
 * the rows that action created and the values it filled in go again (core/revision.ts). Undoing an edit of a
 * target made before adoption, or the creation of a KPI that others have since given targets, is refused
 * with the direct action's message.
 */
function requireAllowed(store: Store, edits: readonly Edit[], undone?: string): void {
  // The rows touched, read in one statement: the undo of a pasted block holds thousands of edits.
  const records = new Map(
    (
      store.db
        .prepare('SELECT * FROM rows WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify([...new Set(edits.map((e) => e.rowId))])) as RowRecord[]
    ).map((r) => [r.id, r]),
  );
  const touched = new Map<string, Row>();
  for (const edit of edits) {
    const record = records.get(edit.rowId);
    // Plans share ids with their options row: only an edit of the row's own kind is about it.
    if (record?.entity === edit.entity && !touched.has(record.id)) touched.set(record.id, toRow(record));
  }
  const written = (row: Row, field: string) => {
    const edit = edits.find((e) => e.rowId === row.id && e.field === field);
    return edit ? edit.value : field === 'parentId' ? row.parentId : row.data[field];
  };
  const plans = new Set([...touched.values()].map((row) => row.planId));
  // Only an adopted plan has anything to keep: the undo of a large paste in a draft reads no subtrees.
  const adoptedPlans = new Set([...plans].filter((planId) => adopted(store, planId)));
  const sinceAdoption = new Set(
    [...adoptedPlans].filter((planId) => {
      const adoptedAt = undone === undefined ? null : adoptionTime(store, planId);
      return adoptedAt !== null && undone! > adoptedAt;
    }),
  );
  const deleted = new Set(edits.filter((e) => e.field === 'deleted' && e.value === true).map((e) => e.rowId));
  // The live rows it deletes in an adopted plan, each with what lies under it (one statement for all).
  const roots = [...deleted].filter((id) => {
    const row = touched.get(id);
    return row && adoptedPlans.has(row.planId) && records.get(id)!.deleted === 0;
  });
  const below = roots.length > 0 ? liveBelowEach(store, roots) : new Map();
  for (const id of roots) {
    const row = touched.get(id)!;
    requireKept(row, below.get(id) ?? [], true, sinceAdoption.has(row.planId) ? deleted : undefined);
  }
  const revisions = [...touched.values()]
    .filter((row) => row.entity === 'revision')
    .map((row) => ({
      parentId: written(row, 'parentId') as string | null,
      field: written(row, 'field'),
      from: written(row, 'from'),
      to: written(row, 'to'),
      reason: written(row, 'reason'),
      withdrawn: edits.some((e) => e.rowId === row.id && e.field === 'deleted' && e.value === true),
    }));
  for (const planId of plans) {
    const changes = edits.flatMap((edit) => {
      const row = touched.get(edit.rowId);
      if (row?.planId !== planId || !isFrozenField(row.entity, edit.field)) return [];
      return [
        { entity: row.entity, rowId: row.id, field: edit.field, before: row.data[edit.field], after: edit.value },
      ];
    });
    requireRevised(store, planId, changes, revisions, sinceAdoption.has(planId));
  }
}

/**
 * Undo this office's newest action (in one plan, when given). Where the plan's rules refuse it, the refusal
 * names why and that the action was passed over (`undo` field): the next undo takes back the one before.
 * Within a plan, its history ends at its creation (made, duplicated, imported): Ctrl+Z pressed once too often
 * on the plan's own pages must not make the plan vanish under the user. Home's undo (no plan) still takes a
 * creation back.
 */
export function undoAction(store: Store, planId: string | null): GroupInfo {
  try {
    return store.oplog.undoLast(planId, (edits, action) => {
      if (planId !== null && edits.some((e) => e.entity === 'plan' && e.field === 'deleted' && e.value !== false))
        throw new AppError('nothing-to-undo', `the plan's creation is undone from home only (${planId})`);
      requireAllowed(store, edits, action.hlc);
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid-input') throw err;
    throw new AppError(err.code, `${err.detail} (passed over)`, {
      ...err.fields,
      undo: 'monitoring.revision.undoPassed',
    });
  }
}

/** Redo this office's newest undo (in one plan, when given), refused where the plan's rules refuse it. */
export function redoAction(store: Store, planId: string | null): GroupInfo {
  return store.oplog.redoLast(planId, (edits) => requireAllowed(store, edits));
}

/** Move a row among its siblings: after `after` (null: to the top). */
export function moveRow(store: Store, id: string, after: string | null): Row {
  const row = getRow(store, id);
  if (after === id) return row;
  const position = positionAfter(siblings(store, row.planId, row.entity, row.parentId), after, id);
  store.oplog.apply(`move:${row.entity}`, row.planId, [
    { entity: row.entity, rowId: id, field: 'position', value: position },
  ]);
  return getRow(store, id);
}
