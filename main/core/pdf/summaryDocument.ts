import type { Block, Cell, DocModel, TableNode } from '../doc/model.ts';
import { wrapText } from '../charts/textWidth.ts';
import type { Row } from '../rows.ts';
import { formatThaiDate } from '../thaiDate.ts';
import { formatPeriod } from '../years.ts';
import { DEFAULT_STYLE, grid, PAGE_HEIGHT, PAGE_WIDTH } from './blocks.ts';
import { amount, withUnit } from './format.ts';
import { documentInfo } from './info.ts';
import { num, planView, str, type BuildInput, type PlanView } from './source.ts';

/**
 * The one-page summary handed out at district offices: the plan's vision, then per strategic issue its goals
 * and headline KPIs with their targets. It must stay one A4 page whatever the plan's size, so the layout is
 * chosen before pdfmake sees it: heights are estimated with Sarabun's own advance widths and Thai word
 * breaks (charts/textWidth.ts), and the first of these that fits is used: every KPI, the first KPI of each
 * goal, goals only, each a step smaller; as a last resort goals, then issues, are cut with a note of how many
 * are left out (the full plan has them all).
 */

const CM = 72 / 2.54;
const MARGINS: [number, number, number, number] = [2.5 * CM, 1.5 * CM, 2 * CM, 1.5 * CM];
const WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
const HEIGHT = PAGE_HEIGHT - MARGINS[1] - MARGINS[3];
/** Sarabun's line: (ascent − descent) / em = (1068 + 232) / 1000, times the document's line height. */
const LINE = 1.3 * DEFAULT_STYLE.lineHeight;
const TARGET_WIDTH = 120;
/** Estimates err on the safe side: a summary that spills onto a second page has failed. */
const SAFETY = 0.92;

type KpiChoice = 'all' | 'headline' | 'none';
interface Fit {
  readonly kpis: KpiChoice;
  readonly size: number;
}
const FITS: readonly Fit[] = [
  { kpis: 'all', size: 13 },
  { kpis: 'all', size: 12 },
  { kpis: 'headline', size: 12 },
  { kpis: 'headline', size: 11 },
  { kpis: 'none', size: 11 },
  { kpis: 'none', size: 10 },
];

export function buildSummaryDocument({ source, options, t }: BuildInput): DocModel {
  const view = planView(source);
  const { plan } = view;
  const lines = (text: string, width: number, size: number, bold = false) =>
    Math.max(1, wrapText(text, width, { fontSize: size, bold }).length);

  const titleBlock: Block[] = [
    { text: plan.organisation, fontSize: 13, bold: true, color: '#1f4e8c', alignment: 'center' },
    { text: plan.title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
    ...(plan.title.includes(String(plan.startYear)) && plan.title.includes(String(plan.endYear))
      ? []
      : [
          {
            text: t('pdf.doc.cover.period', { period: formatPeriod(plan.startYear, plan.endYear) }),
            fontSize: 14,
            bold: true,
            alignment: 'center' as const,
          },
        ]),
    { text: t('pdf.summary.heading'), fontSize: 14, alignment: 'center', color: '#444444', margin: [0, 2, 0, 8] },
  ];
  let used =
    (lines(plan.organisation, WIDTH, 13, true) * 13 + lines(plan.title, WIDTH, 18, true) * 18 + 16 + 14) * LINE + 12;

  const vision = view.single('vision').text.trim();
  const visionBlock: Block[] = vision
    ? [
        { text: t('pdf.doc.plan.vision'), bold: true, fontSize: 14 },
        grid(
          ['*'],
          [
            [
              {
                text: vision,
                bold: true,
                alignment: 'center',
                fontSize: 14,
                fillColor: '#eef3fa',
                margin: [8, 4, 8, 4],
              },
            ],
          ],
          { margin: [0, 2, 0, 8] },
        ),
      ]
    : [];
  if (vision) used += 14 * LINE + lines(vision, WIDTH - 24, 14, true) * 14 * LINE + 20;

  const budget = HEIGHT * SAFETY - used - 30;
  const issues = view.all('strategicIssue');
  const fits = (f: Fit, cut: Cut) => issuesHeight(t, view, issues, f, lines, cut) <= budget;
  const whole = FITS.find((f) => fits(f, NO_CUT));
  const fit = whole ?? FITS.at(-1)!;
  const cut = whole ? NO_CUT : cutToFit(view, issues, (c) => fits(fit, c));

  const body: Block[] = issues.slice(0, cut.issues).map((issue) => issueTable(t, view, issue, fit, cut.goals));
  if (issues.length > cut.issues) {
    body.push({
      text: t('pdf.summary.moreIssues', { count: issues.length - cut.issues }),
      italics: true,
      margin: [0, 0, 0, 4],
    });
  }
  const note =
    fit.kpis === 'headline' ? t('pdf.summary.headlineNote') : fit.kpis === 'none' ? t('pdf.summary.noKpiNote') : '';
  return {
    ...documentInfo({
      title: `${t('pdf.summary.heading')}: ${plan.title}`,
      subject: t('pdf.summary.heading'),
      plan,
      language: options.language,
      t,
    }),
    orientation: 'portrait',
    margins: MARGINS,
    setting: 'handout',
    fontSize: fit.size,
    numbering: { digits: options.thaiDigits ? 'thai' : 'arabic', firstPage: 1 },
    thaiDigits: options.thaiDigits,
    content: [
      ...titleBlock,
      ...visionBlock,
      ...(issues.length
        ? [{ text: t('pdf.doc.plan.issues'), bold: true, fontSize: 14, margin: [0, 0, 0, 2] } as Block]
        : []),
      ...body,
      {
        text: [note, t('pdf.summary.printed', { date: formatThaiDate(options.date) })].filter(Boolean).join(' '),
        fontSize: 10,
        color: '#555555',
        margin: [0, 4, 0, 0],
      },
    ],
  };
}

type Lines = (text: string, width: number, size: number, bold?: boolean) => number;

/** How much of the plan the summary shows when even its smallest layout is too long: goals per issue, issues. */
interface Cut {
  readonly goals: number;
  readonly issues: number;
}
const NO_CUT: Cut = { goals: Infinity, issues: Infinity };

function chosenKpis(view: PlanView, goal: Row, choice: KpiChoice): Row[] {
  const kpis = view.children('kpi', goal.id);
  return choice === 'all' ? kpis : choice === 'headline' ? kpis.slice(0, 1) : [];
}

/** Estimated height of the issue tables in points: each row's wrapped lines plus cell padding and rules. */
function issuesHeight(
  t: BuildInput['t'],
  view: PlanView,
  issues: readonly Row[],
  fit: Fit,
  lines: Lines,
  cut: Cut,
): number {
  // Measured on rendered pages: cell padding, rules and line spacing add about 5.5 pt to each row's lines.
  const row = (n: number) => n * fit.size * LINE + 5.5;
  let height = 0;
  for (const issue of issues.slice(0, cut.issues)) {
    height += row(lines(`${view.numbers.get(issue.id)} ${str(issue, 'name')}`, WIDTH - 8, fit.size, true)) + 10;
    for (const goal of view.children('goal', issue.id).slice(0, cut.goals)) {
      height += row(lines(`${view.numbers.get(goal.id)} ${str(goal, 'name')}`, WIDTH - 8, fit.size, true));
      for (const kpi of chosenKpis(view, goal, fit.kpis)) {
        height += row(
          Math.max(
            lines(`${view.numbers.get(kpi.id)} ${str(kpi, 'name')}`, WIDTH - TARGET_WIDTH - 16, fit.size),
            lines(targetText(view, kpi, t), TARGET_WIDTH - 8, fit.size),
          ),
        );
      }
    }
    if (view.children('goal', issue.id).length > cut.goals) height += row(1);
  }
  if (issues.length > cut.issues) height += row(1);
  return height;
}

/** The most goals per issue that fit, down to none; then the most issues (at least one). */
function cutToFit(view: PlanView, issues: readonly Row[], fits: (cut: Cut) => boolean): Cut {
  for (let goals = Math.max(0, ...issues.map((i) => view.children('goal', i.id).length)); goals >= 0; goals--) {
    if (fits({ goals, issues: Infinity })) return { goals, issues: Infinity };
  }
  let count = issues.length;
  while (count > 1 && !fits({ goals: 0, issues: count })) count -= 1;
  return { goals: 0, issues: count };
}

/** "ร้อยละ 80" for the whole plan, else the last plan year's target with its year. */
function targetText(view: PlanView, kpi: Row, t: BuildInput['t']): string {
  const unit = str(kpi, 'unit');
  const period = num(kpi, 'periodTarget');
  if (period !== null) return withUnit(amount(period), unit);
  // A target kept for a year the plan no longer has (planContent.targetOutsidePeriod) is not the last year's.
  const targets = view
    .children('kpiTarget', kpi.id)
    .filter((r) => num(r, 'target') !== null && view.years.includes(num(r, 'year') ?? 0));
  const last = targets.sort((a, b) => (num(a, 'year') ?? 0) - (num(b, 'year') ?? 0)).at(-1);
  if (!last) return '–';
  return t('pdf.summary.targetInYear', {
    value: withUnit(amount(num(last, 'target')), unit),
    year: num(last, 'year'),
  });
}

function issueTable(t: BuildInput['t'], view: PlanView, issue: Row, fit: Fit, maxGoals: number): TableNode {
  const goals = view.children('goal', issue.id);
  const body: Cell[][] = [
    [
      {
        text: `${t('pdf.doc.plan.issueN', { n: view.numbers.get(issue.id) ?? '' })} ${str(issue, 'name')}`,
        colSpan: 2,
        bold: true,
        color: '#ffffff',
        fillColor: '#1f4e8c',
      },
      { text: '' },
    ],
  ];
  for (const goal of goals.slice(0, maxGoals)) {
    const kpis = chosenKpis(view, goal, fit.kpis);
    body.push([
      {
        text: `${t('pdf.doc.plan.goal')} ${view.numbers.get(goal.id) ?? ''} ${str(goal, 'name')}`,
        colSpan: kpis.length ? 1 : 2,
        bold: true,
        fillColor: '#eef3fa',
      },
      kpis.length
        ? { text: t('pdf.summary.target'), bold: true, alignment: 'center', fillColor: '#eef3fa' }
        : { text: '' },
    ]);
    for (const kpi of kpis) {
      body.push([
        { text: `${view.numbers.get(kpi.id) ?? ''} ${str(kpi, 'name')}`, margin: [8, 0, 0, 0] },
        { text: targetText(view, kpi, t), alignment: 'center' },
      ]);
    }
  }
  if (goals.length > maxGoals) {
    body.push([
      { text: t('pdf.summary.moreGoals', { count: goals.length - maxGoals }), colSpan: 2, italics: true },
      { text: '' },
    ]);
  }
  return grid(['*', TARGET_WIDTH], body, { dontBreakRows: true, margin: [0, 0, 0, 6] });
}
