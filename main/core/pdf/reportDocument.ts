import { achievementTrendSvg, disbursementTrendSvg } from '../charts/monitoringCharts.ts';
import type { ChartDigits } from '../charts/svg.ts';
import type { OfficeQuarter } from '../arrivals.ts';
import type { Block, Cell, DocModel, Heading } from '../doc/model.ts';
import { AppError } from '../errors.ts';
import type { Light } from '../monitoring.ts';
import { monitoringRows, type KpiStanding, type ProjectStanding } from '../monitoringPlan.ts';
import {
  narratives,
  periodReport,
  reportPeriodProblem,
  standingWords,
  statusWords,
  STATUS_GROUPS,
  throughOf,
  trend,
  type GroupSummary,
  type PeriodReport,
  type ReportPeriod,
} from '../monitoringReport.ts';
import { quarterSpan } from '../monitoring.ts';
import { formatThaiDate } from '../thaiDate.ts';
import {
  chartUnitsFor,
  CONTENT_WIDTH,
  figure,
  groupRow,
  LANDSCAPE_WIDTH,
  lead,
  PAGE_MARGINS,
  paragraph,
  table,
  type Column,
} from './blocks.ts';
import { numberCaptions } from './captions.ts';
import { amount, baht, percent, withUnit } from './format.ts';
import { documentInfo } from './info.ts';
import type { Translate } from './options.ts';
import { planView, str, type BuildInput, type PlanView } from './source.ts';
import { NO_BREAK_SPACE } from './text.ts';

/**
 * The progress report (รายงานผลการดำเนินงานตามแผน) of one quarter or one fiscal year of an adopted plan, built
 * once from the monitoring figures (core/monitoringReport.ts) as the document model, so the PDF and the Word
 * file say the same: a cover, then four parts: the summary per strategic issue (KPIs by status, achievement,
 * budget disbursed against plan) with the trend charts of the dashboard, every KPI's target, result,
 * achievement, light (in words) and status in the plan's order, every project's money and progress, and the
 * problems and ways forward the offices wrote for the period.
 */

const LIGHT_FILL: Record<Light, string | undefined> = {
  green: '#dff0d8',
  amber: '#fcf0c8',
  red: '#f6d5d8',
  none: undefined,
};

/** The report's period in words: "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568" or "ประจำปีงบประมาณ พ.ศ. 2568". */
export function reportPeriodName(t: Translate, period: ReportPeriod): string {
  return period.quarter === null
    ? t('monitoring.report.annualPeriod', { year: period.year })
    : t('monitoring.report.quarterPeriod', { quarter: period.quarter, year: period.year });
}

export function buildReportDocument({ source, options, t }: BuildInput): DocModel {
  const view = planView(source);
  const { plan } = view;
  const planOptions = view.single('planOptions');
  const period = options.period;
  if (!period) throw new AppError('invalid-input', 'a progress report needs a fiscal year');
  const problem = reportPeriodProblem(plan, planOptions.adoptedOn, period);
  if (problem)
    throw new AppError('invalid-input', `cannot report ${JSON.stringify(period)}: ${problem}`, { _: problem });

  // The rows indexed once for the period and its trend.
  const index = monitoringRows(view.rows);
  const offices = source.offices ?? [];
  const report = periodReport(
    index,
    period,
    planOptions.levelThresholds,
    offices.length ? { offices, today: options.date, dueDays: planOptions.reportDueDays } : null,
  );
  const points = trend(index, plan.startYear, period, planOptions.levelThresholds);
  const periodName = reportPeriodName(t, period);
  const title = t('monitoring.report.title', { plan: plan.title });

  const part = (i: number, key: 'summary' | 'kpis' | 'projects' | 'problems', landscape = false): Heading => ({
    kind: 'heading',
    level: 1,
    number: t('monitoring.report.partN', { n: i + 1 }),
    title: t(`monitoring.report.part.${key}`),
    id: `report-${key}`,
    pageBreak: true,
    orientation: landscape ? 'landscape' : 'portrait',
  });
  const span = {
    from: formatThaiDate(quarterSpan({ fiscalYear: period.year, quarter: 1 }).first),
    to: formatThaiDate(quarterSpan({ fiscalYear: period.year, quarter: throughOf(period) }).last),
  };

  const content: Block[] = [
    {
      kind: 'cover',
      title,
      period: periodName,
      organisation: plan.organisation,
      date: t('pdf.doc.cover.date', { date: formatThaiDate(options.date) }),
    },
    part(0, 'summary'),
    paragraph(
      t('monitoring.report.lead', {
        adopted: formatThaiDate(planOptions.adoptedOn!),
        from: span.from,
        to: span.to,
        kpis: report.kpis.length,
        projects: report.projects.length,
      }),
    ),
    ...summaryPart(
      t,
      report,
      options.thaiDigits,
      points.length ? { view, points, digits: options.thaiDigits ? 'thai' : 'arabic' } : null,
    ),
    part(1, 'kpis', true),
    ...kpiPart(t, view, report, options.thaiDigits),
    ...(report.projects.length ? [part(2, 'projects', true), ...projectPart(t, report, options.thaiDigits)] : []),
    part(report.projects.length ? 3 : 2, 'problems'),
    ...problemsPart(t, view, period),
  ];
  const { content: body } = numberCaptions(content, t);
  return {
    ...documentInfo({
      title: `${title} ${periodName}`,
      subject: t('monitoring.report.subject'),
      plan,
      language: options.language,
      t,
    }),
    orientation: 'portrait',
    margins: PAGE_MARGINS,
    setting: 'plan',
    runningHead: `${t('monitoring.report.runningHead')} ${periodName}`,
    numbering: {
      digits: options.thaiDigits ? 'thai' : 'arabic',
      firstPage: 2,
      bodyStart: 'report-summary',
      unnumberedLabel: t('pdf.doc.cover.pageLabel'),
    },
    thaiDigits: options.thaiDigits,
    content: body,
  };
}

/**
 * A column of figures (a number with its unit, a percentage, baht) as wide as the widest it prints and its head's
 * longest word, no wider (blocks.ts columnWidths): the names' column takes the rest and wraps instead.
 */
const figures = (header: string, align: Column['align'] = 'right'): Column => ({ header, width: 0, align, fit: true });
/** A column of a few words (a light, a status) sized the same way: short phrases that read best on one line. */
const words = (header: string): Column => ({ header, width: 0, fit: true });

const issueLabel = (t: Translate, issue: GroupSummary) =>
  issue.number ? `${issue.number} ${issue.name}` : t('monitoring.allIssues');

/** Percent of a whole, null when the whole is nothing. */
const share = (part: number, whole: number | null) => (whole ? (part * 100) / whole : null);

function summaryPart(
  t: Translate,
  report: PeriodReport,
  thaiDigits: boolean,
  trends: { view: PlanView; points: ReturnType<typeof trend>; digits: ChartDigits } | null,
): Block[] {
  const rows = [...report.issues, report.total];
  const totalRow = (issue: GroupSummary, cells: Cell[]): Cell[] =>
    issue.number ? cells : cells.map((c) => (typeof c === 'string' ? { text: c, style: 'tableTotal' } : c));
  const statusTable = table(
    [
      { header: t('monitoring.issue'), width: '*' },
      figures(t('monitoring.kpiCount'), 'center'),
      ...STATUS_GROUPS.map((g) => figures(t(`monitoring.report.statusGroup.${g}`), 'center')),
    ],
    rows.map((issue) =>
      totalRow(issue, [
        issueLabel(t, issue),
        String(issue.kpis.length),
        ...STATUS_GROUPS.map((g) => String(issue.byStatus[g])),
      ]),
    ),
    { caption: t('monitoring.report.statusCaption'), thaiDigits },
  );
  const moneyTable = table(
    [
      { header: t('monitoring.issue'), width: '*' },
      figures(t('monitoring.report.meanAchievement')),
      figures(t('monitoring.report.plannedBudget')),
      figures(t('monitoring.report.disbursed')),
      figures(t('monitoring.report.ofPlan')),
    ],
    rows.map((issue) =>
      totalRow(issue, [
        issueLabel(t, issue),
        percent(issue.achievement),
        baht(issue.planned),
        baht(issue.disbursed),
        percent(issue.disbursedOfPlan),
      ]),
    ),
    { caption: t('monitoring.report.moneyCaption'), thaiDigits },
  );
  const charts: Block[] = trends
    ? [
        figure(
          achievementTrendSvg(
            t,
            trends.points,
            report.issues.map((i) => `${i.number} ${i.name}`),
            { width: chartUnitsFor(CONTENT_WIDTH), digits: trends.digits },
          ),
          t('monitoring.dashboard.achievementTrend'),
        ),
        figure(
          disbursementTrendSvg(t, trends.points, { width: chartUnitsFor(CONTENT_WIDTH), digits: trends.digits }),
          t('monitoring.dashboard.disbursementTrend'),
        ),
      ]
    : [];
  return [
    statusTable,
    paragraph(t('monitoring.report.achievementNote')),
    moneyTable,
    ...(report.offices.length ? [officeTable(t, report, thaiDigits)] : []),
    ...charts,
  ];
}

/**
 * An office's arrival as the offices' reporting step says it: "ล่าช้า (1/2)", the count held to its state by a
 * no-break space so the column is fitted to the whole phrase and never wraps it ("ส่งครบแล้ว / (2/2)"). An
 * office with nothing to report has "–", as the group assigned to no office: its state in words
 * ("ไม่มีรายการที่ต้องรายงาน") would be the column's widest by far and squeeze the offices' names.
 */
const arrivalWords = (t: Translate, { state, arrived, expected }: OfficeQuarter) =>
  state === 'unassigned'
    ? '–'
    : `${t(`monitoring.arrivals.state.${state}`)}${NO_BREAK_SPACE}${t('monitoring.arrivals.count', { arrived, expected })}`;

/**
 * Per reporting office (the secretariat's assignments, as the dashboard groups them): its KPIs' mean
 * achievement, its projects' money, and whether its results of the period's last quarter arrived, by the day
 * of the report.
 */
function officeTable(t: Translate, report: PeriodReport, thaiDigits: boolean): Block {
  const quarter = t('monitoring.quarterN', { quarter: throughOf(report.period) });
  return table(
    [
      { header: t('monitoring.dashboard.office'), width: '*' },
      figures(t('monitoring.kpiCount'), 'center'),
      figures(t('monitoring.report.meanAchievement')),
      figures(t('monitoring.report.plannedBudget')),
      figures(t('monitoring.report.disbursed')),
      figures(t('monitoring.report.ofPlan')),
      words(t('monitoring.dashboard.arrival', { quarter })),
    ],
    report.offices.map((office) => [
      office.name || t('monitoring.dashboard.noOffice'),
      String(office.kpis.length),
      percent(office.achievement),
      baht(office.planned),
      baht(office.disbursed),
      percent(office.disbursedOfPlan),
      office.arrival ? arrivalWords(t, office.arrival) : '–',
    ]),
    { caption: t('monitoring.report.officeCaption', { quarter }), thaiDigits },
  );
}

/** A KPI's row: its number and name, the year's target, what was expected by now, the result, the share, light, status. */
function kpiRow(t: Translate, k: KpiStanding): Cell[] {
  const { progress } = k;
  const light = progress.light;
  return [
    `${k.number} ${k.name}`,
    withUnit(amount(k.target), k.target === null ? '' : k.unit),
    withUnit(amount(progress.expected), progress.expected === null ? '' : k.unit),
    resultCell(t, k),
    percent(progress.achievement.percent),
    { text: standingWords(t, progress), ...(LIGHT_FILL[light] ? { fillColor: LIGHT_FILL[light] } : {}) },
    statusWords(t, k),
  ];
}

/** The result so far; a figure of an earlier quarter than the one judged at names its quarter. */
function resultCell(t: Translate, { progress, unit }: KpiStanding): string {
  const { value, through } = progress.toDate;
  if (value === null) return amount(value);
  const figure = withUnit(amount(value), unit);
  return progress.unreported && through !== null
    ? t('monitoring.report.asOfQuarter', { figure, quarter: t('monitoring.quarterN', { quarter: through }) })
    : figure;
}

function kpiPart(t: Translate, view: PlanView, report: PeriodReport, thaiDigits: boolean): Block[] {
  const columns: Column[] = [
    { header: t('monitoring.kpi'), width: '*' },
    figures(t('monitoring.yearTarget')),
    figures(t('monitoring.expected')),
    figures(t('monitoring.toDate')),
    figures(t('monitoring.report.percentOfExpected')),
    words(t('monitoring.standing')),
    words(t('monitoring.status')),
  ];
  const issues = report.issues.filter((issue) => issue.kpis.length > 0);
  const tables = issues.map((issue) => {
    const rows: Cell[][] = [];
    let goal = '';
    for (const k of issue.kpis) {
      // The goal a KPI serves heads its KPIs: 1.2 of 1.2.3.
      const goalNumber = k.number.split('.').slice(0, 2).join('.');
      if (goalNumber !== goal) {
        goal = goalNumber;
        const goalRow = view.all('goal').find((g) => view.numbers.get(g.id) === goalNumber);
        rows.push(
          groupRow(`${t('pdf.doc.plan.goal')} ${goalNumber} ${goalRow ? str(goalRow, 'name') : ''}`, columns.length),
        );
      }
      rows.push(kpiRow(t, k));
    }
    return rows;
  });
  // One issue's table under another's: the same columns, sized from all of them.
  const sizeFrom = tables.flat();
  return [
    lead(t('monitoring.report.kpiLead')),
    ...issues.map((issue, i) =>
      table(columns, tables[i]!, {
        caption: `${t('monitoring.issueN', { number: issue.number })} ${issue.name}`,
        width: LANDSCAPE_WIDTH,
        thaiDigits,
        sizeFrom,
      }),
    ),
    ...(report.kpis.length === 0 ? [paragraph(t('monitoring.noKpis'))] : []),
  ];
}

function projectRow(t: Translate, p: ProjectStanding): Cell[] {
  return [
    `${p.number} ${p.name}`,
    p.responsibleUnit || '–',
    baht(p.planned),
    baht(p.allocated),
    baht(p.disbursed),
    percent(share(p.disbursed, p.planned)),
    percent(p.progress),
    statusWords(t, p),
  ];
}

function projectPart(t: Translate, report: PeriodReport, thaiDigits: boolean): Block[] {
  const columns: Column[] = [
    { header: t('monitoring.project'), width: '*' },
    { header: t('pdf.doc.plan.responsible'), width: 90 },
    figures(t('monitoring.report.plannedBudget')),
    figures(t('monitoring.report.allocated')),
    figures(t('monitoring.report.disbursed')),
    figures(t('monitoring.report.ofPlan')),
    figures(t('monitoring.report.progress')),
    words(t('monitoring.status')),
  ];
  return [
    lead(t('monitoring.report.projectLead')),
    table(columns, [...report.projects.map((p) => projectRow(t, p))], {
      caption: t('monitoring.report.projectsCaption'),
      width: LANDSCAPE_WIDTH,
      thaiDigits,
    }),
  ];
}

function problemsPart(t: Translate, view: PlanView, period: ReportPeriod): Block[] {
  const items = narratives(view.rows, period);
  if (items.length === 0) return [paragraph(t('monitoring.report.noProblems'))];
  const blocks: Block[] = [];
  let heading = '';
  for (const item of items) {
    const head = `${item.number} ${item.name}`;
    if (head !== heading) {
      heading = head;
      blocks.push({
        text: `${t(item.kind === 'kpi' ? 'monitoring.kpi' : 'monitoring.project')} ${head}`,
        bold: true,
        keepWithNext: true,
        margin: [0, 6, 0, 2],
      });
    }
    blocks.push(
      paragraph(
        period.quarter === null ? `${t('monitoring.quarterN', { quarter: item.quarter })}: ${item.text}` : item.text,
      ),
    );
  }
  return blocks;
}
