import { describe, expect, it } from 'vitest';
import { listRows, createRows, undoAction, updateRow } from '../../main/services/rows.ts';
import { createPlan, getPlan, updatePlan } from '../../main/services/plans.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { budgetSummary } from '../../main/core/planContent.ts';
import { fieldProblem, type ValidityContext } from '../../main/core/validity.ts';
import type { Store } from '../../main/services/store/store.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

async function planStore(): Promise<{ store: Store; planId: string }> {
  const store = await openStore(tempDir());
  return { store, planId: createPlan(store, bmaDraft).id };
}

const opCount = (store: Store) => store.db.prepare('SELECT count(*) FROM ops').pluck().get();

/** The plan's goal tree down to a KPI counted in ร้อยละ and a project run in 2567–2568. */
function tree(store: Store, planId: string) {
  const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสารเชิงรุก' } }]);
  const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } }]);
  const [kpi] = createRows(store, planId, [
    { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละของประชาชนที่รับรู้ข่าวสาร', unit: 'ร้อยละ' } },
  ]);
  const [strategy] = createRows(store, planId, [
    { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อออนไลน์' } },
  ]);
  const [project] = createRows(store, planId, [
    { entity: 'project', parentId: strategy!.id, values: { name: 'ข่าวสารถึงบ้าน', startYear: 2567, endYear: 2568 } },
  ]);
  return { kpi: kpi!, project: project! };
}

describe('one validity rule set, refused by the row service as the screens flag it', () => {
  it('refuses a rating outside the plan’s scale and accepts it once the scale includes it', async () => {
    const { store, planId } = await planStore();
    const [factor] = createRows(store, planId, [{ entity: 'factor', values: { statement: 'บุคลากรน้อย', swot: 'W' } }]);
    const before = opCount(store);
    expect(() => updateRow(store, factor!.id, [{ field: 'rating', value: 6 }])).toThrow(/ratingRange/);
    expect(opCount(store)).toBe(before);
    createRows(store, planId, [{ entity: 'planOptions', values: { ratingMax: 7 } }]);
    expect(updateRow(store, factor!.id, [{ field: 'rating', value: 6 }]).data.rating).toBe(6);
    store.close();
  });

  it('refuses a negative budget and one for a year outside the plan or the project, so no total counts it', async () => {
    const { store, planId } = await planStore();
    const { project } = tree(store, planId);
    const budget = (year: number, amount: number) =>
      createRows(store, planId, [{ entity: 'projectBudget', parentId: project.id, values: { year, amount } }]);
    const [b2567] = budget(2567, 300_000);
    const before = opCount(store);
    expect(() => budget(2568, -500)).toThrow(/strategies\.negative/);
    expect(() => budget(2566, 1_000)).toThrow(/budgetOutsideProject/);
    expect(() => budget(2575, 1_000)).toThrow(/yearOutsidePlan/);
    expect(() => updateRow(store, b2567!.id, [{ field: 'amount', value: -500 }])).toThrow(/strategies\.negative/);
    expect(opCount(store)).toBe(before);
    expect(budgetSummary(listRows(store, planId), bmaDraft).total).toBe(300_000);
    store.close();
  });

  it('refuses a ร้อยละ target over 100 and a target year outside the plan, for a new and an existing year', async () => {
    const { store, planId } = await planStore();
    const { kpi } = tree(store, planId);
    const target = (year: number, value: number) =>
      createRows(store, planId, [{ entity: 'kpiTarget', parentId: kpi.id, values: { year, target: value } }]);
    const [t2566] = target(2566, 80);
    expect(() => target(2567, 150)).toThrow(/notInUnit\.percent/);
    expect(() => updateRow(store, t2566!.id, [{ field: 'target', value: 150 }])).toThrow(/notInUnit\.percent/);
    expect(() => target(2571, 90)).toThrow(/yearOutsidePlan/);
    expect(() => updateRow(store, kpi.id, [{ field: 'periodTarget', value: 101 }])).toThrow(/notInUnit\.percent/);
    expect(
      listRows(store, planId)
        .filter((r) => r.entity === 'kpiTarget')
        .map((r) => r.data.target),
    ).toEqual([80]);
    store.close();
  });

  it('refuses project years outside the plan and an end before the start', async () => {
    const { store, planId } = await planStore();
    const { project } = tree(store, planId);
    expect(() => updateRow(store, project.id, [{ field: 'endYear', value: 2575 }])).toThrow(/yearOutside/);
    expect(() => updateRow(store, project.id, [{ field: 'endYear', value: 2566 }])).toThrow(/endBeforeStart/);
    expect(
      updateRow(store, project.id, [
        { field: 'startYear', value: 2566 },
        { field: 'endYear', value: 2566 },
      ]).data,
    ).toMatchObject({ startYear: 2566, endYear: 2566 });
    store.close();
  });

  it('refuses a previous-plan year outside the previous period', async () => {
    const { store, planId } = await planStore();
    const [issue] = createRows(store, planId, [{ entity: 'prevIssue', values: { name: 'ประเด็นเดิม' } }]);
    const [goal] = createRows(store, planId, [{ entity: 'prevGoal', parentId: issue!.id, values: { name: 'เป้าเดิม' } }]);
    const [kpi] = createRows(store, planId, [{ entity: 'prevKpi', parentId: goal!.id, values: { name: 'ตัวชี้วัดเดิม' } }]);
    const year = (y: number) =>
      createRows(store, planId, [{ entity: 'prevKpiYear', parentId: kpi!.id, values: { year: y, actual: 5 } }]);
    expect(year(2563)[0]!.data.actual).toBe(5);
    expect(() => year(2566)).toThrow(/yearOutsidePrevious/);
    store.close();
  });
});

describe('a shorter plan or project takes the years it no longer has with it, in one undoable action', () => {
  const yearly = (store: Store, planId: string) =>
    listRows(store, planId)
      .filter((r) => r.entity === 'kpiTarget' || r.entity === 'projectBudget')
      .map((r) => `${r.entity} ${String(r.data.year)}`)
      .sort();

  async function plan2566to2570() {
    const { store, planId } = await planStore();
    const { kpi, project } = tree(store, planId);
    updateRow(store, project.id, [{ field: 'endYear', value: 2570 }]);
    createRows(store, planId, [
      { entity: 'kpiTarget', parentId: kpi.id, values: { year: 2568, target: 70 } },
      { entity: 'kpiTarget', parentId: kpi.id, values: { year: 2570, target: 80 } },
      { entity: 'projectBudget', parentId: project.id, values: { year: 2568, amount: 100_000 } },
      { entity: 'projectBudget', parentId: project.id, values: { year: 2570, amount: 200_000 } },
    ]);
    return { store, planId, kpi, project };
  }

  it('a plan shortened to 2566–2568 drops its 2570 target and budget, says which, and one undo brings them back', async () => {
    const { store, planId } = await plan2566to2570();
    const update = updatePlan(store, planId, [{ field: 'endYear', value: 2568 }]);
    expect(update.dropped.map((r) => `${r.entity} ${String(r.data.year)}`).sort()).toEqual([
      'kpiTarget 2570',
      'projectBudget 2570',
    ]);
    expect(yearly(store, planId)).toEqual(['kpiTarget 2568', 'projectBudget 2568']);
    undoAction(store, planId);
    expect(getPlan(store, planId).endYear).toBe(2570);
    expect(yearly(store, planId)).toEqual([
      'kpiTarget 2568',
      'kpiTarget 2570',
      'projectBudget 2568',
      'projectBudget 2570',
    ]);
    store.close();
  });

  it('the shortened plan’s own file reads back (it was refused for a target outside its years)', async () => {
    const { store, planId } = await plan2566to2570();
    updatePlan(store, planId, [{ field: 'endYear', value: 2568 }]);
    const text = serialisePlanFile(exportPlanFile(getPlan(store, planId), listRows(store, planId)));
    const other = await openStore(tempDir());
    const { plan } = importPlanFile(other, parsePlanFile(text));
    expect(yearly(other, plan.id)).toEqual(['kpiTarget 2568', 'projectBudget 2568']);
    // The project ran 2567–2570: it now ends with the plan.
    const project = listRows(other, plan.id).find((r) => r.entity === 'project')!;
    expect(project.data).toMatchObject({ startYear: 2567, endYear: 2568 });
    other.close();
    store.close();
  });

  it('a project shortened to 2567–2568 drops its 2570 budget; in an adopted plan the change is refused, writing nothing', async () => {
    const { store, planId, project } = await plan2566to2570();
    updateRow(store, project.id, [{ field: 'endYear', value: 2568 }]);
    expect(yearly(store, planId)).toEqual(['kpiTarget 2568', 'kpiTarget 2570', 'projectBudget 2568']);
    undoAction(store, planId);
    createRows(store, planId, [{ entity: 'planOptions', values: { adoptedOn: '2024-09-20' } }]);
    const before = opCount(store);
    expect(() => updateRow(store, project.id, [{ field: 'endYear', value: 2568 }])).toThrow(/periodRefused/);
    expect(() => updatePlan(store, planId, [{ field: 'endYear', value: 2568 }])).toThrow(/periodRefused/);
    expect(opCount(store)).toBe(before);
    // New years that leave out no adopted target are the plan's to choose, adopted or not.
    expect(updatePlan(store, planId, [{ field: 'startYear', value: 2567 }]).dropped).toEqual([]);
    store.close();
  });
});

describe('fieldProblem, the rule the input fields ask', () => {
  const ctx: ValidityContext = {
    plan: { startYear: 2566, endYear: 2570, prevStartYear: 2563, prevEndYear: 2565 },
    scale: { ratingMin: 1, ratingMax: 5, weightsMustSum: true },
    parent: { unit: 'คน', startYear: null, endYear: null },
    row: { year: 2566 },
    siblings: () => [{ code: '1001', name: 'สำนักงานเขตพระนคร' }],
  };

  it('gives the schema’s message first, then the plan’s rules, and nothing for an empty value', () => {
    expect(fieldProblem('prevKpi', 'weight', 1.5, ctx)).toBe('validation.weightRange');
    expect(fieldProblem('kpiTarget', 'target', 2.5, ctx)).toBe('goals.notInUnit.count');
    expect(fieldProblem('kpiTarget', 'target', 25, ctx)).toBeUndefined();
    expect(fieldProblem('kpiTarget', 'target', null, ctx)).toBeUndefined();
    expect(fieldProblem('factor', 'rating', 0, ctx)).toBe('swot.weights.ratingRange');
    expect(fieldProblem('projectBudget', 'amount', 0, ctx)).toBeUndefined();
  });

  it("takes an office code by the exchange's rule, unique among the plan's offices whatever the case", () => {
    expect(fieldProblem('office', 'code', 'A B!', ctx)).toBe('exchange.identity.codeInvalid');
    expect(fieldProblem('office', 'code', ' 1001 ', ctx)).toBe('workspace.officeCodeTaken');
    expect(fieldProblem('office', 'code', '1002', ctx)).toBeUndefined();
    expect(fieldProblem('office', 'code', 'สปส', ctx)).toBeUndefined();
    expect(fieldProblem('office', 'code', '', ctx)).toBeUndefined();
  });
});

describe('office codes in the set-up', () => {
  it('are refused by the row service when malformed or taken, and nothing is written', async () => {
    const { store, planId } = await planStore();
    const [office] = createRows(store, planId, [{ entity: 'office', values: { code: 'pr01', name: 'ฝ่ายประชาสัมพันธ์' } }]);
    const before = opCount(store);
    expect(() => createRows(store, planId, [{ entity: 'office', values: { code: 'PR01', name: 'อื่น' } }])).toThrow(
      /officeCodeTaken/,
    );
    const [other] = createRows(store, planId, [{ entity: 'office', values: { code: '1001', name: 'เขตพระนคร' } }]);
    expect(() => updateRow(store, other!.id, [{ field: 'code', value: 'A B!' }])).toThrow(/codeInvalid/);
    expect(() => updateRow(store, other!.id, [{ field: 'code', value: 'Pr01' }])).toThrow(/officeCodeTaken/);
    // The office keeps its own code when its name changes.
    expect(updateRow(store, office!.id, [{ field: 'name', value: 'ฝ่ายประชาสัมพันธ์ สำนักงานเขต' }]).data.code).toBe('pr01');
    expect(
      listRows(store, planId)
        .filter((r) => r.entity === 'office')
        .map((r) => r.data.code),
    ).toEqual(['pr01', '1001']);
    expect(opCount(store)).toBeGreaterThan(before as number);
    store.close();
  });
});
