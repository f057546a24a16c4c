import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyActions } from '../../main/core/rowHistory.ts';
import { adoptedTargetsIn, needsRevision, unrevisedChanges, type RevisionRecord } from '../../main/core/revision.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { createPlan } from '../../main/services/plans.ts';
import { rowHistory } from '../../main/services/rowHistory.ts';
import {
  createRows,
  deleteRow,
  getRow,
  listRows,
  redoAction,
  reviseRow,
  undoAction,
  updateRow,
} from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import { SECRETARIAT, dump, exportText, importTexts, office, openReplica } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/** Frozen targets after adoption (core/revision.ts): a change is a revision with a reason, here and in packages. */

const tempDir = useTempDir();

describe('the frozen-target rule, on worked examples', () => {
  const change = (field: string, before: unknown, after: unknown, entity = 'kpiTarget') => ({
    entity,
    rowId: 'k1:2568',
    field,
    before,
    after,
  });
  const revision = (over: Partial<RevisionRecord> = {}): RevisionRecord => ({
    parentId: 'k1:2568',
    field: 'target',
    from: 40,
    to: 45,
    reason: 'งบประมาณได้รับจัดสรรเพิ่ม',
    withdrawn: false,
    ...over,
  });

  it('leaves a draft plan free, and an adopted one free to fill what was left empty', () => {
    expect(needsRevision(false, change('target', 40, 45))).toBe(false);
    expect(needsRevision(true, change('target', null, 45))).toBe(false);
    expect(needsRevision(true, change('unit', '', 'คน', 'kpi'))).toBe(false);
    expect(needsRevision(true, change('resultMode', null, 'per-quarter', 'kpi'))).toBe(false);
  });

  it('freezes a set target, period target, baseline, unit, direction, result mode and a budget', () => {
    expect(needsRevision(true, change('target', 40, 45))).toBe(true);
    expect(needsRevision(true, change('target', 40, null))).toBe(true);
    for (const [field, before, after] of [
      ['periodTarget', 200, 180],
      ['baselineValue', 72.5, 70],
      ['baselineYear', 2565, 2564],
      ['unit', 'คน', 'ครั้ง'],
      ['direction', 'higher', 'lower'],
      ['resultMode', 'latest', 'cumulative'],
    ] as const) {
      expect(needsRevision(true, change(field, before, after, 'kpi')), field).toBe(true);
    }
    expect(needsRevision(true, change('amount', 500000, 450000, 'projectBudget'))).toBe(true);
    // What a KPI is called, who answers for it, and the quarters' results are not targets.
    expect(needsRevision(true, change('name', 'ก', 'ข', 'kpi'))).toBe(false);
    expect(needsRevision(true, change('result', 8, 9, 'kpiQuarter'))).toBe(false);
    expect(needsRevision(true, change('target', 40, 40))).toBe(false);
  });

  it('accepts a change that a revision of the same action records with its reason, and the undo of one', () => {
    const c = change('target', 40, 45);
    expect(unrevisedChanges(true, [c], [revision()])).toEqual([]);
    expect(unrevisedChanges(true, [c], [revision({ reason: ' ' })])).toEqual([c]);
    expect(unrevisedChanges(true, [c], [revision({ to: 50 })])).toEqual([c]);
    expect(unrevisedChanges(true, [c], [revision({ parentId: 'k2:2568' })])).toEqual([c]);
    expect(unrevisedChanges(true, [c], [revision({ field: 'periodTarget' })])).toEqual([c]);
    // Undo: the revision is withdrawn and the value it replaced comes back.
    const back = change('target', 45, 40);
    expect(unrevisedChanges(true, [back], [revision({ withdrawn: true })])).toEqual([]);
    expect(unrevisedChanges(true, [change('target', 45, 30)], [revision({ withdrawn: true })])).toHaveLength(1);
  });

  it('lets the undo of an action taken since adoption empty what it filled in, and only that', () => {
    const emptied = change('target', 45, null);
    expect(unrevisedChanges(true, [emptied], [])).toEqual([emptied]);
    expect(unrevisedChanges(true, [emptied], [], true)).toEqual([]);
    // Any other value still needs its revision, undo or not.
    expect(unrevisedChanges(true, [change('target', 45, 40)], [], true)).toHaveLength(1);
    // The rows it created go with their targets; a row it did not create keeps the delete refused.
    const rows = [
      { id: 'made', entity: 'kpiTarget', data: { target: 12 } },
      { id: 'other', entity: 'kpiTarget', data: { target: 30 } },
    ];
    expect(adoptedTargetsIn(true, rows).map((r) => r.id)).toEqual(['made', 'other']);
    expect(adoptedTargetsIn(true, rows, new Set(['made'])).map((r) => r.id)).toEqual(['other']);
  });
});

/** A 2566–2570 plan adopted on 20 Sep 2024 with a KPI (target 40 people in 2568) and a project's 2568 budget. */
function adoptedPlan(store: Store) {
  const planId = createPlan(store, bmaDraft).id;
  const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสารเชิงรุก' } }]);
  const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } }]);
  const [kpi, strategy] = createRows(store, planId, [
    { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนผู้เข้าร่วมเวทีชุมชน', unit: 'คน' } },
    { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อชุมชน' } },
  ]);
  const [target] = createRows(store, planId, [
    { entity: 'kpiTarget', parentId: kpi!.id, values: { year: 2568, target: 40 } },
  ]);
  const [project] = createRows(store, planId, [
    { entity: 'project', parentId: strategy!.id, values: { name: 'ข่าวสารถึงบ้าน', startYear: 2567, endYear: 2569 } },
  ]);
  const [budget] = createRows(store, planId, [
    { entity: 'projectBudget', parentId: project!.id, values: { year: 2568, amount: 500000 } },
  ]);
  createRows(store, planId, [{ entity: 'planOptions', values: { adoptedOn: '2024-09-20' } }]);
  return { planId, kpi: kpi!, target: target!, project: project!, budget: budget! };
}

const opCount = (store: Store) => store.db.prepare('SELECT count(*) FROM ops').pluck().get();
const reason = 'ได้รับจัดสรรงบประมาณลดลงตามมติสภากรุงเทพมหานคร';

describe('frozen targets on this computer', () => {
  it('refuses a plain edit of an adopted target, baseline or budget, writing nothing', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { kpi, target, budget } = adoptedPlan(store);
    const before = opCount(store);
    expect(() => updateRow(store, target.id, [{ field: 'target', value: 45 }])).toThrow(/monitoring\.revision\.frozen/);
    expect(() => updateRow(store, kpi.id, [{ field: 'unit', value: 'ครั้ง' }])).toThrow(/frozen/);
    expect(() => updateRow(store, budget.id, [{ field: 'amount', value: 1 }])).toThrow(/frozen/);
    // Creating the year's row again with another target is the same change.
    expect(() =>
      createRows(store, target.planId, [{ entity: 'kpiTarget', parentId: kpi.id, values: { year: 2568, target: 45 } }]),
    ).toThrow(/frozen/);
    expect(opCount(store)).toBe(before);
    // Filling an empty year and editing what is not a target still work.
    createRows(store, target.planId, [{ entity: 'kpiTarget', parentId: kpi.id, values: { year: 2569, target: 50 } }]);
    expect(updateRow(store, kpi.id, [{ field: 'name', value: 'จำนวนผู้เข้าร่วมเวทีประชาคม' }]).data.name).toBe(
      'จำนวนผู้เข้าร่วมเวทีประชาคม',
    );
    store.close();
  });

  it('writes a revision with its reason and the change as one action, shown in the row history, undone as one', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, budget } = adoptedPlan(store);
    expect(() =>
      reviseRow(store, budget.id, { field: 'amount', value: 450000, reason: ' ', revisedOn: '2025-01-15' }),
    ).toThrow(/reasonRequired/);
    expect(() => reviseRow(store, budget.id, { field: 'amount', value: -5, reason, revisedOn: '2025-01-15' })).toThrow(
      /strategies\.negative/,
    );
    expect(() =>
      reviseRow(store, budget.id, { field: 'amount', value: 500000, reason, revisedOn: '2025-01-15' }),
    ).toThrow(/unchanged/);
    const [revised] = reviseRow(store, budget.id, { field: 'amount', value: 450000, reason, revisedOn: '2025-01-15' });
    expect(revised.data.amount).toBe(450000);
    const [revision] = listRows(store, planId).filter((r) => r.entity === 'revision');
    expect(revision).toMatchObject({
      parentId: budget.id,
      data: { field: 'amount', from: 500000, to: 450000, reason, revisedOn: '2025-01-15' },
    });
    const [action] = historyActions('projectBudget', rowHistory(store, budget.id));
    expect(action).toMatchObject({
      kind: 'revised',
      reason,
      changes: [{ field: 'amount', previous: 500000, value: 450000 }],
    });
    expect(rowHistory(store, budget.id)[0]!.group).toBe(rowHistory(store, revision!.id)[0]!.group);

    undoAction(store, planId);
    expect(getRow(store, budget.id).data.amount).toBe(500000);
    expect(listRows(store, planId).filter((r) => r.entity === 'revision')).toEqual([]);
    store.close();
  });
});

describe('deletes after adoption', () => {
  it('keeps a KPI or project with adopted targets or budgets, and what is above it, writing nothing; a KPI still without one goes', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, kpi, project, budget } = adoptedPlan(store);
    const before = opCount(store);
    for (const id of [kpi.id, kpi.parentId!, project.id, project.parentId!, budget.id]) {
      expect(() => deleteRow(store, id), id).toThrow(/monitoring\.revision\.deleteRefused/);
    }
    expect(opCount(store)).toBe(before);
    // A KPI added since adoption and not yet given a target is a draft of the plan.
    const [added] = createRows(store, planId, [
      { entity: 'kpi', parentId: kpi.parentId, values: { name: 'จำนวนเวทีประชาคม', unit: 'ครั้ง' } },
    ]);
    deleteRow(store, added!.id);
    expect(listRows(store, planId).some((r) => r.id === added!.id)).toBe(false);
    // Given up instead: reported as cancelled in its quarter, its target still the adopted one.
    createRows(store, planId, [
      {
        entity: 'kpiQuarter',
        parentId: kpi.id,
        values: { year: 2568, quarter: 2, status: 'cancelled', narrative: 'ยุบรวมกับตัวชี้วัดการรับรู้ข่าวสาร' },
      },
    ]);
    expect(
      adoptedTargetsIn(true, listRows(store, planId))
        .map((r) => r.entity)
        .sort(),
    ).toEqual(['kpiTarget', 'projectBudget']);
    store.close();
  });

  it('leaves a plan not yet adopted free to delete', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, kpi } = adoptedPlan(store);
    updateRow(store, planId, [{ field: 'adoptedOn', value: null }]);
    deleteRow(store, kpi.parentId!);
    expect(listRows(store, planId).filter((r) => r.entity === 'kpi' || r.entity === 'kpiTarget')).toEqual([]);
    store.close();
  });
});

describe('undo and redo after adoption', () => {
  it('undoes a target given since adoption and the KPI added since, back to the plan as adopted, and redoes them', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, kpi } = adoptedPlan(store);
    const live = () => listRows(store, planId).map((r) => ({ id: r.id, parentId: r.parentId, data: r.data }));
    const adopted = live();
    // A KPI added since adoption, then its first target: filling it needs no revision, nor does taking it back.
    const [added] = createRows(store, planId, [
      { entity: 'kpi', parentId: kpi.parentId, values: { name: 'จำนวนเวทีประชาคม', unit: 'ครั้ง' } },
    ]);
    const [year] = createRows(store, planId, [
      { entity: 'kpiTarget', parentId: added!.id, values: { year: 2568, target: 12 } },
    ]);
    const filled = live();
    expect(undoAction(store, planId).label).toBe('create:kpiTarget');
    expect(listRows(store, planId).some((r) => r.id === year!.id)).toBe(false);
    expect(undoAction(store, planId).label).toBe('create:kpi');
    expect(listRows(store, planId).some((r) => r.id === added!.id)).toBe(false);
    expect(live()).toEqual(adopted);
    // Redo brings both back as they were; a direct delete of the KPI is still refused, its target adopted now.
    redoAction(store, planId);
    redoAction(store, planId);
    expect(live()).toEqual(filled);
    expect(() => deleteRow(store, added!.id)).toThrow(/monitoring\.revision\.deleteRefused/);
    store.close();
  });

  it('undoes the paste of a KPI with its period target after adoption', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, kpi } = adoptedPlan(store);
    const [pasted] = createRows(store, planId, [
      { entity: 'kpi', parentId: kpi.parentId, values: { name: 'จำนวนเวทีประชาคม', unit: 'ครั้ง', periodTarget: 60 } },
    ]);
    expect(undoAction(store, planId).label).toBe('create:kpi');
    expect(listRows(store, planId).some((r) => r.id === pasted!.id)).toBe(false);
    store.close();
  });

  it('undoes a frozen value filled since adoption back to empty, though clearing it by hand is refused', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, kpi } = adoptedPlan(store);
    updateRow(store, kpi.id, [{ field: 'baselineValue', value: 35 }]);
    expect(() => updateRow(store, kpi.id, [{ field: 'baselineValue', value: null }])).toThrow(/frozen/);
    expect(undoAction(store, planId).label).toBe('edit:kpi');
    expect(getRow(store, kpi.id).data.baselineValue).toBeNull();
    // Filled again, it is frozen again: a plain edit still needs a revision.
    redoAction(store, planId);
    expect(getRow(store, kpi.id).data.baselineValue).toBe(35);
    expect(() => updateRow(store, kpi.id, [{ field: 'baselineValue', value: 36 }])).toThrow(/frozen/);
    store.close();
  });

  it('undoes and redoes a revision, which withdraws and brings back its record with the value', async () => {
    const store = await openReplica(tempDir(), SECRETARIAT);
    const { planId, target } = adoptedPlan(store);
    reviseRow(store, target.id, { field: 'target', value: 45, reason, revisedOn: '2025-01-15' });
    undoAction(store, planId);
    expect(getRow(store, target.id).data.target).toBe(40);
    redoAction(store, planId);
    expect(getRow(store, target.id).data.target).toBe(45);
    expect(
      listRows(store, planId)
        .filter((r) => r.entity === 'revision')
        .map((r) => r.data.to),
    ).toEqual([45]);
    store.close();
  });

  it('refuses to undo an edit of a target, or redo a change of unit, made before the secretariat’s adoption arrived', async () => {
    const secretariat = await openReplica(tempDir(), SECRETARIAT);
    const plan = adoptedPlan(secretariat);
    updateRow(secretariat, plan.planId, [{ field: 'adoptedOn', value: null }]);
    savePlanExchange(secretariat.db, {
      ...getPlanExchange(secretariat.db, plan.planId),
      assignments: [
        { officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [plan.kpi.id], projectIds: [] },
      ],
    });
    const district = await openReplica(tempDir(), office('1001', 'สำนักงานเขตพระนคร'));
    importTexts(district, [exportText(secretariat, plan.planId)]);
    updateRow(district, plan.kpi.id, [{ field: 'name', value: 'จำนวนผู้เข้าร่วมเวทีชุมชนระดับเขต' }]);
    updateRow(district, plan.target.id, [{ field: 'target', value: 45 }]);
    // And a unit changed and undone, left to redo.
    updateRow(district, plan.kpi.id, [{ field: 'unit', value: 'ครั้ง' }]);
    undoAction(district, plan.planId);
    updateRow(secretariat, plan.planId, [{ field: 'adoptedOn', value: '2024-09-20' }]);
    importTexts(district, [exportText(secretariat, plan.planId)]);
    expect(getRow(district, plan.planId).data.adoptedOn).toBe('2024-09-20');
    const before = dump(district);
    // Refused, saying why and that it is passed over; nothing of the plan is written.
    expect(() => undoAction(district, plan.planId)).toThrow(
      expect.objectContaining({
        fields: { target: 'monitoring.revision.frozen', undo: 'monitoring.revision.undoPassed' },
      }),
    );
    expect(() => redoAction(district, plan.planId)).toThrow(/"unit":"monitoring\.revision\.frozen"/);
    expect(dump(district).rows).toEqual(before.rows);
    expect(dump(district).ops).toEqual(before.ops);
    expect(getRow(district, plan.target.id).data.target).toBe(45);
    expect(getRow(district, plan.kpi.id).data.unit).toBe('คน');
    // The next Ctrl+Z undoes the action before the refused one, not the refused one again.
    expect(undoAction(district, plan.planId).label).toBe('edit:kpi');
    expect(getRow(district, plan.kpi.id).data.name).toBe('จำนวนผู้เข้าร่วมเวทีชุมชน');
    expect(getRow(district, plan.target.id).data.target).toBe(45);
    secretariat.close();
    district.close();
  });
  it('refuses to undo a target created before the secretariat’s adoption arrived, as its delete is refused', async () => {
    const secretariat = await openReplica(tempDir(), SECRETARIAT);
    const plan = adoptedPlan(secretariat);
    updateRow(secretariat, plan.planId, [{ field: 'adoptedOn', value: null }]);
    const district = await openReplica(tempDir(), office('1001', 'สำนักงานเขตพระนคร'));
    importTexts(district, [exportText(secretariat, plan.planId)]);
    const [kpi] = createRows(district, plan.planId, [
      { entity: 'kpi', parentId: plan.kpi.parentId, values: { name: 'จำนวนเวทีประชาคม', unit: 'ครั้ง' } },
    ]);
    createRows(district, plan.planId, [{ entity: 'kpiTarget', parentId: kpi!.id, values: { year: 2568, target: 12 } }]);
    updateRow(secretariat, plan.planId, [{ field: 'adoptedOn', value: '2024-09-20' }]);
    importTexts(district, [exportText(secretariat, plan.planId)]);
    const before = dump(district);
    expect(() => undoAction(district, plan.planId)).toThrow(/monitoring\.revision\.deleteRefused/);
    // Passed over, the KPI's creation is next: refused too, as the delete of a KPI holding an adopted target.
    expect(() => undoAction(district, plan.planId)).toThrow(/monitoring\.revision\.deleteRefused/);
    expect(() => undoAction(district, plan.planId)).toThrow(expect.objectContaining({ code: 'nothing-to-undo' }));
    expect(dump(district).rows).toEqual(before.rows);
    expect(dump(district).ops).toEqual(before.ops);
    expect(
      listRows(district, plan.planId)
        .filter((r) => r.parentId === kpi!.id)
        .map((r) => r.data.target),
    ).toEqual([12]);
    secretariat.close();
    district.close();
  });
});

describe('frozen targets in packages', () => {
  let secretariat: Store;
  let district: Store;
  let plan: ReturnType<typeof adoptedPlan>;

  beforeEach(async () => {
    secretariat = await openReplica(tempDir(), SECRETARIAT);
    plan = adoptedPlan(secretariat);
    savePlanExchange(secretariat.db, {
      ...getPlanExchange(secretariat.db, plan.planId),
      assignments: [
        { officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [plan.kpi.id], projectIds: [] },
      ],
    });
    district = await openReplica(tempDir(), office('1001', 'สำนักงานเขตพระนคร'));
    importTexts(district, [exportText(secretariat, plan.planId)]);
  });

  afterEach(() => {
    secretariat.close();
    district.close();
  });

  it('carries an office’s revision to the secretariat, which shows the new target and its reason', () => {
    reviseRow(district, plan.target.id, { field: 'target', value: 35, reason, revisedOn: '2025-02-01' });
    const report = importTexts(secretariat, [exportText(district, plan.planId)]);
    expect(report.packages.map((p) => p.status)).toEqual(['imported']);
    expect(getRow(secretariat, plan.target.id).data.target).toBe(35);
    const revisions = listRows(secretariat, plan.planId).filter((r) => r.entity === 'revision');
    expect(revisions.map((r) => [r.parentId, r.data.from, r.data.to, r.data.reason])).toEqual([
      [plan.target.id, 40, 35, reason],
    ]);
  });

  it('refuses a package that changes an adopted target without a revision (an older or altered Phaen), writing nothing', () => {
    // What an installation that does not know the rule would write: a plain edit of the target.
    district.oplog.apply('edit:kpiTarget', plan.planId, [
      { entity: 'kpiTarget', rowId: plan.target.id, field: 'target', value: 20 },
    ]);
    const before = dump(secretariat);
    const report = importTexts(secretariat, [exportText(district, plan.planId)]);
    expect(report.packages.map((p) => [p.status, p.reason, p.operation?.field])).toEqual([
      ['rejected', 'unrevised-change', 'target'],
    ]);
    expect(dump(secretariat)).toEqual(before);
  });

  it('refuses a package that deletes an adopted KPI with its targets (an older or altered Phaen), writing nothing', () => {
    // What an installation that does not know the rule would write: the delete of the KPI and its year.
    district.oplog.apply('delete:kpi', plan.planId, [
      { entity: 'kpi', rowId: plan.kpi.id, field: 'deleted', value: true },
      { entity: 'kpiTarget', rowId: plan.target.id, field: 'deleted', value: true },
    ]);
    const before = dump(secretariat);
    const report = importTexts(secretariat, [exportText(district, plan.planId)]);
    expect(report.packages.map((p) => [p.status, p.reason, p.operation?.rowId])).toEqual([
      ['rejected', 'unrevised-change', plan.target.id],
    ]);
    expect(dump(secretariat)).toEqual(before);
  });

  it('accepts an office’s revision undone again: the adopted target comes back', () => {
    reviseRow(district, plan.target.id, { field: 'target', value: 35, reason, revisedOn: '2025-02-01' });
    importTexts(secretariat, [exportText(district, plan.planId)]);
    undoAction(district, plan.planId);
    const report = importTexts(secretariat, [exportText(district, plan.planId)]);
    expect(report.packages.map((p) => p.status)).toEqual(['imported']);
    expect(getRow(secretariat, plan.target.id).data.target).toBe(40);
    expect(listRows(secretariat, plan.planId).filter((r) => r.entity === 'revision')).toEqual([]);
  });
});
