import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDeleteConflicts, resolveDelete } from '../../main/services/exchange/deletes.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { exchangeStatus } from '../../main/services/exchange/views.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { createPlan, getPlan } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows, updateRow } from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import { SECRETARIAT, exportText, importTexts, office, openReplica, tables } from '../harness/exchange.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/**
 * Deletes meeting edits (issue 12 #2): the secretariat deletes a goal while a district, which has not seen the
 * delete, adds a yearly target to a KPI under it and renames that KPI. Neither is lost nor alive under the
 * deleted goal: both are listed until someone restores the goal or confirms the delete, and the choice travels.
 */

const tempDir = useTempDir();
const PRANAKHON = office('1001', 'สำนักงานเขตพระนคร');

async function deleteMeetsEdits() {
  const secretariat = await openReplica(join(tempDir(), 's'), SECRETARIAT);
  const plan = createPlan(secretariat, bmaDraft);
  const [issue] = createRows(secretariat, plan.id, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
  const [goal] = createRows(secretariat, plan.id, [
    { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้ข่าวสาร' } },
  ]);
  const [kpi, other] = createRows(secretariat, plan.id, [
    { entity: 'kpi', parentId: goal!.id, values: { name: 'ผู้ติดตามสื่อออนไลน์', unit: 'คน' } },
    { entity: 'kpi', parentId: goal!.id, values: { name: 'ข่าวประชาสัมพันธ์', unit: 'เรื่อง' } },
  ]);
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, plan.id),
    assignments: [
      { officeCode: PRANAKHON.code, officeName: PRANAKHON.name, factors: true, kpiIds: [kpi!.id], projectIds: [] },
    ],
  });
  const district = await openReplica(join(tempDir(), 'a'), PRANAKHON);
  expect(importTexts(district, [exportText(secretariat, plan.id)]).packages[0]!.status).toBe('imported');

  deleteRow(secretariat, goal!.id);
  // The district works after the delete (later clock) without having received it.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const [target] = createRows(district, plan.id, [
    { entity: 'kpiTarget', parentId: kpi!.id, values: { year: 2567, target: 1500 } },
  ]);
  updateRow(district, kpi!.id, [{ field: 'name', value: 'ผู้ติดตามสื่อออนไลน์ของสำนักงาน' }]);
  const contribution = exportText(district, plan.id);
  expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
  return { secretariat, district, planId: plan.id, goal: goal!, kpi: kpi!, other: other!, target: target! };
}

function liveIds(store: Store, planId: string): string[] {
  return listRows(store, planId)
    .map((r) => r.id)
    .sort();
}

function rereads(store: Store, planId: string): void {
  const text = serialisePlanFile(exportPlanFile(getPlan(store, planId), listRows(store, planId)));
  const copy = importPlanFile(store, parsePlanFile(text));
  expect(listRows(store, copy.plan.id)).toHaveLength(listRows(store, planId).length);
}

describe('a delete meeting an edit or a new row', () => {
  it('lists the new target under the deleted goal and the edit of its deleted KPI; neither is alive', async () => {
    const { secretariat, district, planId, goal, kpi, target } = await deleteMeetsEdits();
    const conflicts = listDeleteConflicts(secretariat, planId);
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'orphan',
        entity: 'kpiTarget',
        rowId: target.id,
        deleted: expect.objectContaining({
          entity: 'kpi',
          rowId: kpi.id,
          office: expect.objectContaining({ code: 'PR' }),
        }),
        edited: expect.objectContaining({ office: expect.objectContaining({ code: PRANAKHON.code }) }),
      }),
      expect.objectContaining({
        kind: 'edited',
        entity: 'kpi',
        rowId: kpi.id,
        deleted: expect.objectContaining({ rowId: kpi.id }),
        edited: expect.objectContaining({ field: 'name', office: expect.objectContaining({ code: PRANAKHON.code }) }),
      }),
    ]);
    expect(exchangeStatus(secretariat, planId).conflicts).toBe(2);
    const live = liveIds(secretariat, planId);
    for (const id of [goal.id, kpi.id, target.id]) expect(live).not.toContain(id);
    rereads(secretariat, planId);
    secretariat.close();
    district.close();
  });

  it('restores the goal with the KPIs its delete took and the new target, and the office gets the same plan', async () => {
    const { secretariat, district, planId, goal, kpi, other, target } = await deleteMeetsEdits();
    const left = resolveDelete(secretariat, planId, target.id, true);
    expect(left).toEqual([]);
    const live = liveIds(secretariat, planId);
    for (const id of [goal.id, kpi.id, other.id, target.id]) expect(live).toContain(id);
    expect(listRows(secretariat, planId).find((r) => r.id === kpi.id)!.data.name).toBe('ผู้ติดตามสื่อออนไลน์ของสำนักงาน');
    importTexts(district, [exportText(secretariat, planId)]);
    expect(tables(district)).toEqual(tables(secretariat));
    expect(listDeleteConflicts(district, planId)).toEqual([]);
    secretariat.close();
    district.close();
  });

  it('confirms the delete: the new target goes, the edited KPI stays deleted, and so at the office', async () => {
    const { secretariat, district, planId, kpi, target } = await deleteMeetsEdits();
    expect(resolveDelete(secretariat, planId, target.id, false)).toHaveLength(1);
    expect(resolveDelete(secretariat, planId, kpi.id, false)).toEqual([]);
    const rows = secretariat.db.prepare('SELECT deleted FROM rows WHERE id = ?').pluck();
    expect([rows.get(target.id), rows.get(kpi.id)]).toEqual([1, 1]);
    importTexts(district, [exportText(secretariat, planId)]);
    expect(tables(district)).toEqual(tables(secretariat));
    expect(listDeleteConflicts(district, planId)).toEqual([]);
    expect(liveIds(district, planId)).not.toContain(target.id);
    rereads(district, planId);
    secretariat.close();
    district.close();
  });

  it('refuses to settle a row that is in no delete conflict', async () => {
    const { secretariat, district, planId, other } = await deleteMeetsEdits();
    expect(() => resolveDelete(secretariat, planId, other.id, true)).toThrow(/no delete conflict/);
    secretariat.close();
    district.close();
  });
});

describe('a local delete of a row others refer to', () => {
  it('leaves no reference to the deleted factor on screen or in the plan file', async () => {
    const store = await openStore(tempDir());
    const plan = createPlan(store, bmaDraft);
    const [factor, kept] = createRows(store, plan.id, [
      { entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'บุคลากรมีความรู้ด้านสื่อ' } },
      { entity: 'factor', values: { swot: 'W', category: 'S1', statement: 'งบประมาณจำกัด' } },
    ]);
    const [tows] = createRows(store, plan.id, [
      { entity: 'towsStrategy', values: { type: 'SO', text: 'ใช้สื่อออนไลน์', factorIds: [factor!.id, kept!.id] } },
    ]);
    deleteRow(store, factor!.id);
    expect(listRows(store, plan.id).find((r) => r.id === tows!.id)!.data.factorIds).toEqual([kept!.id]);
    rereads(store, plan.id);
    store.close();
  });
});
