import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { achievementChartSvg, shorten } from '../../main/core/charts/achievementChart.ts';
import { textWidth } from '../../main/core/charts/textWidth.ts';
import { thaiDigitsInSvg } from '../../main/core/pdf/digits.ts';
import { DEFAULT_THRESHOLDS } from '../../main/core/evaluation.ts';
import {
  evaluatePlan,
  kpisWithoutTarget,
  previousYears,
  weightIssues,
  type PlanEvaluation,
} from '../../main/core/previousPlan.ts';
import { parseKpiPaste, pasteCreation } from '../../main/core/previousPlanPaste.ts';
import { type Row, type RowEntity } from '../../main/core/rows.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows, listRows } from '../../main/services/rows.ts';
import { bmaDraft, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { testRow } from '../harness/rows.ts';

const tempDir = useTempDir();
const YEARS = [2563, 2564, 2565];

const row = (entity: RowEntity, parentId: string | null, data: Record<string, unknown>, id?: string): Row =>
  testRow(entity, data, { parentId, id });
const years = (kpi: Row, values: [number, number | null, number | null][]) =>
  values.map(([year, target, actual]) => row('prevKpiYear', kpi.id, { year, target, actual }, `${kpi.id}:${year}`));

/**
 * Two issues. A: weighted 0.6 / 0.4, a higher-is-better KPI missing its last year and a lower-is-better one
 * with a zero target in 2564. B: unweighted (all 0), one KPI with no data at all.
 */
function workedPlan() {
  const a = row('prevIssue', null, { name: 'ประชาสัมพันธ์เชิงรุก' });
  const a1 = row('prevGoal', a.id, { name: 'ประชาชนรับรู้ข่าวสาร' });
  const k1 = row('prevKpi', a1.id, { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ', weight: 0.6 });
  const k2 = row('prevKpi', a1.id, { name: 'จำนวนเรื่องร้องเรียน', unit: 'เรื่อง', direction: 'lower', weight: 0.4 });
  const b = row('prevIssue', null, { name: 'พัฒนาบุคลากร' });
  const b1 = row('prevGoal', b.id, { name: 'บุคลากรมีทักษะ' });
  const k3 = row('prevKpi', b1.id, { name: 'จำนวนผู้ผ่านการอบรม', unit: 'คน' });
  const k4 = row('prevKpi', b1.id, { name: 'ความพึงพอใจ', unit: 'ร้อยละ' });
  const rows = [
    ...[a, a1, k1, k2, b, b1, k3, k4],
    ...years(k1, [
      [2563, 80, 88],
      [2564, 90, 72],
    ]),
    ...years(k2, [
      [2563, 100, 125],
      [2564, 0, 0],
      [2565, 50, 40],
    ]),
    ...years(k3, [[2563, 10, 5]]),
  ];
  return { rows, a, b, k1, k2, k3, k4 };
}

const kpiOf = (e: PlanEvaluation, kpi: Row) => e.overall.kpis.find((k) => k.kpi.id === kpi.id)!;

describe('evaluation of the previous plan', () => {
  it('takes the years of the previous period from the plan header, none when it has none', () => {
    expect(previousYears({ prevStartYear: 2563, prevEndYear: 2565 })).toEqual(YEARS);
    expect(previousYears({ prevStartYear: null, prevEndYear: null })).toEqual([]);
  });

  it('computes each KPI and year, inverted for lower-is-better, zero targets and missing years explicit', () => {
    const { rows, k1, k2 } = workedPlan();
    const e = evaluatePlan(rows, YEARS, DEFAULT_THRESHOLDS);
    expect(kpiOf(e, k1).years.map((y) => [y.result.percent, y.result.level, y.result.status])).toEqual([
      [110, 5, 'achieved'],
      [80, 4, 'not-achieved'],
      [null, null, 'no-data'],
    ]);
    // 100 complaints targeted, 125 received: 100 ÷ 125 = 80 %; 50 targeted, 40 received: 125 %.
    expect(kpiOf(e, k2).years.map((y) => [y.result.percent, y.result.level, y.result.status, y.result.note])).toEqual([
      [80, 4, 'not-achieved', undefined],
      [null, 5, 'achieved', 'zero-target'],
      [125, 5, 'achieved', undefined],
    ]);
    // Latest = the last year with data: 2564 for k1, whose 2565 is missing.
    expect(kpiOf(e, k1).latest?.year).toBe(2564);
    expect(kpiOf(e, k2).latest?.year).toBe(2565);
  });

  it('sums up each strategic issue and the whole plan with the weighted score', () => {
    const { rows, a, b } = workedPlan();
    const e = evaluatePlan(rows, YEARS, DEFAULT_THRESHOLDS);
    const [issueA, issueB] = e.issues;
    expect(issueA!.issue).toBe(a);
    // Latest: k1 level 4 (not achieved), k2 level 5 (achieved): (0.6 × 4 + 0.4 × 5) ÷ 1 = 4.4.
    expect(issueA!.latest).toEqual({ counted: 2, achieved: 1, shareAchieved: 0.5, weightedScore: 4.4 });
    // 2563: k1 level 5, k2 level 4 → 0.6 × 5 + 0.4 × 4 = 4.6; 2565: only k2 has data.
    expect(issueA!.byYear.get(2563)!.weightedScore).toBeCloseTo(4.6, 10);
    expect(issueA!.byYear.get(2565)).toEqual({ counted: 1, achieved: 1, shareAchieved: 1, weightedScore: 5 });
    // B is unweighted: its two KPIs weigh ½ each; only k3 (5 of 10 → 50 %, level 1) has data.
    expect(issueB!.issue).toBe(b);
    expect(issueB!.kpis.map((k) => k.weight)).toEqual([0.5, 0.5]);
    expect(issueB!.latest).toEqual({ counted: 1, achieved: 0, shareAchieved: 0, weightedScore: 1 });
    // Overall: (0.6 × 4 + 0.4 × 5 + 0.5 × 1) ÷ 1.5 = 3.2667; one of three with data achieved.
    expect(e.overall.latest.counted).toBe(3);
    expect(e.overall.latest.shareAchieved).toBeCloseTo(1 / 3, 10);
    expect(e.overall.latest.weightedScore).toBeCloseTo(4.9 / 1.5, 10);
    expect(e.overall.kpis).toHaveLength(4);
  });

  it('levels follow the plan’s own thresholds', () => {
    const { rows, k3 } = workedPlan();
    expect(kpiOf(evaluatePlan(rows, YEARS, [50, 60, 70, 90]), k3).years[0]!.result.level).toBe(2);
    expect(kpiOf(evaluatePlan(rows, YEARS, DEFAULT_THRESHOLDS), k3).years[0]!.result.level).toBe(1);
  });

  it('flags issues whose KPI weights neither sum to 1.00 nor are all 0', () => {
    const issue = row('prevIssue', null, { name: 'ก' });
    const goal = row('prevGoal', issue.id, { name: 'ข' });
    const kpis = [0.1, 0.2, 0.7].map((weight) => row('prevKpi', goal.id, { name: 'ค', weight }));
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in floating point: still 1.00.
    expect(weightIssues([issue, goal, ...kpis])).toEqual([]);
    const off = row('prevKpi', goal.id, { name: 'ง', weight: 0.3 });
    expect(weightIssues([issue, goal, ...kpis, off])).toEqual([{ issue, sum: expect.closeTo(1.3, 10) }]);
    expect(weightIssues(workedPlan().rows)).toEqual([]);
  });

  it('lists KPIs with no target in any year of the period', () => {
    const { rows, k4 } = workedPlan();
    const outside = row('prevKpiYear', k4.id, { year: 2560, target: 5, actual: 5 }, `${k4.id}:2560`);
    expect(kpisWithoutTarget([...rows, outside], YEARS)).toEqual([k4]);
  });

  it('draws the achievement chart with every label escaped and Thai clusters kept whole', () => {
    const svg = achievementChartSvg({
      title: 'ผลการดำเนินงาน <ตามประเด็น>',
      bars: [
        { label: 'ประเด็น "A" & B', share: 0.5, value: '50.0% · คะแนน 4.40' },
        { label: 'ภาพรวม', share: null, value: 'ยังไม่มีข้อมูล', total: true },
      ],
    });
    expect(svg).toContain('font-family="Sarabun"');
    expect(svg).toContain('ประเด็น &quot;A&quot; &amp; B');
    expect(svg).toContain('&lt;ตามประเด็น&gt;');
    expect(svg).not.toContain('<ตาม');
    expect(svg.match(/data-share="0.5"/g)).toHaveLength(1);
    // "ที่" is one grapheme cluster: shortening never leaves the tone mark alone.
    const style = { fontSize: 14 };
    expect(shorten('ที่ที่ที่', textWidth('ที่…', style), style)).toBe('ที่…');
    expect(shorten('ที่ที่ที่', textWidth('ที่ที่ที่', style), style)).toBe('ที่ที่ที่');
  });
});

describe('the achievement chart', () => {
  it('keeps every label and value inside the chart, a name too long for it cut with "…", in either digit set', () => {
    const long =
      'ประเด็นยุทธศาสตร์ที่ 1 การสื่อสารนโยบายและผลการดำเนินงานของกรุงเทพมหานครอย่างทั่วถึง ถูกต้อง ทันเหตุการณ์ และตรงกับความต้องการของประชาชนทุกกลุ่มในพื้นที่ 50 เขต';
    for (const width of [720, 560]) {
      const svg = achievementChartSvg({
        title: 'ผลการดำเนินงาน',
        width,
        bars: [
          { label: long, share: 0.667, value: '66.7% · คะแนน 3.50' },
          { label: 'ภาพรวมทั้งแผน', share: 1, value: '100.0% · คะแนน 4.47', total: true },
        ],
      });
      for (const drawn of [svg, thaiDigitsInSvg(svg)]) {
        const texts = [...drawn.matchAll(/<text x="([\d.]+)"[^>]*?(font-weight="700")?[^>]*>([^<]+)<\/text>/g)];
        const labels = texts.filter((m) => !m[0].includes('text-anchor'));
        expect(labels).toHaveLength(4);
        for (const [, x, bold, text] of labels) {
          const right = Number(x) + textWidth(text!, { fontSize: 14, bold: bold !== undefined });
          expect(right, text).toBeLessThanOrEqual(width);
        }
        expect(labels[0]![3]).toMatch(/…$/);
        expect(labels[2]![3]).toBe('ภาพรวมทั้งแผน');
      }
    }
  });
});

describe('pasting the previous plan from Excel', () => {
  const TWO_YEARS = [2563, 2564];
  const good = [
    'ประชาสัมพันธ์เชิงรุก\tประชาชนรับรู้\tร้อยละการรับรู้\tร้อยละ\tสูงดี\t0.6\t๘๐\t๘๕.๕\t90\t',
    'ประชาสัมพันธ์เชิงรุก\tประชาชนรับรู้\tจำนวนเรื่องร้องเรียน\tเรื่อง\tต่ำดี\t40%\t1,200\t๑,๓๐๐\t-\t',
  ];

  it('maps good rows, Thai digits, thousands separators and percent weights, and skips a header', () => {
    const header = 'ประเด็น\tเป้าประสงค์\tตัวชี้วัด\tหน่วย\tทิศทาง\tน้ำหนัก\tเป้า 2563\tผล 2563';
    const { kpis, problems } = parseKpiPaste([header, ...good].join('\r\n'), TWO_YEARS, []);
    expect(problems).toEqual([{ line: 1, reason: 'header' }]);
    expect(kpis).toEqual([
      {
        line: 2,
        issue: 'ประชาสัมพันธ์เชิงรุก',
        goal: 'ประชาชนรับรู้',
        name: 'ร้อยละการรับรู้',
        unit: 'ร้อยละ',
        direction: 'higher',
        weight: 0.6,
        years: [
          { year: 2563, target: 80, actual: 85.5 },
          { year: 2564, target: 90, actual: null },
        ],
      },
      expect.objectContaining({
        line: 3,
        direction: 'lower',
        weight: 0.4,
        years: [
          { year: 2563, target: 1200, actual: 1300 },
          { year: 2564, target: null, actual: null },
        ],
      }),
    ]);
  });

  it('lists every row it will not add, with the reason', () => {
    const lines = [
      'ก\tข\tค\tคน\tดี\t0.5\t1\t1',
      'ก\tข\tค\tคน\tสูงดี\t1.5\t1\t1',
      'ก\tข\tค\tคน\tสูงดี\t0.5\tabc\t1',
      'ก\tข\tค\tคน\tสูงดี\t0.5\t1\t1\t1\t1\t1',
      'ก\tข\tค',
      'ก\tข\t \tคน\tสูงดี\t0.5',
      'ก\tข\tง\tคน\thigher\t0.5\t1\t1',
      'ก\tข\tง\tคน\tlower\t0.5\t2\t2',
      'ก\tข\tเดิม\tคน\tlower\t0\t2\t2',
      'ก\tข\tจ\tคน\tlower\t0.5\t2\t๑x',
    ];
    const issue = row('prevIssue', null, { name: 'ก' });
    const goal = row('prevGoal', issue.id, { name: 'ข' });
    const kpi = row('prevKpi', goal.id, { name: 'เดิม' });
    const { kpis, problems } = parseKpiPaste(lines.join('\n'), TWO_YEARS, [issue, goal, kpi]);
    expect(kpis.map((k) => k.line)).toEqual([7]);
    expect(problems).toEqual([
      { line: 1, reason: 'direction', values: { cell: 'ดี' } },
      { line: 2, reason: 'weight', values: { cell: '1.5' } },
      { line: 3, reason: 'number', values: { column: 'target', year: 2563, cell: 'abc' } },
      { line: 4, reason: 'tooManyColumns', values: { count: 11, expected: 10 } },
      { line: 5, reason: 'tooFewColumns', values: { count: 3, expected: 10 } },
      { line: 6, reason: 'empty', values: { column: 'kpi' } },
      { line: 8, reason: 'duplicate', values: { first: 7 } },
      { line: 9, reason: 'exists', values: { name: 'เดิม' } },
      { line: 10, reason: 'number', values: { column: 'actual', year: 2563, cell: '๑x' } },
    ]);
    expect(kpis.length + problems.length).toBe(lines.length);
  });

  it('creates issue, goal, KPIs and years as one undoable action, reusing an issue of the same name', async () => {
    const store = await openStore(tempDir());
    const planId = createPlan(store, bmaDraft).id;
    const [issue] = createRows(store, planId, [{ entity: 'prevIssue', values: { name: 'ประชาสัมพันธ์เชิงรุก' } }]);
    const before = listRows(store, planId);
    const { kpis } = parseKpiPaste(good.join('\n'), TWO_YEARS, before);
    const batch = pasteCreation(kpis, before, randomUUID);
    expect(batch.map((r) => r.entity)).toEqual([
      'prevGoal',
      'prevKpi',
      'prevKpiYear',
      'prevKpiYear',
      'prevKpi',
      'prevKpiYear',
    ]);
    expect(batch[0]!.parentId).toBe(issue!.id);
    createRows(store, planId, batch);

    const e = evaluatePlan(listRows(store, planId), TWO_YEARS, DEFAULT_THRESHOLDS);
    expect(e.issues).toHaveLength(1);
    expect(e.overall.kpis.map((k) => k.years.map((y) => y.result.percent))).toEqual([
      [106.875, null],
      [(1200 * 100) / 1300, null],
    ]);
    store.oplog.undoLast();
    expect(listRows(store, planId).map((r) => r.id)).toEqual([issue!.id]);
    // A caller-chosen id that is already taken is refused, never overwritten.
    expect(() => createRows(store, planId, [{ entity: 'prevIssue', id: issue!.id, values: { name: 'อื่น' } }])).toThrow(
      /exists/,
    );
    store.close();
  });
});
