import { describe, expect, it } from 'vitest';
import type { ReportingOffice } from '../../main/core/arrivals.ts';
import { DEFAULT_THRESHOLDS } from '../../main/core/evaluation.ts';
import {
  meanAchievement,
  narratives,
  periodReport,
  reportPeriodProblem,
  statusGroup,
  trend,
} from '../../main/core/monitoringReport.ts';
import { planView } from '../../main/core/pdf/source.ts';
import { monitoredSource, NARRATIVE_Q2, NOTE_Q2 } from '../harness/monitoredPlan.ts';

/**
 * The figures of a progress report and the dashboard (core/monitoringReport.ts) on the sample plan after
 * adoption, with what its offices reported (test/harness/monitoredPlan.ts), checked against hand calculation.
 */

const source = monitoredSource();
const rows = planView(source).rows;

describe('a period’s report', () => {
  it('counts only the quarters up to the one reported, and the whole year for the annual report', () => {
    const q2 = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    // 2.1.1, volunteers trained (คน), a running total: 1,500 in 2568, 20 % by quarter 2 (300) against half the
    // year's target expected (750): 40 %, red.
    const volunteers = q2.kpis.find((k) => k.number === '2.1.1')!;
    expect(volunteers.quarters).toEqual([150, 300, null, null]);
    expect(volunteers.progress.expected).toBe(750);
    expect(volunteers.progress.achievement.percent).toBe(40);
    expect(volunteers.progress.light).toBe('red');
    const q1 = periodReport(rows, { year: 2568, quarter: 1 }, DEFAULT_THRESHOLDS);
    expect(q1.kpis.find((k) => k.number === '2.1.1')!.quarters).toEqual([150, null, null, null]);
    expect(q1.kpis.find((k) => k.number === '2.1.1')!.progress.expected).toBe(375);
    const annual = periodReport(rows, { year: 2567, quarter: null }, DEFAULT_THRESHOLDS);
    expect(annual.kpis.find((k) => k.number === '2.1.1')!.progress.toDate.through).toBe(4);
  });

  it('judges the sample’s followers (1.1.2), a stock at each quarter’s end, against the year’s whole target', () => {
    // 3,400,000 คน in 2568; the count at the end of quarter 2 is 3,264,000: 96 % of the target, level 4, amber.
    // As a running total it would have been judged against 1,700,000 (half the year) and shown 192 %, green.
    const q2 = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    const followers = q2.kpis.find((k) => k.number === '1.1.2')!;
    expect(followers.target).toBe(3_400_000);
    expect(followers.quarters).toEqual([3_230_000, 3_264_000, null, null]);
    expect(followers.progress.toDate.value).toBe(3_264_000);
    expect(followers.progress.expected).toBe(3_400_000);
    expect(followers.progress.achievement.percent).toBe(96);
    expect(followers.progress.achievement.level).toBe(4);
    expect(followers.progress.light).toBe('amber');
    // The year 2567 (3,200,000) is its count at the end of quarter 4, 3,136,000, not a sum of the quarters: 98 %.
    const annual = periodReport(rows, { year: 2567, quarter: null }, DEFAULT_THRESHOLDS);
    const year = annual.kpis.find((k) => k.number === '1.1.2')!;
    expect(year.progress.toDate.value).toBe(3_136_000);
    expect(year.progress.achievement.percent).toBe(98);
    expect(year.progress.light).toBe('amber');
  });

  it('judges a KPI whose office has not reported the quarter as not reported, not against an earlier quarter', () => {
    // 2.1.1 (volunteers, a running total, 1,500 in 2568) reported quarter 1 only: 150 (10 %).
    const missing = planView(monitoredSource({ unreported: [{ kpi: 3, year: 2568, quarter: 2 }] })).rows;
    const q2 = periodReport(missing, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    const volunteers = q2.kpis.find((k) => k.number === '2.1.1')!;
    expect(volunteers.quarters).toEqual([150, null, null, null]);
    expect(volunteers.progress).toMatchObject({ at: 2, unreported: true, expected: 750, light: 'none' });
    expect(volunteers.progress.achievement.percent).toBeNull();
    // Issue 2's mean leaves it out: 2.1.2 alone, ร้อยละ 38 (half of 75, rounded) against 75 at quarter's end.
    expect(q2.issues[1]!.achievement).toBeCloseTo((38 * 100) / 75, 10);
    expect(q2.issues[1]!.byLight.none).toBe(1);
    // The quarter 1 report is unchanged: 150 of 375 expected, 40 %.
    const q1 = periodReport(missing, { year: 2568, quarter: 1 }, DEFAULT_THRESHOLDS);
    expect(q1.kpis.find((k) => k.number === '2.1.1')!.progress).toMatchObject({ unreported: false, expected: 375 });
  });

  it('sums each issue’s KPIs by status and its projects’ money against the year’s planned budget', () => {
    const { issues, total } = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    expect(issues.map((i) => i.number)).toEqual(['1', '2', '3']);
    // Issue 1: KPIs 1.1.1 on track, 1.1.2 delayed, 1.2.1 achieved.
    expect(issues[0]!.byStatus).toEqual({ achieved: 1, 'on-track': 1, 'at-risk': 0, delayed: 1, other: 0 });
    expect(total.kpis).toHaveLength(7);
    // Projects 1.1.1.1 (2,700,000 planned, 675,000 disbursed in two quarters) and 1.2.1.1 (1,300,000; 216,666).
    expect(issues[0]!.planned).toBe(4_000_000);
    expect(issues[0]!.disbursed).toBe(675_000 + 216_666);
    expect(issues[0]!.disbursedOfPlan).toBeCloseTo(((675_000 + 216_666) * 100) / 4_000_000, 10);
    expect(total.planned).toBe(issues.reduce((s, i) => s + i.planned, 0));
  });

  it('sums per goal, every KPI and project counted once', () => {
    const { goals, total } = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    expect(goals.map((g) => [g.number, g.kpis.map((k) => k.number)])).toEqual([
      ['1.1', ['1.1.1', '1.1.2']],
      ['1.2', ['1.2.1']],
      ['2.1', ['2.1.1', '2.1.2']],
      ['3.1', ['3.1.1', '3.1.2']],
    ]);
    expect(goals[0]!.projects.map((p) => p.number)).toEqual(['1.1.1.1']);
    expect(goals.reduce((s, g) => s + g.kpis.length, 0)).toBe(total.kpis.length);
    expect(goals.reduce((s, g) => s + g.planned, 0)).toBe(total.planned);
  });

  it('sums per reporting office as assigned, whatever office the plan names as responsible, with its arrival', () => {
    // 3.1.2 (the seventh KPI) has no quarter 2 of 2568: its office is late once the quarter is due (15 April 2025).
    const late = planView(monitoredSource({ unreported: [{ kpi: 6, year: 2568, quarter: 2 }] })).rows;
    const q2 = { year: 2568, quarter: 2 } as const;
    const ids = new Map(periodReport(late, q2, DEFAULT_THRESHOLDS).kpis.map((k) => [k.number, k.kpiId]));
    const projectId = periodReport(late, q2, DEFAULT_THRESHOLDS).projects[0]!.projectId;
    const offices: ReportingOffice[] = [
      {
        officeCode: '1001',
        officeName: 'สำนักงานเขตพระนคร',
        kpiIds: [ids.get('2.1.1')!, ids.get('1.1.1')!],
        projectIds: [projectId],
      },
      // 1.1.1 is assigned to both: it counts in each.
      {
        officeCode: '1002',
        officeName: 'สำนักงานเขตดุสิต',
        kpiIds: [ids.get('1.1.1')!, ids.get('3.1.2')!],
        projectIds: [],
      },
      { officeCode: '1011', officeName: 'สำนักงานเขตลาดกระบัง', kpiIds: [], projectIds: [] },
    ];
    const report = periodReport(late, q2, DEFAULT_THRESHOLDS, { offices, today: '2025-05-01', dueDays: 15 });
    const groups = report.offices.map((g) => [
      g.officeCode,
      g.name,
      g.kpis.map((k) => k.number),
      g.projects.map((p) => p.number),
      g.arrival && [g.arrival.state, g.arrival.arrived, g.arrival.expected],
    ]);
    expect(groups).toEqual([
      ['1001', 'สำนักงานเขตพระนคร', ['1.1.1', '2.1.1'], ['1.1.1.1'], ['complete', 3, 3]],
      ['1002', 'สำนักงานเขตดุสิต', ['1.1.1', '3.1.2'], [], ['late', 1, 2]],
      ['1011', 'สำนักงานเขตลาดกระบัง', [], [], ['unassigned', 0, 0]],
      [null, '', ['1.1.2', '1.2.1', '2.1.2', '3.1.1'], report.projects.slice(1).map((p) => p.number), null],
    ]);
    expect(report.offices[1]!.arrival!.missing).toEqual([ids.get('3.1.2')]);
    // The sample names its own PR office as responsible for these KPIs: the groups are not read from that.
    expect(report.offices[0]!.kpis.every((k) => k.responsibleUnit !== 'สำนักงานเขตพระนคร')).toBe(true);
    expect(report.offices[0]!.planned).toBe(report.projects[0]!.planned ?? 0);
    // Before quarter 2 is due the same office is still pending, not late.
    const early = periodReport(late, q2, DEFAULT_THRESHOLDS, { offices, today: '2025-04-15', dueDays: 15 });
    expect(early.offices[1]!.arrival!.state).toBe('pending');
    // Without assignments (a plan of one's own, or a plan file) there is no office to group by.
    expect(periodReport(late, q2, DEFAULT_THRESHOLDS).offices).toEqual([]);
  });

  it('averages achievement with each KPI counted up to 100 %, leaving out KPIs without data or cancelled', () => {
    const { issues } = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    // Issue 1 in quarter 2: 1.1.1 rate 83 of 87, 1.1.2 96 %, 1.2.1 100 %.
    expect(issues[0]!.achievement).toBeCloseTo(((83 * 100) / 87 + 96 + 100) / 3, 10);
    const over = issues[0]!.kpis.map((k) => ({
      ...k,
      progress: { ...k.progress, achievement: { ...k.progress.achievement, percent: 250 } },
    }));
    expect(meanAchievement(over)).toBe(100);
    expect(meanAchievement([{ ...over[0]!, status: 'cancelled' }])).toBeNull();
  });

  it('groups the statuses offices report into the four the report counts and the rest', () => {
    expect(['achieved', 'on-track', 'at-risk', 'delayed'].map((s) => statusGroup(s as never))).toEqual([
      'achieved',
      'on-track',
      'at-risk',
      'delayed',
    ]);
    expect(['not-started', 'not-achieved', 'cancelled', null].map((s) => statusGroup(s as never))).toEqual([
      'other',
      'other',
      'other',
      'other',
    ]);
  });
});

describe('the trend', () => {
  it('runs quarter by quarter from the plan’s first year to the period, with gaps where nothing was reported', () => {
    const points = trend(rows, 2566, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    expect(points.map((p) => `${p.year}/${p.quarter}`)).toEqual([
      '2566/1',
      '2566/2',
      '2566/3',
      '2566/4',
      '2567/1',
      '2567/2',
      '2567/3',
      '2567/4',
      '2568/1',
      '2568/2',
    ]);
    expect(points[0]!.total).toBeNull();
    expect(points[0]!.issues).toEqual([null, null, null]);
    // The last point is the period's own report.
    const q2 = periodReport(rows, { year: 2568, quarter: 2 }, DEFAULT_THRESHOLDS);
    expect(points.at(-1)!.total).toBe(q2.total.achievement);
    expect(points.at(-1)!.disbursedOfPlan).toBe(q2.total.disbursedOfPlan);
    // Every point is what that quarter's own report says.
    for (const point of points) {
      const report = periodReport(rows, { year: point.year, quarter: point.quarter }, DEFAULT_THRESHOLDS);
      expect(point.issues).toEqual(report.issues.map((i) => i.achievement));
      expect(point.total).toBe(report.total.achievement);
      expect(point.disbursedOfPlan).toBe(report.total.disbursedOfPlan);
    }
    // Money restarts with each fiscal year: 2568's first quarter has spent less than 2567's last.
    expect(points[8]!.disbursedOfPlan!).toBeLessThan(points[7]!.disbursedOfPlan!);
  });
});

describe('problems and ways forward', () => {
  it('lists the quarter’s narratives in the plan’s order, KPIs before projects, and none of other quarters', () => {
    expect(narratives(rows, { year: 2568, quarter: 2 })).toEqual([
      expect.objectContaining({ number: '1.1.2', kind: 'kpi', quarter: 2, text: NARRATIVE_Q2 }),
      expect.objectContaining({ number: '1.1.1.1', kind: 'project', quarter: 2, text: NOTE_Q2 }),
    ]);
    expect(narratives(rows, { year: 2568, quarter: 1 })).toEqual([]);
    expect(narratives(rows, { year: 2567, quarter: null })).toEqual([]);
  });
});

describe('which reports can be made', () => {
  const plan = { startYear: 2566, endYear: 2570 };
  it('refuses a plan not adopted, a year outside the plan and a quarter other than 1–4', () => {
    expect(reportPeriodProblem(plan, null, { year: 2568, quarter: 2 })).toBe('monitoring.report.notAdopted');
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2565, quarter: 2 })).toBe('monitoring.report.yearOutside');
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2571, quarter: null })).toBe(
      'monitoring.report.yearOutside',
    );
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2568, quarter: 5 })).toBe('monitoring.report.badQuarter');
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2568, quarter: 0 })).toBe('monitoring.report.badQuarter');
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2570, quarter: 4 })).toBeNull();
    expect(reportPeriodProblem(plan, '2023-01-16', { year: 2566, quarter: null })).toBeNull();
  });
});
