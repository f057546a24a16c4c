import { describe, expect, it } from 'vitest';
import {
  COMPLETENESS_RULES,
  budgetSummary,
  budgetSummariesBy,
  completeness,
  completenessMessageKey,
  numbering,
  targetFitsUnit,
  unitKind,
  type CompletenessRule,
} from '../../main/core/planContent.ts';
import { ROW_DEFAULTS, type Row, type RowEntity } from '../../main/core/rows.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, deleteRow, listRows, moveRow } from '../../main/services/rows.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const PLAN = '00000000-0000-4000-8000-000000000001';
const PERIOD = { startYear: 2566, endYear: 2570 };
const YEARS = [2566, 2567, 2568, 2569, 2570];

/** In-memory rows in the order given (positions follow it), as listRows returns them. */
function builder() {
  const rows: Row[] = [];
  const row = (entity: RowEntity, parent: Row | null, data: Record<string, unknown> = {}, id?: string): Row => {
    const r: Row = {
      id: id ?? `${entity}-${rows.length}`,
      entity,
      planId: PLAN,
      parentId: parent?.id ?? null,
      position: `a${String(rows.length).padStart(4, '0')}`,
      data: { ...ROW_DEFAULTS[entity], ...data },
      createdBy: 'office',
      createdAt: '',
      updatedAt: '',
    };
    rows.push(r);
    return r;
  };
  return { rows, row };
}

/** A plan that passes every rule: one aligned issue, a goal with a KPI targeted every year, a funded project. */
function completePlan() {
  const b = builder();
  b.row('vision', null, { text: 'สื่อสารถึงทุกคน ทุกที่ ทุกเวลา' }, `${PLAN}:vision`);
  const tows = b.row('towsStrategy', null, { text: 'เชิงรุก', chosen: true });
  const issue = b.row('strategicIssue', null, { name: 'การสื่อสารเชิงรุก' });
  b.row('alignmentLink', issue, { catalogId: 'bangkok-plan', itemId: '1' }, `${issue.id}:bangkok-plan:1`);
  const goal = b.row('goal', issue, { name: 'ประชาชนรับรู้ข่าวสาร' });
  const kpi = b.row('kpi', goal, { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ', periodTarget: 85 });
  const targets = YEARS.map((year, i) => b.row('kpiTarget', kpi, { year, target: 70 + 3 * i }, `${kpi.id}:${year}`));
  const strategy = b.row('strategy', goal, { name: 'สื่อดิจิทัล', towsStrategyIds: [tows.id] });
  const project = b.row('project', strategy, { name: 'โครงการสื่อออนไลน์', responsibleUnit: 'กองประชาสัมพันธ์' });
  const budget = b.row('projectBudget', project, { year: 2566, amount: 500000 }, `${project.id}:2566`);
  return { ...b, tows, issue, goal, kpi, targets, strategy, project, budget };
}

const rulesOf = (rows: readonly Row[]) => completeness(rows, PERIOD).map((item) => item.rule);

describe('hierarchical numbering', () => {
  it('numbers issues, goals, KPIs, strategies and projects from their order', () => {
    const b = builder();
    const i1 = b.row('strategicIssue', null);
    const i2 = b.row('strategicIssue', null);
    const g11 = b.row('goal', i1);
    const g21 = b.row('goal', i2);
    const g12 = b.row('goal', i1);
    const k121 = b.row('kpi', g12);
    const k122 = b.row('kpi', g12);
    const s121 = b.row('strategy', g12);
    const p1211 = b.row('project', s121);
    const t = b.row('kpiTarget', k121, { year: 2566 });
    const n = numbering(b.rows);
    expect([i1, i2, g11, g21, g12, k121, k122, s121, p1211].map((r) => n.get(r.id))).toEqual([
      '1',
      '2',
      '1.1',
      '2.1',
      '1.2',
      '1.2.1',
      '1.2.2',
      '1.2.1',
      '1.2.1.1',
    ]);
    expect(n.has(t.id)).toBe(false);
  });

  it('follows a move and a delete in the store', async () => {
    const store = await openStore(tempDir());
    const planId = createPlan(store, bmaDraft).id;
    const [a, b, c] = createRows(store, planId, [
      { entity: 'strategicIssue', values: { name: 'ก' } },
      { entity: 'strategicIssue', values: { name: 'ข' } },
      { entity: 'strategicIssue', values: { name: 'ค' } },
    ]);
    const [g1, g2] = createRows(store, planId, [
      { entity: 'goal', parentId: c!.id, values: { name: 'ค1' } },
      { entity: 'goal', parentId: c!.id, values: { name: 'ค2' } },
    ]);
    const numbers = () => {
      const n = numbering(listRows(store, planId));
      return [a, b, c, g1, g2].map((r) => n.get(r!.id));
    };
    expect(numbers()).toEqual(['1', '2', '3', '3.1', '3.2']);
    moveRow(store, c!.id, null);
    expect(numbers()).toEqual(['2', '3', '1', '1.1', '1.2']);
    moveRow(store, g2!.id, null);
    expect(numbers()).toEqual(['2', '3', '1', '1.2', '1.1']);
    deleteRow(store, a!.id);
    expect(numbers()).toEqual([undefined, '2', '1', '1.2', '1.1']);
    deleteRow(store, g2!.id);
    expect(numbers()).toEqual([undefined, '2', '1', '1.1', undefined]);
    store.close();
  });
});

describe('budget sums', () => {
  it('totals per project, strategic issue, year and responsible unit, skipping years not entered', () => {
    const b = builder();
    const i1 = b.row('strategicIssue', null);
    const i2 = b.row('strategicIssue', null);
    const s1 = b.row('strategy', b.row('goal', i1));
    const s2 = b.row('strategy', b.row('goal', i2));
    const p1 = b.row('project', s1, { responsibleUnit: 'กองประชาสัมพันธ์' });
    const p2 = b.row('project', s1, { responsibleUnit: ' กองประชาสัมพันธ์ ' });
    const p3 = b.row('project', s2, { responsibleUnit: '' });
    const p4 = b.row('project', s2, { responsibleUnit: 'สำนักงานเขต' });
    b.row('projectBudget', p1, { year: 2566, amount: 100000 });
    b.row('projectBudget', p1, { year: 2567, amount: 150000.5 });
    b.row('projectBudget', p2, { year: 2566, amount: 20000 });
    b.row('projectBudget', p3, { year: 2567, amount: 5000 });
    b.row('projectBudget', p4, { year: 2568, amount: null });
    const sums = budgetSummary(b.rows, PERIOD);
    expect(Object.fromEntries(sums.byProject)).toEqual({
      [p1.id]: 250000.5,
      [p2.id]: 20000,
      [p3.id]: 5000,
      [p4.id]: 0,
    });
    expect(Object.fromEntries(sums.byIssue)).toEqual({ [i1.id]: 270000.5, [i2.id]: 5000 });
    expect(Object.fromEntries(sums.byYear)).toEqual({ 2566: 120000, 2567: 155000.5 });
    expect(Object.fromEntries(sums.byUnit)).toEqual({ กองประชาสัมพันธ์: 270000.5, '': 5000 });
    expect(sums.total).toBe(275000.5);

    // Per group (here per strategy; a project without a group counts nowhere), each year as budgetSummary sums it.
    const byStrategy = budgetSummariesBy(b.rows, PERIOD, (project) =>
      project.id === p4.id ? undefined : project.parentId!,
    );
    expect(Object.fromEntries(byStrategy.get(s1.id)!.byYear)).toEqual({ 2566: 120000, 2567: 150000.5 });
    expect(Object.fromEntries(byStrategy.get(s2.id)!.byYear)).toEqual({ 2567: 5000 });
    expect([...byStrategy.keys()].sort()).toEqual([s1.id, s2.id].sort());
  });
});

describe('walks up the plan', () => {
  it('ends on rows that are their own ancestors instead of looping (a goal moved under its own KPI)', () => {
    const b = builder();
    const issue = b.row('strategicIssue', null);
    const goal = b.row('goal', issue);
    const kpi = b.row('kpi', goal);
    const strategy = b.row('strategy', goal);
    const project = b.row('project', strategy);
    b.row('projectBudget', project, { year: 2566, amount: 1000 });
    Object.assign(goal, { parentId: kpi.id });
    const sums = budgetSummary(b.rows, PERIOD);
    expect(sums.total).toBe(1000);
    // The project no longer reaches an issue: counted in the total, under no issue.
    expect(Object.fromEntries(sums.byIssue)).toEqual({});
  });
});

describe('units of KPI targets', () => {
  it('allows percentages 0–100, counts as whole numbers from 0, other units any number', () => {
    expect(unitKind(' ร้อยละ ')).toBe('percent');
    expect(unitKind('%')).toBe('percent');
    expect(unitKind('คน')).toBe('count');
    expect(unitKind('บาท')).toBe('other');
    expect([0, 100, 55.5].every((v) => targetFitsUnit(v, 'ร้อยละ'))).toBe(true);
    expect([-1, 100.1].some((v) => targetFitsUnit(v, 'ร้อยละ'))).toBe(false);
    expect(targetFitsUnit(12, 'ครั้ง')).toBe(true);
    expect(targetFitsUnit(1.5, 'ครั้ง')).toBe(false);
    expect(targetFitsUnit(-3, 'ระดับ')).toBe(true);
  });
});

describe('completeness rules', () => {
  it('finds nothing in a complete plan', () => {
    expect(completeness(completePlan().rows, PERIOD)).toEqual([]);
  });

  it('lists everything an empty plan lacks, each part once, and links nothing to a row', () => {
    expect(completeness([], PERIOD)).toEqual(
      [
        'vision',
        'strategicIssue',
        'goal',
        'kpi',
        'kpiTarget',
        'strategy',
        'project',
        'projectBudget',
        'alignmentLink',
      ].map((part) => ({ rule: 'planLacks', rowId: '', values: { part } })),
    );
  });

  it('lists an issue without a goal and a goal without a strategy by row, not as parts the plan lacks', () => {
    const b = builder();
    b.row('vision', null, { text: 'วิสัยทัศน์' });
    const issue = b.row('strategicIssue', null, { name: 'ประเด็นว่าง' });
    const other = b.row('strategicIssue', null, { name: 'ประเด็นที่มีเป้า' });
    const goal = b.row('goal', other, { name: 'เป้าที่ไม่มีกลยุทธ์' });
    const items = completeness(b.rows, PERIOD);
    expect(items.filter((i) => i.rule === 'issueWithoutGoal').map((i) => i.rowId)).toEqual([issue.id]);
    expect(items.filter((i) => i.rule === 'goalWithoutStrategy').map((i) => i.rowId)).toEqual([goal.id]);
    // A goal without a KPI or a strategy is named by its row; the parts below them, by the plan.
    expect(items.filter((i) => i.rule === 'planLacks').map((i) => i.values.part)).toEqual([
      'kpiTarget',
      'project',
      'projectBudget',
    ]);
  });

  it('has a message key per rule', () => {
    expect(COMPLETENESS_RULES.map(completenessMessageKey)).toContain('planContent.completeness.goalWithoutKpi');
  });

  const cases: [CompletenessRule, (p: ReturnType<typeof completePlan>) => Row[], unknown][] = [
    [
      'goalWithoutKpi',
      (p) => p.rows.filter((r) => r.entity !== 'kpi' && r.entity !== 'kpiTarget' && r.entity !== 'project'),
      null,
    ],
    ['kpiMissingTarget', (p) => p.rows.filter((r) => r !== p.targets[2]), { year: 2568 }],
    [
      'targetNotInUnit',
      (p) => p.rows.map((r) => (r === p.targets[1] ? { ...r, data: { ...r.data, target: 120 } } : r)),
      { year: 2567, target: 120, unit: 'ร้อยละ' },
    ],
    ['strategyWithoutProject', (p) => p.rows.filter((r) => r !== p.project && r !== p.budget), null],
    [
      'projectWithoutResponsibleUnit',
      (p) => p.rows.map((r) => (r === p.project ? { ...r, data: { ...r.data, responsibleUnit: '  ' } } : r)),
      null,
    ],
    [
      'projectWithoutBudget',
      (p) => p.rows.map((r) => (r === p.budget ? { ...r, data: { ...r.data, amount: null } } : r)),
      null,
    ],
    ['issueNotAligned', (p) => p.rows.filter((r) => r.entity !== 'alignmentLink'), null],
    [
      'towsStrategyUnused',
      (p) => p.rows.map((r) => (r === p.strategy ? { ...r, data: { ...r.data, towsStrategyIds: [] } } : r)),
      null,
    ],
  ];

  it.each(cases)('%s: triggered by its case, quiet in the complete plan', (rule, breakIt, values) => {
    const plan = completePlan();
    expect(rulesOf(plan.rows)).not.toContain(rule);
    const items = completeness(breakIt(plan), PERIOD).filter((item) => item.rule === rule);
    expect(items).toHaveLength(1);
    if (values) expect(items[0]!.values).toMatchObject(values as Record<string, unknown>);
    expect(items[0]!.values).toHaveProperty('number');
  });

  it('links each item to its row, with the number and name to show', () => {
    const plan = completePlan();
    const rows = plan.rows.filter((r) => !plan.targets.includes(r));
    const items = completeness(rows, PERIOD);
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      rule: 'kpiMissingTarget',
      rowId: plan.kpi.id,
      values: { number: '1.1.1', name: 'ร้อยละการรับรู้', year: 2566 },
    });
    const bad = completeness(
      plan.rows.map((r) => (r === plan.targets[0] ? { ...r, data: { ...r.data, target: -5 } } : r)),
      PERIOD,
    );
    expect(bad).toEqual([expect.objectContaining({ rule: 'targetNotInUnit', rowId: plan.targets[0]!.id })]);
  });

  it('counts a budget of 0 baht as entered, a chosen-off TOWS strategy as not needing use, a period target out of unit', () => {
    const plan = completePlan();
    const rows = plan.rows.map((r) => {
      if (r === plan.budget) return { ...r, data: { ...r.data, amount: 0 } };
      if (r === plan.strategy) return { ...r, data: { ...r.data, towsStrategyIds: [] } };
      if (r === plan.tows) return { ...r, data: { ...r.data, chosen: false } };
      if (r === plan.kpi) return { ...r, data: { ...r.data, periodTarget: 101 } };
      return r;
    });
    expect(completeness(rows, PERIOD)).toEqual([
      { rule: 'targetNotInUnit', rowId: plan.kpi.id, values: expect.objectContaining({ target: 101, year: '' }) },
    ]);
  });
});
