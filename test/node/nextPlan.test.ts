import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../main/core/evaluation.ts';
import { nextPlanDraft } from '../../main/core/nextPlan.ts';
import { SAMPLE_MARK } from '../../main/core/plan.ts';
import { evaluatePlan, previousYears } from '../../main/core/previousPlan.ts';
import { startNextPlan } from '../../main/services/nextPlan.ts';
import { importPlanFile, parsePlanFile } from '../../main/services/planFile.ts';
import { createPlan, getPlan, listPlans } from '../../main/services/plans.ts';
import { createRows, listRows } from '../../main/services/rows.ts';
import { SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

describe('the next plan from this one', () => {
  it('follows this plan’s years, for as long, with this plan as its previous one and the period in its title renamed', () => {
    const next = nextPlanDraft({ ...bmaDraft, title: 'แผนยุทธศาสตร์การประชาสัมพันธ์ (พ.ศ. ๒๕๖๖–๒๕๗๐) ฉบับ 2566–2570' });
    expect(next).toMatchObject({
      organisation: bmaDraft.organisation,
      title: 'แผนยุทธศาสตร์การประชาสัมพันธ์ (พ.ศ. ๒๕๗๑–๒๕๗๕) ฉบับ 2571–2575',
      startYear: 2571,
      endYear: 2575,
      prevStartYear: 2566,
      prevEndYear: 2570,
    });
  });

  it('from the sample is a plan of its own: the title names the new period without the sample’s mark', async () => {
    const store = await openStore(tempDir());
    const { plan } = importPlanFile(store, parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8')));
    expect(plan.title.endsWith(SAMPLE_MARK)).toBe(true);
    const next = startNextPlan(store, plan.id);
    expect(next).toMatchObject({
      isSample: false,
      title: 'แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี (พ.ศ. 2571–2575)',
    });
    // A plan of one's own keeps its words, even ones that read like the mark.
    expect(nextPlanDraft({ ...bmaDraft, title: `แผนนำร่อง${SAMPLE_MARK}` }).title).toBe(`แผนนำร่อง${SAMPLE_MARK}`);
    store.close();
  });

  it('opens with its evaluation filled from this plan’s KPIs, targets and finished years, as one undoable action', async () => {
    const store = await openStore(tempDir());
    const planId = createPlan(store, bmaDraft).id;
    const [issue] = createRows(store, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสารเชิงรุก' } }]);
    const [goal] = createRows(store, planId, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้ข่าวสารอย่างทั่วถึง' } },
    ]);
    const [sessions, complaints] = createRows(store, planId, [
      {
        entity: 'kpi',
        parentId: goal!.id,
        values: {
          name: 'จำนวนกิจกรรมสื่อสารกับชุมชน',
          unit: 'ครั้ง',
          resultMode: 'per-quarter',
          responsibleUnit: 'ฝ่ายประชาสัมพันธ์',
        },
      },
      { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนเรื่องร้องเรียน', unit: 'เรื่อง', direction: 'lower' } },
    ]);
    const figures = (kpiId: string, year: number, results: readonly (number | null)[]) =>
      results.flatMap((result, i) =>
        result === null
          ? []
          : [{ entity: 'kpiQuarter' as const, parentId: kpiId, values: { year, quarter: i + 1, result } }],
      );
    createRows(store, planId, [
      { entity: 'kpiTarget', parentId: sessions!.id, values: { year: 2566, target: 40 } },
      { entity: 'kpiTarget', parentId: sessions!.id, values: { year: 2567, target: 44 } },
      { entity: 'kpiTarget', parentId: complaints!.id, values: { year: 2566, target: 100 } },
      ...figures(sessions!.id, 2566, [9, 10, 12, 11]),
      // 2567 is not over: its two quarters are not the year's result.
      ...figures(sessions!.id, 2567, [12, 10, null, null]),
      // Cumulative: 120 complaints by the end of quarter 4.
      ...figures(complaints!.id, 2566, [30, 70, 95, 120]),
    ]);

    const plansBefore = listPlans(store).length;
    const next = startNextPlan(store, planId);
    expect(next).toMatchObject({ startYear: 2571, endYear: 2575, prevStartYear: 2566, prevEndYear: 2570 });
    const rows = listRows(store, next.id);
    const evaluation = evaluatePlan(rows, previousYears(next), DEFAULT_THRESHOLDS);
    const [first, second] = evaluation.overall.kpis;
    expect(first!.kpi.data).toMatchObject({
      name: 'จำนวนกิจกรรมสื่อสารกับชุมชน',
      unit: 'ครั้ง',
      responsibleUnit: 'ฝ่ายประชาสัมพันธ์',
    });
    expect(first!.goal.data.name).toBe('ประชาชนรับรู้ข่าวสารอย่างทั่วถึง');
    expect(first!.years.slice(0, 2).map(({ target, actual }) => ({ target, actual }))).toEqual([
      { target: 40, actual: 42 },
      { target: 44, actual: null },
    ]);
    expect(first!.years[0]!.result.status).toBe('achieved');
    expect(second!.direction).toBe('lower');
    expect(second!.years[0]).toMatchObject({ target: 100, actual: 120, result: { status: 'not-achieved' } });
    // Nothing of the plan itself moved, and one undo takes the whole new plan back.
    expect(listRows(store, planId).filter((r) => r.entity === 'kpiQuarter')).toHaveLength(10);
    store.oplog.undoLast();
    expect(listPlans(store)).toHaveLength(plansBefore);
    expect(getPlan(store, planId).endYear).toBe(2570);
    store.close();
  });
});
