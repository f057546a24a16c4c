import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors.ts';
import { formatHlc } from '../../main/core/hlc.ts';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import type { Store } from '../../main/services/store/store.ts';
import { bmaDraft, count, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface OpRow {
  grp: string;
  hlc: string;
  actor: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
  prev: string | null;
}

const ops = (store: Store) => store.db.prepare('SELECT * FROM ops ORDER BY hlc').all() as OpRow[];
const groups = (store: Store) =>
  store.db.prepare('SELECT id, label, undo_of AS undoOf FROM op_groups ORDER BY hlc').all() as {
    id: string;
    label: string;
    undoOf: string | null;
  }[];

describe('op log', () => {
  it('logs each edit as one operation: office, entity, row, field, JSON value, previous value, rising HLC', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const created = ops(store);
    // One op per field of the create, all in one group, the row id a UUID.
    expect(created.map((o) => o.field).sort()).toEqual(
      ['deleted', 'endYear', 'isSample', 'organisation', 'prevEndYear', 'prevStartYear', 'startYear', 'title'].sort(),
    );
    expect(new Set(created.map((o) => o.grp)).size).toBe(1);
    expect(plan.id).toMatch(UUID_V4);

    updatePlan(store, plan.id, [{ field: 'title', value: 'แผนฉบับแก้ไข' }]);
    updatePlan(store, plan.id, [{ field: 'prevStartYear', value: 2562 }]);
    const all = ops(store);
    expect(all).toHaveLength(created.length + 2);
    const [title, prevStart] = all.slice(-2);
    expect(title).toMatchObject({
      actor: store.officeId,
      entity: 'plan',
      row_id: plan.id,
      field: 'title',
      value: JSON.stringify('แผนฉบับแก้ไข'),
      prev: JSON.stringify(bmaDraft.title),
    });
    expect(prevStart).toMatchObject({ field: 'prevStartYear', value: '2562', prev: '2563' });
    const hlcs = store.db.prepare('SELECT hlc FROM ops ORDER BY rowid').pluck().all() as string[];
    expect(hlcs).toEqual([...hlcs].sort());
    expect(new Set(hlcs).size).toBe(hlcs.length);
    expect(new Set(all.map((o) => o.actor))).toEqual(new Set([store.officeId]));
    store.close();
  });

  it('writes nothing of a group when one of its edits is invalid (tables and log stand or fall together)', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const plan = createPlan(store, bmaDraft);
    const before = { ops: count(store, 'ops'), groups: count(store, 'op_groups'), plans: count(store, 'plans') };
    const clock = store.oplog.clock;

    const fresh = crypto.randomUUID();
    const badGroups = [
      // A valid edit first, so a non-atomic apply would have written it.
      [
        { entity: 'plan', rowId: plan.id, field: 'title', value: 'ไม่ควรบันทึก' },
        { entity: 'plan', rowId: plan.id, field: 'title', value: '' },
      ],
      [
        { entity: 'plan', rowId: fresh, field: 'title', value: 'แผนใหม่' },
        { entity: 'plan', rowId: fresh, field: 'startYear', value: 2023 },
      ],
      [
        { entity: 'plan', rowId: plan.id, field: 'organisation', value: 'x' },
        { entity: 'plan', rowId: plan.id, field: 'created_by', value: 'x' },
      ],
      [
        { entity: 'plan', rowId: plan.id, field: 'organisation', value: 'x' },
        { entity: 'nope', rowId: plan.id, field: 'title', value: 'x' },
      ],
    ] as const;
    for (const edits of badGroups) {
      expect(() => store.oplog.apply('edit', plan.id, edits as never)).toThrow(AppError);
    }
    expect({ ops: count(store, 'ops'), groups: count(store, 'op_groups'), plans: count(store, 'plans') }).toEqual(
      before,
    );
    expect(getPlan(store, plan.id)).toMatchObject(bmaDraft);
    expect(store.oplog.clock.wallMs).toBeGreaterThanOrEqual(clock.wallMs);
    const newest = store.db.prepare('SELECT max(hlc) FROM ops').pluck().get() as string;
    store.close();
    // What the refused groups drew from the clock was never stored: a restart resumes from the last committed edit.
    const reopened = await openStore(dir);
    expect(formatHlc(reopened.oplog.clock)).toBe(newest);
    reopened.close();
  });

  it('undoes the last actions group by group, logging each undo as a group of its own', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    // One action that edits the same field twice: undo must restore the value from before the action.
    store.oplog.apply('edit:title', plan.id, [
      { entity: 'plan', rowId: plan.id, field: 'title', value: 'ร่าง 1' },
      { entity: 'plan', rowId: plan.id, field: 'title', value: 'ร่าง 2' },
    ]);
    updatePlan(store, plan.id, [{ field: 'endYear', value: 2569 }]);
    deletePlan(store, plan.id);
    expect(listPlans(store)).toEqual([]);

    const [create, edit, year, del] = groups(store);
    expect(store.oplog.undoLast()).toMatchObject({ id: del!.id, label: 'delete', planId: plan.id });
    expect(getPlan(store, plan.id).endYear).toBe(2569);
    expect(store.oplog.undoLast().id).toBe(year!.id);
    expect(getPlan(store, plan.id)).toMatchObject({ endYear: 2570, title: 'ร่าง 2' });
    expect(store.oplog.undoLast().id).toBe(edit!.id);
    expect(getPlan(store, plan.id).title).toBe(bmaDraft.title);
    expect(store.oplog.undoLast().id).toBe(create!.id);
    expect(listPlans(store)).toEqual([]);

    const undos = groups(store).slice(4);
    expect(undos.map((g) => g.undoOf)).toEqual([del!.id, year!.id, edit!.id, create!.id]);
    expect(undos.map((g) => g.label)).toEqual(['undo:delete', 'undo:edit:endYear', 'undo:edit:title', 'undo:create']);
    // The undos are operations too (history and exchange see them), each by this office.
    const undoOps = store.db
      .prepare('SELECT count(*) FROM ops WHERE grp IN (SELECT id FROM op_groups WHERE undo_of IS NOT NULL)')
      .pluck()
      .get();
    // delete 1 + endYear 1 + the double title edit 2 (walked back newest first) + create 1 (the tombstone)
    expect(undoOps).toBe(5);

    const error = (() => {
      try {
        store.oplog.undoLast();
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('nothing-to-undo');
    store.close();
  });

  it("undoes and redoes in one plan's history only, leaving the other plan's newer action alone", async () => {
    const store = await openStore(tempDir());
    const first = createPlan(store, bmaDraft);
    const second = createPlan(store, { ...bmaDraft, title: 'แผนที่สอง' });
    updatePlan(store, first.id, [{ field: 'title', value: 'แผนแรก แก้แล้ว' }]);
    updatePlan(store, second.id, [{ field: 'title', value: 'แผนที่สอง แก้แล้ว' }]);

    expect(store.oplog.undoLast(first.id)).toMatchObject({ label: 'edit:title', planId: first.id });
    expect(getPlan(store, first.id).title).toBe(bmaDraft.title);
    expect(getPlan(store, second.id).title).toBe('แผนที่สอง แก้แล้ว');
    // The second plan has no undo to redo, though the first one does.
    expect(() => store.oplog.redoLast(second.id)).toThrow(expect.objectContaining({ code: 'nothing-to-redo' }));
    expect(store.oplog.redoLast(first.id)).toMatchObject({ label: 'edit:title', planId: first.id });
    expect(getPlan(store, first.id).title).toBe('แผนแรก แก้แล้ว');
    store.close();
  });

  it('redoes undos newest first, each once; a redo can be undone, and a new action ends what can be redone', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    updatePlan(store, plan.id, [{ field: 'title', value: 'ร่าง 1' }]);
    updatePlan(store, plan.id, [{ field: 'endYear', value: 2569 }]);
    store.oplog.undoLast(plan.id);
    store.oplog.undoLast(plan.id);
    expect(getPlan(store, plan.id)).toMatchObject({ title: bmaDraft.title, endYear: 2570 });

    expect(store.oplog.redoLast(plan.id).label).toBe('edit:title');
    expect(getPlan(store, plan.id)).toMatchObject({ title: 'ร่าง 1', endYear: 2570 });
    // The redo is an action: undo takes it back, and redo brings it again.
    expect(store.oplog.undoLast(plan.id).label).toBe('edit:title');
    expect(getPlan(store, plan.id).title).toBe(bmaDraft.title);
    expect(store.oplog.redoLast(plan.id).label).toBe('edit:title');
    expect(getPlan(store, plan.id).title).toBe('ร่าง 1');
    expect(store.oplog.redoLast(plan.id).label).toBe('edit:endYear');
    expect(getPlan(store, plan.id).endYear).toBe(2569);
    expect(() => store.oplog.redoLast(plan.id)).toThrow(/no undo/);

    store.oplog.undoLast(plan.id);
    updatePlan(store, plan.id, [{ field: 'organisation', value: 'สำนักงานเขตพระนคร' }]);
    expect(() => store.oplog.redoLast(plan.id)).toThrow(/no undo/);
    expect(getPlan(store, plan.id).endYear).toBe(2570);
    store.close();
  });

  it('keeps undo history across a restart', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    const plan = createPlan(first, bmaDraft);
    updatePlan(first, plan.id, [{ field: 'title', value: 'ก่อนปิดโปรแกรม' }]);
    first.close();
    const second = await openStore(dir);
    second.oplog.undoLast();
    expect(getPlan(second, plan.id).title).toBe(bmaDraft.title);
    second.close();
  });

  it('keeps the same office id across restarts, and gives another file another id', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    const id = first.officeId;
    first.close();
    const second = await openStore(dir);
    expect(second.officeId).toBe(id);
    second.close();
    const other = await openStore(tempDir());
    expect(other.officeId).not.toBe(id);
    expect(id).toMatch(UUID_V4);
    other.close();
  });

  it('gives every plan a random UUID, and every group and operation a time-ordered one (v7) that sorts in the order written', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = await openStore(tempDir(), { now: () => now });
    createPlan(store, bmaDraft);
    now += 5;
    createPlan(store, { ...bmaDraft, title: 'แผนที่สอง' });
    // The PC's date goes back: ids keep their order (the op log's clock does not go back).
    now -= 60_000;
    updatePlan(store, store.db.prepare('SELECT id FROM plans LIMIT 1').pluck().get() as string, [
      { field: 'title', value: 'แผนฉบับแก้ไข' },
    ]);
    const plans = store.db.prepare('SELECT id FROM plans').pluck().all() as string[];
    const groups = store.db.prepare('SELECT id FROM op_groups ORDER BY rowid').pluck().all() as string[];
    const ops = store.db.prepare('SELECT id FROM ops ORDER BY rowid').pluck().all() as string[];
    for (const id of plans) expect(id).toMatch(UUID_V4);
    for (const id of [...groups, ...ops]) expect(id).toMatch(UUID_V7);
    // Ordered to the millisecond (ids made within one millisecond are random among themselves).
    const ms = (id: string) => id.replace(/-/g, '').slice(0, 12);
    for (const list of [groups, ops]) expect(list.map(ms)).toEqual([...list.map(ms)].sort());
    expect(ms(ops.at(-1)!) > ms(ops[0]!)).toBe(true);
    const ids = [...plans, ...groups, ...ops];
    expect(new Set(ids).size).toBe(ids.length);
    store.close();
  });
});
