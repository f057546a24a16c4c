import { describe, expect, it } from 'vitest';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows, moveRow, updateRow } from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

async function planStore(): Promise<{ store: Store; planId: string }> {
  const store = await openStore(tempDir());
  return { store, planId: createPlan(store, bmaDraft).id };
}

const texts = (store: Store, planId: string, entity: string) =>
  listRows(store, planId)
    .filter((r) => r.entity === entity)
    .map((r) => r.data.statement ?? r.data.name);

describe('plan rows', () => {
  it('creates a factor with defaults and records the office that entered it', async () => {
    const { store, planId } = await planStore();
    const [factor] = createRows(store, planId, [
      { entity: 'factor', values: { swot: 'W', category: 'M1', statement: 'บุคลากรด้านสื่อดิจิทัลไม่เพียงพอ' } },
    ]);
    expect(factor).toMatchObject({ entity: 'factor', planId, parentId: null, createdBy: store.officeId });
    expect(factor!.data).toMatchObject({ swot: 'W', category: 'M1', weight: 0, rating: 1, evidence: '' });
    store.close();
  });

  it('edits fields and refuses invalid values with field messages, writing nothing', async () => {
    const { store, planId } = await planStore();
    const [factor] = createRows(store, planId, [{ entity: 'factor', values: { statement: 'ข่าวปลอม', swot: 'T' } }]);
    const edited = updateRow(store, factor!.id, [
      { field: 'weight', value: 0.4 },
      { field: 'rating', value: 4 },
    ]);
    expect(edited.data).toMatchObject({ weight: 0.4, rating: 4 });
    const ops = store.db.prepare('SELECT count(*) FROM ops').pluck().get();
    expect(() => updateRow(store, factor!.id, [{ field: 'weight', value: 1.5 }])).toThrow(/weightRange/);
    expect(() => updateRow(store, factor!.id, [{ field: 'colour', value: 'red' }])).toThrow(/unknownField/);
    expect(store.db.prepare('SELECT count(*) FROM ops').pluck().get()).toBe(ops);
    store.close();
  });

  it('needs a live parent of the right kind', async () => {
    const { store, planId } = await planStore();
    const [issue] = createRows(store, planId, [{ entity: 'prevIssue', values: { name: 'ประชาสัมพันธ์เชิงรุก' } }]);
    expect(() =>
      createRows(store, planId, [{ entity: 'prevKpi', parentId: issue!.id, values: { name: 'x' } }]),
    ).toThrow(/needs a live prevGoal/);
    expect(() => createRows(store, planId, [{ entity: 'prevGoal', values: { name: 'x' } }])).toThrow(/needs a live/);
    store.close();
  });

  it('hangs an alignment link under an issue, a goal or a project, and under nothing else', async () => {
    const { store, planId } = await planStore();
    const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'ประเด็น' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'เป้า' } }]);
    const [kpi] = createRows(store, planId, [{ entity: 'kpi', parentId: goal!.id, values: { name: 'ตัวชี้วัด' } }]);
    const [strategy] = createRows(store, planId, [
      { entity: 'strategy', parentId: goal!.id, values: { name: 'กลยุทธ์' } },
    ]);
    const link = { catalogId: 'bangkok-plan', itemId: '6.1' };
    // A project created in the same batch is a parent already.
    const projectId = crypto.randomUUID();
    const created = createRows(store, planId, [
      { entity: 'alignmentLink', parentId: issue!.id, values: link },
      { entity: 'alignmentLink', parentId: goal!.id, values: link },
      { entity: 'project', id: projectId, parentId: strategy!.id, values: { name: 'โครงการ' } },
      { entity: 'alignmentLink', parentId: projectId, values: link },
    ]);
    expect(created.filter((r) => r.entity === 'alignmentLink').map((r) => r.id)).toEqual(
      [issue!.id, goal!.id, projectId].map((id) => `${id}:bangkok-plan:6.1`),
    );
    for (const parentId of [kpi!.id, strategy!.id, null]) {
      expect(() => createRows(store, planId, [{ entity: 'alignmentLink', parentId, values: link }])).toThrow(
        /needs a live strategicIssue or goal or project/,
      );
    }
    expect(() => createRows(store, planId, [{ entity: 'vision', parentId: issue!.id, values: {} }])).toThrow(
      /vision has no parent/,
    );
    store.close();
  });

  it('keeps one vision per plan and one row per KPI target year and project budget year', async () => {
    const { store, planId } = await planStore();
    // The plan's options row has the plan id; the vision beside it must not collide with it.
    const [options, vision] = createRows(store, planId, [
      { entity: 'planOptions', values: {} },
      { entity: 'vision', values: { text: 'วิสัยทัศน์' } },
    ]);
    expect([options!.id, vision!.id]).toEqual([planId, `${planId}:vision`]);
    const [again] = createRows(store, planId, [{ entity: 'vision', values: { text: 'วิสัยทัศน์ใหม่' } }]);
    expect(again!.id).toBe(`${planId}:vision`);
    const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'ประเด็น' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'เป้า' } }]);
    const [kpi, strategy] = createRows(store, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละ', unit: 'ร้อยละ' } },
      { entity: 'strategy', parentId: goal!.id, values: { name: 'กลยุทธ์' } },
    ]);
    const [project] = createRows(store, planId, [
      { entity: 'project', parentId: strategy!.id, values: { name: 'โครงการ', kpiIds: [kpi!.id] } },
    ]);
    const [t1] = createRows(store, planId, [
      { entity: 'kpiTarget', parentId: kpi!.id, values: { year: 2567, target: 80 } },
    ]);
    const [t2] = createRows(store, planId, [
      { entity: 'kpiTarget', parentId: kpi!.id, values: { year: 2567, target: 85 } },
    ]);
    const [b1] = createRows(store, planId, [
      { entity: 'projectBudget', parentId: project!.id, values: { year: 2568, amount: 300000 } },
    ]);
    expect([t1!.id, t2!.id, b1!.id]).toEqual([`${kpi!.id}:2567`, `${kpi!.id}:2567`, `${project!.id}:2568`]);
    const rows = listRows(store, planId);
    expect(rows.filter((r) => r.entity === 'vision').map((r) => r.data.text)).toEqual(['วิสัยทัศน์ใหม่']);
    expect(rows.filter((r) => r.entity === 'kpiTarget').map((r) => r.data.target)).toEqual([85]);
    expect(() =>
      createRows(store, planId, [{ entity: 'projectBudget', parentId: kpi!.id, values: { year: 2568 } }]),
    ).toThrow(/needs a live project/);
    store.close();
  });

  it('deletes a goal with its KPIs and years as one action that undo brings back', async () => {
    const { store, planId } = await planStore();
    const [issue] = createRows(store, planId, [{ entity: 'prevIssue', values: { name: 'ประเด็นที่ 1' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'prevGoal', parentId: issue!.id, values: { name: 'เป้า' } }]);
    const [kpi] = createRows(store, planId, [{ entity: 'prevKpi', parentId: goal!.id, values: { name: 'ร้อยละ' } }]);
    createRows(store, planId, [
      { entity: 'prevKpiYear', parentId: kpi!.id, values: { year: 2563, target: 80, actual: 75 } },
      { entity: 'prevKpiYear', parentId: kpi!.id, values: { year: 2564, target: 85, actual: null } },
    ]);
    expect(listRows(store, planId)).toHaveLength(5);
    deleteRow(store, goal!.id);
    expect(listRows(store, planId).map((r) => r.entity)).toEqual(['prevIssue']);
    store.oplog.undoLast();
    expect(listRows(store, planId)).toHaveLength(5);
    store.close();
  });

  it('keeps one row per KPI and year, so entering a year again updates it', async () => {
    const { store, planId } = await planStore();
    const [issue] = createRows(store, planId, [{ entity: 'prevIssue', values: { name: 'ก' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'prevGoal', parentId: issue!.id, values: { name: 'ข' } }]);
    const [kpi] = createRows(store, planId, [{ entity: 'prevKpi', parentId: goal!.id, values: { name: 'ค' } }]);
    const [first] = createRows(store, planId, [
      { entity: 'prevKpiYear', parentId: kpi!.id, values: { year: 2563, target: 80 } },
    ]);
    const [again] = createRows(store, planId, [
      { entity: 'prevKpiYear', parentId: kpi!.id, values: { year: 2563, target: 80, actual: 90 } },
    ]);
    expect(again!.id).toBe(first!.id);
    expect(first!.id).toBe(`${kpi!.id}:2563`);
    expect(listRows(store, planId).filter((r) => r.entity === 'prevKpiYear')).toHaveLength(1);
    expect(again!.data).toMatchObject({ target: 80, actual: 90 });
    store.close();
  });

  it('creating a fixed-id row again writes only the given fields, keeping the others', async () => {
    const { store, planId } = await planStore();
    createRows(store, planId, [{ entity: 'planOptions', values: { ratingMax: 4 } }]);
    const [again] = createRows(store, planId, [{ entity: 'planOptions', values: { externalFramework: 'PESTEL' } }]);
    expect(again!.id).toBe(planId);
    expect(again!.data).toMatchObject({ ratingMax: 4, externalFramework: 'PESTEL' });
    store.close();
  });

  it('orders siblings, inserts between and moves without renumbering others', async () => {
    const { store, planId } = await planStore();
    const [a, b, c] = createRows(store, planId, [
      { entity: 'factor', values: { statement: 'ก' } },
      { entity: 'factor', values: { statement: 'ข' } },
      { entity: 'factor', values: { statement: 'ค' } },
    ]);
    createRows(store, planId, [{ entity: 'factor', after: a!.id, values: { statement: 'ก1' } }]);
    expect(texts(store, planId, 'factor')).toEqual(['ก', 'ก1', 'ข', 'ค']);
    const before = [a, b].map((r) => listRows(store, planId).find((x) => x.id === r!.id)!.position);
    moveRow(store, c!.id, null);
    expect(texts(store, planId, 'factor')).toEqual(['ค', 'ก', 'ก1', 'ข']);
    expect([a, b].map((r) => listRows(store, planId).find((x) => x.id === r!.id)!.position)).toEqual(before);
    store.close();
  });

  it("keeps a member's post apart from the row's place among its siblings", async () => {
    const { store, planId } = await planStore();
    const [chair, secretary] = createRows(store, planId, [
      { entity: 'member', values: { name: 'นางวัลยา วัฒนรัตน์', jobTitle: 'รองปลัดกรุงเทพมหานคร', role: 'chair' } },
      { entity: 'member', values: { name: 'เลขานุการ', jobTitle: 'นักวิเคราะห์นโยบายและแผน', role: 'secretary' } },
    ]);
    expect(chair!.position < secretary!.position).toBe(true);
    expect(chair!.data.jobTitle).toBe('รองปลัดกรุงเทพมหานคร');
    store.close();
  });

  it('creates a pasted block as one undoable action', async () => {
    const { store, planId } = await planStore();
    const rows = Array.from({ length: 200 }, (_, n) => ({
      entity: 'factor' as const,
      values: { statement: `ปัจจัยที่ ${n + 1}`, swot: 'O' as const },
    }));
    expect(createRows(store, planId, rows)).toHaveLength(200);
    expect(texts(store, planId, 'factor').slice(0, 3)).toEqual(['ปัจจัยที่ 1', 'ปัจจัยที่ 2', 'ปัจจัยที่ 3']);
    store.oplog.undoLast();
    expect(listRows(store, planId)).toEqual([]);
    store.close();
  });

  it('refuses an operation that names another kind of row', async () => {
    const { store, planId } = await planStore();
    const [member] = createRows(store, planId, [{ entity: 'member', values: { name: 'นางวัลยา วัฒนรัตน์' } }]);
    expect(() =>
      store.oplog.apply('x', planId, [{ entity: 'factor', rowId: member!.id, field: 'statement', value: 'x' }]),
    ).toThrow(/is a member/);
    store.close();
  });

  it('keeps rows across a restart, arrays and nulls intact', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const planId = createPlan(store, bmaDraft).id;
    const [m1, m2] = createRows(store, planId, [
      { entity: 'member', values: { name: 'ประธาน', role: 'chair' } },
      { entity: 'member', values: { name: 'เลขานุการ', role: 'secretary' } },
    ]);
    createRows(store, planId, [
      { entity: 'workshop', values: { date: '2021-09-13', mode: 'teleconference', attendeeIds: [m1!.id, m2!.id] } },
    ]);
    store.close();
    const again = await openStore(dir);
    const workshop = listRows(again, planId).find((r) => r.entity === 'workshop')!;
    expect(workshop.data).toMatchObject({ date: '2021-09-13', mode: 'teleconference', attendeeIds: [m1!.id, m2!.id] });
    again.close();
  });
});
