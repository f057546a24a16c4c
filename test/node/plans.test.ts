import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlan, deletePlan, duplicatePlan, getPlan, listPlans, updatePlan } from '../../main/services/plans.ts';
import { undoAction } from '../../main/services/rows.ts';
import { Store } from '../../main/services/store/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { bmaDraft as draft } from '../harness/store.ts';

const tempDir = useTempDir();

async function openStore(dir = tempDir()) {
  return Store.open(join(dir, 'phaen.sqlite'), { backupDir: join(dir, 'backups') });
}

describe('plans', () => {
  it('creates a Thai plan that is there after the store is reopened', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const plan = createPlan(store, draft);
    store.close();
    const again = await openStore(dir);
    expect(getPlan(again, plan.id)).toMatchObject(draft);
    expect(listPlans(again).map((p) => p.title)).toEqual([draft.title]);
    again.close();
  });

  it('edits one field and refuses an edit that breaks the period rules', async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    expect(updatePlan(store, plan.id, [{ field: 'title', value: 'แผนใหม่' }]).title).toBe('แผนใหม่');
    expect(() => updatePlan(store, plan.id, [{ field: 'endYear', value: 2580 }])).toThrow(/periodTooLong/);
    expect(getPlan(store, plan.id).endYear).toBe(2570);
    store.close();
  });

  it('moves a period with both years in one edit, and undo restores both', async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    expect(() => updatePlan(store, plan.id, [{ field: 'startYear', value: 2572 }])).toThrow(/endBeforeStart/);
    const moved = updatePlan(store, plan.id, [
      { field: 'startYear', value: 2572 },
      { field: 'endYear', value: 2576 },
    ]);
    expect([moved.startYear, moved.endYear]).toEqual([2572, 2576]);
    store.oplog.undoLast();
    expect(getPlan(store, plan.id)).toMatchObject({ startYear: 2566, endYear: 2570 });
    store.close();
  });

  it('duplicates and deletes, and undo brings a deleted plan back', async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    const copy = duplicatePlan(store, plan.id);
    expect(copy.id).not.toBe(plan.id);
    deletePlan(store, plan.id);
    expect(listPlans(store).map((p) => p.id)).toEqual([copy.id]);
    store.oplog.undoLast();
    expect(
      listPlans(store)
        .map((p) => p.id)
        .sort(),
    ).toEqual([plan.id, copy.id].sort());
    store.close();
  });

  it('numbers each duplicate among the plans here, so Home never lists two plans alike', async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    const copy = duplicatePlan(store, plan.id);
    expect(copy.title).toBe(`${draft.title} (สำเนา)`);
    expect(duplicatePlan(store, plan.id).title).toBe(`${draft.title} (สำเนา 2)`);
    // A copy of a copy is numbered beside the others, not marked twice.
    expect(duplicatePlan(store, copy.id).title).toBe(`${draft.title} (สำเนา 3)`);
    expect(new Set(listPlans(store).map((p) => p.title)).size).toBe(4);
    store.close();
  });

  it('undo of an edit restores the previous value, and undo of a create hides the plan', async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    updatePlan(store, plan.id, [{ field: 'organisation', value: 'สำนักงานเขตพระนคร' }]);
    store.oplog.undoLast();
    expect(getPlan(store, plan.id).organisation).toBe(draft.organisation);
    store.oplog.undoLast();
    expect(listPlans(store)).toEqual([]);
    expect(() => store.oplog.undoLast()).toThrow(/nothing/);
    store.close();
  });

  it("undo within a plan stops at the plan's creation, which only home's undo takes back", async () => {
    const store = await openStore();
    const plan = createPlan(store, draft);
    const copy = duplicatePlan(store, plan.id);
    updatePlan(store, plan.id, [{ field: 'organisation', value: 'สำนักงานเขตพระนคร' }]);
    expect(undoAction(store, plan.id).label).toBe('edit:organisation');
    expect(() => undoAction(store, plan.id)).toThrow(expect.objectContaining({ code: 'nothing-to-undo' }));
    expect(() => undoAction(store, copy.id)).toThrow(expect.objectContaining({ code: 'nothing-to-undo' }));
    expect(listPlans(store).map((p) => p.id)).toEqual(expect.arrayContaining([plan.id, copy.id]));
    // Nothing was written by the refusals: home's undo takes back the duplicate, then the creation.
    expect(undoAction(store, null).label).toBe('duplicate');
    expect(undoAction(store, null).label).toBe('create');
    expect(listPlans(store)).toEqual([]);
    store.close();
  });
});
