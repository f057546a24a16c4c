import type { Block, Column } from '../../doc/model.ts';
import { achievementChartSvg } from '../../charts/achievementChart.ts';
import { DEFAULT_THRESHOLDS, thresholdsValid, type Summary } from '../../evaluation.ts';
import { evaluatePlan, previousYears, type GroupEvaluation, type KpiEvaluation } from '../../previousPlan.ts';
import { formatPeriod } from '../../years.ts';
import {
  CONTENT_WIDTH,
  chartUnitsFor,
  figure,
  groupRow,
  keptWithNext,
  paragraph,
  table,
  type Cell,
} from '../blocks.ts';
import { percent, two, amount } from '../format.ts';
import { thaiDigitsInSvg } from '../digits.ts';
import type { Chapter, Section } from '../outline.ts';
import { str, type Ctx } from '../source.ts';

/**
 * Chapter 2, evaluation of the previous plan (ผลการประเมินแผนระยะก่อน): the summary per strategic issue with
 * the achievement chart the wizard draws, then each issue's KPIs year by year (target, result, achievement,
 * level, status), then the problems and ways forward the working group recorded. Figures from
 * core/previousPlan.ts, so paper and screen agree. Left out when the plan has no previous period or no KPIs.
 */
export function evaluationChapter({ t, view, options }: Ctx): Chapter | null {
  const { thaiDigits } = options;
  const years = previousYears(view.plan);
  if (years.length === 0 || view.all('prevKpi').length === 0) return null;
  const { levelThresholds } = view.single('planOptions');
  const thresholds = thresholdsValid(levelThresholds) ? levelThresholds : DEFAULT_THRESHOLDS;
  const evaluation = evaluatePlan(view.rows, years, thresholds);
  const dash = t('evaluation.dash');
  const groups = [...evaluation.issues, evaluation.overall];
  const issueName = (g: GroupEvaluation, i: number) =>
    g.issue ? `${t('evaluation.issueN', { number: i + 1 })} ${str(g.issue, 'name')}` : t('evaluation.overall');
  const share = (s: Summary) => (s.shareAchieved === null ? null : s.shareAchieved * 100);
  const overall = evaluation.overall.latest;

  const summaryTable = table(
    [
      { header: t('evaluation.summaryIssue'), width: '*' },
      // As wide as the widest figure or head word printed (blocks.ts fit; heads then wrap to two lines at most),
      // so the issue names get the rest: at fixed widths of 46-58 pt they took three lines each.
      figures(t('evaluation.summaryKpis')),
      figures(t('evaluation.summaryCounted')),
      figures(t('evaluation.summaryAchieved')),
      figures(t('evaluation.summaryShare')),
      figures(t('evaluation.summaryScore')),
    ],
    groups.map((g, i) => {
      const cells: Cell[] = [
        issueName(g, i),
        String(g.kpis.length),
        String(g.latest.counted),
        String(g.latest.achieved),
        percent(share(g.latest), dash),
        two(g.latest.weightedScore, dash),
      ];
      return g.issue ? cells : cells.map((c) => ({ text: String(c), style: 'tableTotal' }));
    }),
    { thaiDigits, caption: t('evaluation.summaryCaption') },
  );

  const chart = achievementChartSvg({
    title: t('evaluation.chartTitle'),
    // Scaled to the text width, its 14 px labels print at the tables' size (chartUnitsFor).
    width: Math.round(chartUnitsFor(CONTENT_WIDTH)),
    bars: groups.map((g, i) => ({
      label: issueName(g, i),
      share: g.latest.shareAchieved,
      total: g.issue === null,
      value:
        g.latest.shareAchieved === null
          ? t('evaluation.chartNoData')
          : t('evaluation.chartValue', { share: percent(share(g.latest)), score: two(g.latest.weightedScore, dash) }),
    })),
  });

  const byYearTable = table(
    [
      { header: t('evaluation.summaryIssue'), width: '*' },
      ...years.map((year) => figures(t('evaluation.yearHead', { year }))),
    ],
    groups.map((g, i) => [issueName(g, i), ...years.map((year) => percent(share(g.byYear.get(year)!), dash))]),
    { thaiDigits, caption: t('evaluation.byYear') },
  );

  const summary: Section = {
    title: t('pdf.doc.evaluation.summary'),
    body: [
      paragraph(
        t('pdf.doc.evaluation.summaryLead', {
          period: formatPeriod(years[0]!, years.at(-1)!),
          kpis: evaluation.overall.kpis.length,
          counted: overall.counted,
          achieved: overall.achieved,
          share: percent(share(overall), dash),
          score: two(overall.weightedScore, dash),
        }),
      ),
      summaryTable,
      figure(thaiDigits ? thaiDigitsInSvg(chart) : chart, t('evaluation.chartTitle')),
      byYearTable,
      {
        text: t('pdf.doc.evaluation.criteria', {
          l2: thresholds[0],
          l3: thresholds[1],
          l4: thresholds[2],
          l5: thresholds[3],
        }),
        style: 'note',
      },
    ],
  };

  const issueSections: Section[] = evaluation.issues.map((group, i) => ({
    title: issueName(group, i),
    body: [kpiTable(t, group, years, i + 1, dash, thaiDigits, issueName(group, i))],
  }));

  const withProblems = evaluation.overall.kpis.filter(
    (k) => str(k.kpi, 'problems') !== '' || str(k.kpi, 'wayForward') !== '',
  );
  const problems: Section = {
    title: t('pdf.doc.evaluation.problems'),
    body:
      withProblems.length === 0
        ? []
        : [
            table(
              [
                { header: t('evaluation.kpi'), width: 130 },
                { header: t('evaluation.problems'), width: '*' },
                { header: t('evaluation.wayForward'), width: '*' },
              ],
              withProblems.map((k) => [str(k.kpi, 'name'), str(k.kpi, 'problems'), str(k.kpi, 'wayForward')]),
              { caption: t('pdf.doc.evaluation.problems'), thaiDigits },
            ),
          ],
  };

  return {
    id: 'evaluation',
    title: t('pdf.doc.chapter.evaluation'),
    intro: [paragraph(t('pdf.doc.evaluation.lead', { period: formatPeriod(years[0]!, years.at(-1)!) }))],
    sections: [summary, ...issueSections, problems],
  };
}

/**
 * One issue's KPIs under their goals: each KPI's name across the table, then a row per year (target,
 * result, achievement, level, status). Six narrow columns of figures leave the name the full width.
 */
function kpiTable(
  t: Ctx['t'],
  group: GroupEvaluation,
  years: readonly number[],
  issueNumber: number,
  dash: string,
  thaiDigits: boolean,
  caption: string,
): Block {
  const rows: Cell[][] = [];
  let goalId = '';
  let goalIndex = 0;
  let kpiIndex = 0;
  for (const k of group.kpis) {
    if (k.goal.id !== goalId) {
      goalId = k.goal.id;
      goalIndex += 1;
      kpiIndex = 0;
      rows.push(
        groupRow(`${t('evaluation.goalN', { number: `${issueNumber}.${goalIndex}` })} ${str(k.goal, 'name')}`, 6),
      );
    }
    kpiIndex += 1;
    rows.push(...kpiRows(t, k, years, `${issueNumber}.${goalIndex}.${kpiIndex}`, dash));
  }
  return table(
    [
      { header: t('pdf.doc.evaluation.year'), width: 52, align: 'center', fit: true },
      { header: t('evaluation.target'), width: 74, align: 'right', fit: true },
      { header: t('evaluation.actual'), width: 74, align: 'right', fit: true },
      { header: t('evaluation.percent'), width: 56, align: 'right', fit: true },
      { header: t('evaluation.level'), width: 40, align: 'center', fit: true },
      { header: t('evaluation.status'), width: '*', align: 'center' },
    ],
    rows,
    { thaiDigits, caption },
  );
}

/** A centred column of figures, as wide as its widest value or head word as printed (blocks.ts `fit`). */
function figures(header: string): Column {
  return { header, width: 0, align: 'center', fit: true };
}

function kpiRows(t: Ctx['t'], k: KpiEvaluation, years: readonly number[], number: string, dash: string): Cell[][] {
  const unit = str(k.kpi, 'unit');
  // The KPI's name stays on one page with its years.
  const name = keptWithNext([
    { text: `${number} ${str(k.kpi, 'name')}${unit ? ` (${unit})` : ''}`, colSpan: 6, alignment: 'left' },
    ...Array.from({ length: 5 }, () => ({ text: '' })),
  ]);
  return [
    name,
    ...years.map((year): Cell[] => {
      const y = k.years.find((r) => r.year === year)!;
      return [
        String(year),
        amount(y.target, dash),
        amount(y.actual, dash),
        percent(y.result.percent, dash),
        y.result.level === null ? dash : String(y.result.level),
        t(`evaluation.statuses.${y.result.status}`),
      ];
    }),
  ];
}
