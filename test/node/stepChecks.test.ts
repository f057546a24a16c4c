import { describe, expect, it } from 'vitest';
import { budgetSummary, completeness } from '../../main/core/planContent.ts';
import { ROW_DEFAULTS, type Row, type RowEntity } from '../../main/core/rows.ts';
import { STEP_CHECKS, type PlanState } from '../../main/core/stepChecks.ts';
import { analyse, toFactor } from '../../main/core/swotPlan.ts';

const PLAN = { startYear: 2566, endYear: 2570, prevStartYear: 2561, prevEndYear: 2565 };

function builder() {
  const rows: Row[] = [];
  const row = (entity: RowEntity, parent: Row | null, data: Record<string, unknown> = {}, id?: string): Row => {
    const r: Row = {
      id: id ?? `${entity}-${rows.length}`,
      entity,
      planId: 'plan',
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

const state = (rows: readonly Row[], plan = PLAN, options = {}): PlanState => ({
  rows,
  plan,
  options: { ...ROW_DEFAULTS.planOptions, ...options },
});
const messages = (issues: readonly { message: string }[]) => issues.map((i) => i.message);

/** Two strengths rated on the default 1–5 scale, their weights summing to 1.00; W, O, T one factor each. */
function swot() {
  const b = builder();
  const s1 = b.row('factor', null, { swot: 'S', category: 'S1', statement: 'โครงสร้างชัดเจน', weight: 0.6, rating: 5 });
  b.row('factor', null, { swot: 'S', category: 'S2', statement: 'กลยุทธ์ชัดเจน', weight: 0.4, rating: 2 });
  b.row('factor', null, { swot: 'W', category: 'M1', statement: 'บุคลากรน้อย', weight: 1, rating: 3 });
  return { ...b, s1 };
}

describe('step checks after the plan changes around stored values', () => {
  it('flags a rating valid on 1–5 once the scale is 1–3, and scores it as nothing', () => {
    const { rows, s1 } = swot();
    const weights = STEP_CHECKS.internal.weights.issues;
    expect(weights(state(rows))).toEqual([]);
    const wide = analyse(
      rows.map((r) => toFactor(r)),
      { ...ROW_DEFAULTS.planOptions },
    );
    expect(wide.scores.S).toBeCloseTo(0.6 * 5 + 0.4 * 2);

    const narrowed = state(rows, PLAN, { ratingMax: 3 });
    expect(weights(narrowed)).toEqual([{ message: 'swot.issue.ratingRange', values: { count: 1, min: 1, max: 3 } }]);
    const narrow = analyse(
      rows.map((r) => toFactor(r)),
      narrowed.options,
    );
    expect(narrow.offScale).toEqual(new Set([s1.id]));
    expect(narrow.scores.S).toBeCloseTo(0.4 * 2);
    expect(narrow.factors.S.find((f) => f.id === s1.id)?.score).toBe(0);
    // Its weight still counts towards the 1.00: the rating is what is wrong, not the weight.
    expect(narrow.remaining.S).toBe(0);
    // The summary finishes nothing while it stands.
    expect(messages(STEP_CHECKS.internal.summary.issues(narrowed))).toContain('swot.issue.ratingRange');
  });

  it('flags a budget for a year the shortened plan no longer has, and leaves it out of every total', () => {
    const b = builder();
    const issue = b.row('strategicIssue', null, { name: 'การสื่อสารเชิงรุก' });
    const goal = b.row('goal', issue, { name: 'ประชาชนรับรู้ข่าวสาร' });
    const strategy = b.row('strategy', goal, { name: 'สื่อดิจิทัล' });
    const project = b.row('project', strategy, { name: 'สื่อออนไลน์', responsibleUnit: 'กองประชาสัมพันธ์' });
    b.row('projectBudget', project, { year: 2566, amount: 100_000 }, `${project.id}:2566`);
    const late = b.row('projectBudget', project, { year: 2570, amount: 40_000 }, `${project.id}:2570`);

    expect(budgetSummary(b.rows, PLAN).total).toBe(140_000);
    expect(STEP_CHECKS.strategies.budgets.issues(state(b.rows))).toEqual([]);

    const shortened = { ...PLAN, endYear: 2568 };
    const sums = budgetSummary(b.rows, shortened);
    expect(sums.total).toBe(100_000);
    expect(Object.fromEntries(sums.byYear)).toEqual({ 2566: 100_000 });
    expect(sums.byProject.get(project.id)).toBe(100_000);
    expect(STEP_CHECKS.strategies.budgets.issues(state(b.rows, shortened))).toEqual([
      {
        message: 'strategies.issue.budgetOutsidePeriod.project',
        values: { number: '1.1.1.1', name: ' “สื่อออนไลน์”', year: 2570 },
      },
    ]);
    expect(completeness(b.rows, shortened).filter((i) => i.rule === 'budgetOutsidePeriod')).toEqual([
      { rule: 'budgetOutsidePeriod', rowId: late.id, values: { number: '1.1.1.1', name: 'สื่อออนไลน์', year: 2570 } },
    ]);

    // A project shortened to its own years: the same rule, the same exclusion.
    Object.assign(project, { data: { ...project.data, startYear: 2566, endYear: 2567 } });
    expect(budgetSummary(b.rows, PLAN).total).toBe(100_000);
    expect(messages(STEP_CHECKS.strategies.summary.issues(state(b.rows)))).toContain(
      'strategies.issue.budgetOutsidePeriod.project',
    );
  });
});

describe('one rule for a step and for completeness', () => {
  it('names in the step what completeness lists: goals without KPIs, years without targets, projects without budget', () => {
    const b = builder();
    const issue = b.row('strategicIssue', null, { name: 'ประเด็น' });
    const bare = b.row('goal', issue, { name: 'ยังไม่มีตัวชี้วัด' });
    const goal = b.row('goal', issue, { name: 'มีตัวชี้วัด' });
    const kpi = b.row('kpi', goal, { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' });
    b.row('kpiTarget', kpi, { year: 2566, target: 70 }, `${kpi.id}:2566`);
    const strategy = b.row('strategy', goal, { name: 'สื่อดิจิทัล' });
    b.row('project', strategy, { name: 'สื่อออนไลน์', responsibleUnit: '' });
    const items = completeness(b.rows, PLAN);
    const rules = (rule: string) => items.filter((i) => i.rule === rule);

    expect(rules('goalWithoutKpi').map((i) => i.rowId)).toEqual([bare.id]);
    expect(STEP_CHECKS.goals.kpis.issues(state(b.rows))).toEqual([
      { message: 'goals.goalNeedsKpi', values: { what: '1.1 “ยังไม่มีตัวชี้วัด”' } },
    ]);
    expect(rules('kpiMissingTarget').map((i) => i.values.year)).toEqual([2567, 2568, 2569, 2570]);
    expect(STEP_CHECKS.goals.targets.issues(state(b.rows))).toEqual([
      {
        message: 'goals.kpiMissingTargets',
        values: { what: '1.2.1 “ร้อยละการรับรู้”', years: '2567, 2568, 2569, 2570' },
      },
    ]);
    expect(rules('projectWithoutResponsibleUnit')).toHaveLength(1);
    expect(rules('projectWithoutBudget')).toHaveLength(1);
    expect(messages(STEP_CHECKS.strategies.projects.issues(state(b.rows)))).toEqual([
      'strategies.issue.projectNoUnit.project',
    ]);
    expect(messages(STEP_CHECKS.strategies.budgets.issues(state(b.rows)))).toEqual([
      'strategies.issue.projectNoBudget.project',
    ]);
    // The review's last step finds exactly the completeness items.
    expect(STEP_CHECKS.review.completeness.findings(state(b.rows))).toHaveLength(items.length);
  });

  it('holds every step of an empty plan that asks for something, and calls none of them started', () => {
    const empty = state([]);
    const holding = Object.entries(STEP_CHECKS).flatMap(([wizard, steps]) =>
      Object.entries(steps).flatMap(([step, check]) => {
        const c = check as { issues?: (s: PlanState) => unknown[]; started?: (s: PlanState) => boolean };
        expect(c.started?.(empty) ?? false, `${wizard}/${step} started`).toBe(false);
        return (c.issues?.(empty).length ?? 0) > 0 ? [`${wizard}/${step}`] : [];
      }),
    );
    expect(holding).toEqual(
      expect.arrayContaining([
        'setup/members',
        'evaluation/issues',
        'situation/missions',
        'internal/factors',
        'external/factors',
        'tows/build',
        'direction/vision',
        'goals/issues',
        'strategies/strategies',
      ]),
    );
  });
});
