import type { Block, Cell } from '../../doc/model.ts';
import { budgetSummariesBy, budgetSummary } from '../../planContent.ts';
import type { Row } from '../../rows.ts';
import {
  type BlockGroup,
  CONTENT_WIDTH,
  bodyTextHeight,
  LANDSCAPE_WIDTH,
  TABLE_SIZE,
  chartUnitsFor,
  grid,
  keptWithNext,
  lead,
  groupRow,
  numbered,
  table,
  tableFits,
  type Column,
  type TableOptions,
  withKeptTail,
  yearRuns,
} from '../blocks.ts';
import { figureCaption } from '../captions.ts';
import { amount, baht } from '../format.ts';
import { fittedMap } from '../mapDocument.ts';
import type { Chapter, Section, Subsection } from '../outline.ts';
import { num, str, type Ctx } from '../source.ts';

/**
 * Chapter 4, the plan itself (สาระสำคัญของแผน): vision, missions, core values, the strategic issues, then per
 * issue its goals, KPIs with one target column per plan year, and strategies; then every project with its
 * yearly budget on landscape pages (the widest table of a plan), and the budget summary. Numbers from
 * core/planContent.ts (1, 1.1, 1.1.1), the same as on screen.
 */
export function planChapter(ctx: Ctx): Chapter | null {
  const { t, view } = ctx;
  const vision = view.single('vision').text.trim();
  const missions = view
    .all('mission')
    .map((m) => str(m, 'text'))
    .filter(Boolean);
  const values = view
    .all('coreValue')
    .map((v) => str(v, 'text'))
    .filter(Boolean);
  const issues = view.all('strategicIssue');
  const name = (row: Row) => `${view.numbers.get(row.id) ?? ''} ${str(row, 'name')}`.trim();
  const projects = projectSection(ctx, name);
  // The pages turn to landscape after the last issue's strategies when the project table follows.
  const turns = projects.landscape === true && projects.body.length > 0;

  const sections: Section[] = [
    { title: t('pdf.doc.plan.vision'), body: vision ? [visionBox(vision)] : [] },
    { title: t('pdf.doc.plan.missions'), body: missions.length ? [numbered(missions)] : [] },
    { title: t('pdf.doc.plan.values'), body: values.length ? [numbered(values)] : [] },
    {
      title: t('pdf.doc.plan.issues'),
      body: issues.length ? [numbered(issues.map((i) => str(i, 'name')))] : [],
    },
    mapSection(ctx),
    ...issues.map((issue, i) => issueSection(ctx, issue, name, turns && i === issues.length - 1)),
    projects,
    budgetSection(ctx),
  ];
  return { id: 'plan', title: t('pdf.doc.chapter.plan'), sections };
}

/** Room for one part of the map on a portrait page, under its caption. */
const MAP_HEIGHT = 600;
/** Its width in its own units: scaled to the text width, its 14 px labels print at the tables' size (not below). */
const MAP_WIDTH = Math.floor(chartUnitsFor(CONTENT_WIDTH));

/** The strategy map as drawn in the review wizard, split into as many portrait pages as it needs. */
function mapSection({ t, view, outline, options }: Ctx): Section {
  const title = t('pdf.map.title');
  if (view.all('strategicIssue').length === 0) return { title, body: [] };
  // Laying the map out is the costliest step of the whole document: not for an outline.
  if (outline) return { title, body: [title] };
  // A taller map is split over more pages rather than printed below the tables' size.
  const { svgs } = fittedMap(view.rows, t, [CONTENT_WIDTH, MAP_HEIGHT], 1, [MAP_WIDTH], options.thaiDigits, TABLE_SIZE);
  return {
    title,
    body: svgs.map((svg, i): Block => ({
      stack: [
        { svg, fit: [CONTENT_WIDTH, MAP_HEIGHT], alignment: 'center', alt: title },
        // One figure however many pages it takes: numbered on its first part only.
        i === 0
          ? figureCaption(svgs.length > 1 ? t('pdf.map.pageOf', { page: 1, pages: svgs.length }) : title)
          : { text: t('pdf.map.pageOf', { page: i + 1, pages: svgs.length }), style: 'caption', alignment: 'center' },
      ],
      unbreakable: true,
      margin: [0, 4, 0, 8],
    })),
  };
}

/** The vision stands out as the plan's one sentence: centred, bold, in a shaded frame. */
function visionBox(text: string): Block {
  return grid(['*'], [[{ text, bold: true, alignment: 'center', fillColor: '#eef3fa', margin: [12, 8, 12, 8] }]], {
    margin: [20, 4, 20, 10],
  });
}

/** The strategies' list: indented under their goal, each item after pdfmake's bullet and its gap (pt). */
const STRATEGY_INDENT = 18;
const BULLET_WIDTH = 11;
const STRATEGY_WIDTH = CONTENT_WIDTH - STRATEGY_INDENT - BULLET_WIDTH;
/** Space above a goal and under its strategies (pt): in their margins and in the group's estimated height. */
const GOAL_GAP = 2;
const STRATEGIES_GAP = 4;

/**
 * An issue's goals, KPIs and strategies. `beforeTurn`: the pages turn to landscape after it (the project table),
 * so its strategies' last goals are kept together over a quarter of a page (blocks.ts withKeptTail).
 */
function issueSection(ctx: Ctx, issue: Row, name: (row: Row) => string, beforeTurn: boolean): Section {
  const { t, view, options } = ctx;
  const goals = view.children('goal', issue.id);
  const goalList = goals.map((g) => name(g));
  const strategies: BlockGroup[] = [];
  for (const goal of goals) {
    const list = view.children('strategy', goal.id);
    if (list.length === 0) continue;
    const title = `${t('pdf.doc.plan.goal')} ${name(goal)}`;
    const items = list.map((s) => `${t('pdf.doc.plan.strategy')} ${name(s)}`);
    strategies.push({
      blocks: [
        // The goal heads its strategies: never left at a page foot without them (the engine's keepWithNext).
        { text: title, bold: true, margin: [0, GOAL_GAP, 0, 0], keepWithNext: true } as Block,
        { ul: items, margin: [STRATEGY_INDENT, 0, 0, STRATEGIES_GAP] },
      ],
      height:
        GOAL_GAP +
        bodyTextHeight(title, CONTENT_WIDTH, true, options.thaiDigits) +
        items.reduce((sum, item) => sum + bodyTextHeight(item, STRATEGY_WIDTH, false, options.thaiDigits), 0) +
        STRATEGIES_GAP,
    });
  }
  // The KPI's name runs across the table; under it unit, baseline and one target per plan year, the years
  // sharing what is left, each at least as wide as its widest target in the document's digits. At the tables'
  // size throughout: years that do not fit go to a second table (byYearRuns), as the budget tables do.
  const kpiTable = (run: readonly number[]): [Column[], Cell[][], TableOptions] => [
    [
      { header: t('pdf.doc.plan.unit'), width: UNIT_WIDTH, align: 'center', fit: true },
      { header: t('pdf.doc.plan.baseline'), width: BASELINE_WIDTH, align: 'right', fit: true },
      ...run.map((y): Column => ({ header: String(y), width: '*', align: 'right', fit: true })),
    ],
    goals.flatMap((goal) => {
      const kpis = view.children('kpi', goal.id);
      if (kpis.length === 0) return [];
      return [
        groupRow(`${t('pdf.doc.plan.goal')} ${name(goal)}`, 2 + run.length),
        ...kpis.flatMap((kpi) => kpiLines(view.children('kpiTarget', kpi.id), kpi, run, name)),
      ];
    }),
    {
      thaiDigits: options.thaiDigits,
      headRows: [
        [
          { text: t('glossary.kpi'), style: 'tableHeader', colSpan: 2 },
          { text: '' },
          { text: t('pdf.doc.plan.targets'), style: 'tableHeader', colSpan: run.length },
          ...run.slice(1).map(() => ({ text: '' })),
        ],
      ],
    },
  ];
  const sections: Subsection[] = [
    { title: t('pdf.doc.plan.goals'), body: goalList.length ? [numberedPlain(goalList)] : [] },
    {
      title: t('pdf.doc.plan.kpis'),
      body: goals.some((goal) => view.children('kpi', goal.id).length > 0)
        ? byYearRuns(ctx, t('pdf.doc.tableCaptions.kpisOfIssue', { n: view.numbers.get(issue.id) ?? '' }), kpiTable)
        : [],
    },
    {
      title: t('pdf.doc.plan.strategies'),
      body: beforeTurn ? withKeptTail(strategies) : strategies.flatMap((group) => group.blocks),
    },
  ];
  return {
    title: `${t('pdf.doc.plan.issueN', { n: view.numbers.get(issue.id) ?? '' })} ${str(issue, 'name')}`,
    body: [],
    sections,
  };
}

/** Goals are already numbered (1.1): a list without a second number. */
function numberedPlain(items: readonly string[]): Block {
  return { stack: items.map((text) => ({ text, margin: [18, 0, 0, 2] })), margin: [0, 0, 0, 6] };
}

const UNIT_WIDTH = 52;
const BASELINE_WIDTH = 72;

function kpiLines(targets: readonly Row[], kpi: Row, years: readonly number[], name: (row: Row) => string): Cell[][] {
  const baseline = num(kpi, 'baselineValue');
  const baselineYear = num(kpi, 'baselineYear');
  return [
    // The KPI's name stays on one page with its targets.
    keptWithNext([
      { text: name(kpi), colSpan: 2 + years.length, alignment: 'left' },
      ...Array.from({ length: 1 + years.length }, () => ({ text: '' })),
    ]),
    [
      str(kpi, 'unit'),
      baseline === null ? '–' : `${amount(baseline)}${baselineYear === null ? '' : ` (${baselineYear})`}`,
      ...years.map((year) =>
        amount(
          num(
            targets.find((r) => r.data.year === year),
            'target',
          ),
        ),
      ),
    ],
  ];
}

/**
 * A table over the plan years (the KPIs' targets, the landscape budget tables), in as few tables as keep its type
 * readable (yearRuns): one table when every year fits, else one per run of years, each repeating the names on
 * the left, the total column (if any) in the last. Each is numbered and captioned with its years.
 */
function byYearRuns(
  { t, view }: Ctx,
  title: string,
  tableFor: (years: readonly number[], withTotal: boolean) => [Column[], Cell[][], TableOptions],
): Block[] {
  const runs = yearRuns(view.years, (years, last) => tableFits(...tableFor(years, last)));
  return runs.map((years, k) => {
    const last = k === runs.length - 1;
    const [columns, rows, options] = tableFor(years, last);
    const caption =
      runs.length === 1 ? title : t('pdf.doc.plan.yearsPart', { title, from: years[0], to: years[years.length - 1] });
    return table(columns, rows, { ...options, caption });
  });
}

/**
 * Every project, grouped by issue and strategy, with its yearly budget: landscape, the one table that needs it.
 * Responsible units have a column of their own; where the figures leave it no room (Thai digits and budgets
 * in the tens of millions), they go under the project's name instead, and where even that does not fit at
 * the tables' size the years are shared over two tables (byYearRuns).
 */
function projectSection(ctx: Ctx, name: (row: Row) => string): Section {
  const { t, view } = ctx;
  const title = t('pdf.doc.plan.projects');
  const projects = view.all('project');
  if (projects.length === 0) return { title, body: [] };
  return {
    title,
    landscape: true,
    body: [
      lead(t('pdf.doc.plan.projectsLead', { count: projects.length })),
      ...byYearRuns(ctx, title, (years, withTotal) => {
        const wide = projectTable(ctx, name, true, years, withTotal);
        return tableFits(...wide) ? wide : projectTable(ctx, name, false, years, withTotal);
      }),
    ],
  };
}

function projectTable(
  { t, view, options }: Ctx,
  name: (row: Row) => string,
  unitColumn: boolean,
  years: readonly number[],
  withTotal: boolean,
): [Column[], Cell[][], TableOptions] {
  const sums = budgetSummary(view.rows, view.plan);
  const rows: Cell[][] = [];
  const lead = unitColumn ? 2 : 1;
  const figures = years.length + (withTotal ? 1 : 0);
  const span = lead + figures;
  for (const issue of view.all('strategicIssue')) {
    const strategies = view.children('goal', issue.id).flatMap((g) => view.children('strategy', g.id));
    if (!strategies.some((s) => view.children('project', s.id).length > 0)) continue;
    rows.push(
      groupRow(`${t('pdf.doc.plan.issueN', { n: view.numbers.get(issue.id) ?? '' })} ${str(issue, 'name')}`, span),
    );
    for (const strategy of strategies) {
      const list = view.children('project', strategy.id);
      if (list.length === 0) continue;
      rows.push([
        { text: `${t('pdf.doc.plan.strategy')} ${name(strategy)}`, colSpan: span, italics: true },
        ...Array.from({ length: span - 1 }, () => ({ text: '' })),
      ]);
      for (const project of list) {
        const budgets = view.children('projectBudget', project.id);
        const projectName = `${name(project)}${project.data.kind === 'programme' ? ` (${t('pdf.doc.plan.programme')})` : ''}`;
        const units = [str(project, 'responsibleUnit'), str(project, 'supportingUnits')].filter(Boolean).join('\n');
        rows.push([
          ...(unitColumn
            ? [{ text: projectName }, { text: units }]
            : [{ text: units ? `${projectName}\n${t('pdf.doc.plan.responsible')}: ${units}` : projectName }]),
          ...years.map((year): Cell => ({
            text: baht(
              num(
                budgets.find((b) => b.data.year === year),
                'amount',
              ),
            ),
            alignment: 'right',
          })),
          ...(withTotal
            ? [{ text: baht(sums.byProject.get(project.id) ?? 0), alignment: 'right', bold: true } as Cell]
            : []),
        ]);
      }
    }
  }
  rows.push([
    { text: t('pdf.doc.plan.total'), colSpan: lead, style: 'tableTotal' },
    ...(unitColumn ? [{ text: '' }] : []),
    ...years.map((year): Cell => ({
      text: baht(sums.byYear.get(year) ?? 0),
      alignment: 'right',
      style: 'tableTotal',
    })),
    ...(withTotal ? [{ text: baht(sums.total), alignment: 'right', style: 'tableTotal' } as Cell] : []),
  ]);
  const columns: Column[] = [
    { header: t('glossary.project'), width: '*' },
    ...(unitColumn ? [{ header: t('pdf.doc.plan.responsible'), width: 120 }] : []),
    // Each amount's column as wide as its widest figure: the project names take what is left.
    ...years.map((y): Column => ({ header: String(y), width: 0, align: 'right', fit: true })),
    ...(withTotal ? [{ header: t('pdf.doc.plan.total'), width: 0, align: 'right', fit: true } as Column] : []),
  ];
  return [
    columns,
    rows,
    {
      thaiDigits: options.thaiDigits,
      width: LANDSCAPE_WIDTH,
      headRows: [
        [
          { text: '', style: 'tableHeader', colSpan: lead },
          ...(unitColumn ? [{ text: '' }] : []),
          { text: t('pdf.doc.plan.budgetYears'), style: 'tableHeader', colSpan: figures },
          ...Array.from({ length: figures - 1 }, () => ({ text: '' })),
        ],
      ],
    },
  ];
}

function budgetSection(ctx: Ctx): Section {
  const { t, view, options } = ctx;
  const title = t('pdf.doc.plan.budget');
  const sums = budgetSummary(view.rows, view.plan);
  if (sums.total === 0) return { title, body: [] };
  const issues = view.all('strategicIssue');
  // Per issue and year by the same sums as the totals beside them (and the strategies wizard's summary).
  const issueOf = new Map(
    issues.flatMap((issue) =>
      view
        .children('goal', issue.id)
        .flatMap((g) => view.children('strategy', g.id))
        .flatMap((s) => view.children('project', s.id))
        .map((p) => [p.id, issue.id] as const),
    ),
  );
  const byIssue = budgetSummariesBy(view.rows, view.plan, (project) => issueOf.get(project.id));
  const byIssueYear = (issueId: string, year: number) => byIssue.get(issueId)?.byYear.get(year) ?? 0;
  const summaryTable = (years: readonly number[], withTotal: boolean): [Column[], Cell[][], TableOptions] => [
    [
      { header: t('glossary.strategicIssue'), width: '*' },
      ...years.map((y): Column => ({ header: String(y), width: 0, align: 'right', fit: true })),
      ...(withTotal ? [{ header: t('pdf.doc.plan.total'), width: 0, align: 'right', fit: true } as Column] : []),
    ],
    [
      ...issues.map((issue) => [
        `${view.numbers.get(issue.id) ?? ''}. ${str(issue, 'name')}`,
        ...years.map((y) => baht(byIssueYear(issue.id, y))),
        ...(withTotal ? [{ text: baht(sums.byIssue.get(issue.id) ?? 0), bold: true } as Cell] : []),
      ]),
      [
        { text: t('pdf.doc.plan.total'), style: 'tableTotal' },
        ...years.map((y) => ({ text: baht(sums.byYear.get(y) ?? 0), style: 'tableTotal' as const })),
        ...(withTotal ? [{ text: baht(sums.total), style: 'tableTotal' as const }] : []),
      ],
    ],
    { thaiDigits: options.thaiDigits, width: LANDSCAPE_WIDTH },
  ];
  return {
    title,
    // Beside the project table, on landscape pages: a column per year plus the total need the width.
    landscape: true,
    body: [lead(t('pdf.doc.plan.budgetLead', { total: baht(sums.total) })), ...byYearRuns(ctx, title, summaryTable)],
  };
}
