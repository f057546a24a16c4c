import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../main/core/evaluation.ts';
import { kpiStandings, projectStandings } from '../../main/core/monitoringPlan.ts';
import { createRows, listRows, updateRow } from '../../main/services/rows.ts';
import { createPlan } from '../../main/services/plans.ts';
import type { Store } from '../../main/services/store/store.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const opCount = (store: Store) => store.db.prepare('SELECT count(*) FROM ops').pluck().get();

/** A 2566–2570 plan with two KPIs under one goal (a count summed per quarter, a rate) and a 2567–2568 project. */
async function adoptedPlan() {
  const store = await openStore(tempDir());
  const planId = createPlan(store, bmaDraft).id;
  const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสารเชิงรุก' } }]);
  const [goal] = createRows(store, planId, [{ entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } }]);
  const [sessions, reach] = createRows(store, planId, [
    {
      entity: 'kpi',
      parentId: goal!.id,
      values: { name: 'จำนวนครั้งของการจัดกิจกรรมสื่อสารกับชุมชน', unit: 'ครั้ง', resultMode: 'per-quarter' },
    },
    {
      entity: 'kpi',
      parentId: goal!.id,
      values: { name: 'ร้อยละของประชาชนที่รับรู้ข่าวสารของกรุงเทพมหานคร', unit: 'ร้อยละ', resultMode: 'latest' },
    },
  ]);
  createRows(store, planId, [
    { entity: 'kpiTarget', parentId: sessions!.id, values: { year: 2568, target: 40 } },
    { entity: 'kpiTarget', parentId: reach!.id, values: { year: 2568, target: 80 } },
  ]);
  const [strategy] = createRows(store, planId, [
    { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อชุมชน' } },
  ]);
  const [project] = createRows(store, planId, [
    { entity: 'project', parentId: strategy!.id, values: { name: 'ข่าวสารถึงบ้าน', startYear: 2567, endYear: 2568 } },
  ]);
  createRows(store, planId, [{ entity: 'planOptions', values: { adoptedOn: '2024-09-20' } }]);
  return { store, planId, sessions: sessions!, reach: reach!, project: project! };
}

describe('quarterly monitoring rows', () => {
  it('stores one row per KPI, fiscal year and quarter, and a re-entered quarter meets the same row', async () => {
    const { store, planId, sessions } = await adoptedPlan();
    const quarter = (result: number) =>
      createRows(store, planId, [
        { entity: 'kpiQuarter', parentId: sessions.id, values: { year: 2568, quarter: 2, result } },
      ])[0]!;
    const first = quarter(8);
    expect(first.id).toBe(`${sessions.id}:2568:q2`);
    expect(quarter(9).id).toBe(first.id);
    expect(listRows(store, planId).filter((r) => r.entity === 'kpiQuarter')).toHaveLength(1);
    store.close();
  });

  it('refuses a fifth quarter, a year outside the plan, a rate above ร้อยละ 100 and negative money, writing nothing', async () => {
    const { store, planId, sessions, reach, project } = await adoptedPlan();
    const before = opCount(store);
    const kpiQuarter = (parentId: string, values: Record<string, unknown>) =>
      createRows(store, planId, [{ entity: 'kpiQuarter', parentId, values: { year: 2568, quarter: 1, ...values } }]);
    expect(() => kpiQuarter(sessions.id, { quarter: 5 })).toThrow(/validation\.quarter/);
    expect(() => kpiQuarter(sessions.id, { year: 2571 })).toThrow(/yearOutsidePlan/);
    expect(() => kpiQuarter(reach.id, { result: 150 })).toThrow(/notInUnit/);
    const projectQuarter = (values: Record<string, unknown>) =>
      createRows(store, planId, [
        { entity: 'projectQuarter', parentId: project.id, values: { year: 2568, quarter: 1, ...values } },
      ]);
    expect(() => projectQuarter({ disbursed: -1 })).toThrow(/strategies\.negative/);
    expect(() => projectQuarter({ progress: 120 })).toThrow(/percentRange/);
    expect(() => projectQuarter({ year: 2566 })).toThrow(/budgetOutsideProject/);
    expect(opCount(store)).toBe(before);
    store.close();
  });

  it('gives each KPI its standing for the year from what the offices entered, in the printed order', async () => {
    const { store, planId, sessions, reach } = await adoptedPlan();
    createRows(store, planId, [
      { entity: 'kpiQuarter', parentId: sessions.id, values: { year: 2568, quarter: 1, result: 7 } },
      { entity: 'kpiQuarter', parentId: sessions.id, values: { year: 2568, quarter: 2, result: 8, status: 'at-risk' } },
      { entity: 'kpiQuarter', parentId: reach.id, values: { year: 2568, quarter: 1, result: 85, status: 'on-track' } },
      // Another year does not count towards 2568.
      { entity: 'kpiQuarter', parentId: reach.id, values: { year: 2569, quarter: 1, result: 10 } },
    ]);
    const [first, second] = kpiStandings(listRows(store, planId), 2568, DEFAULT_THRESHOLDS);
    expect(first).toMatchObject({ number: '1.1.1', target: 40, quarters: [7, 8, null, null], status: 'at-risk' });
    expect(first!.progress).toMatchObject({ expected: 20, light: 'amber' });
    expect(first!.progress.toDate.value).toBe(15);
    expect(second).toMatchObject({ number: '1.1.2', quarters: [85, null, null, null], status: 'on-track' });
    expect(second!.progress.light).toBe('green');
    // A correction to quarter 2 moves the standing.
    updateRow(store, `${sessions.id}:2568:q2`, [{ field: 'result', value: 13 }]);
    expect(kpiStandings(listRows(store, planId), 2568, DEFAULT_THRESHOLDS)[0]!.progress.light).toBe('green');
    store.close();
  });

  it('sums each project’s money over the quarters reported and keeps its latest progress and status', async () => {
    const { store, planId, project } = await adoptedPlan();
    createRows(store, planId, [
      { entity: 'projectBudget', parentId: project.id, values: { year: 2568, amount: 1_200_000 } },
      {
        entity: 'projectQuarter',
        parentId: project.id,
        values: { year: 2568, quarter: 1, allocated: 600_000, disbursed: 150_000, progress: 20, status: 'on-track' },
      },
      {
        entity: 'projectQuarter',
        parentId: project.id,
        values: { year: 2568, quarter: 2, allocated: 200_000, disbursed: 250_000, progress: 45, status: 'delayed' },
      },
    ]);
    expect(projectStandings(listRows(store, planId), 2568)).toEqual([
      {
        projectId: project.id,
        number: '1.1.1.1',
        name: 'ข่าวสารถึงบ้าน',
        responsibleUnit: '',
        planned: 1_200_000,
        allocated: 800_000,
        disbursed: 400_000,
        disbursedPercent: 50,
        progress: 45,
        status: 'delayed',
        reported: true,
      },
    ]);
    // Nothing reported in 2567: the report's status column says so (monitoringReport.ts statusWords).
    expect(projectStandings(listRows(store, planId), 2567)[0]).toMatchObject({
      allocated: 0,
      disbursedPercent: null,
      status: null,
      reported: false,
    });
    store.close();
  });
});
