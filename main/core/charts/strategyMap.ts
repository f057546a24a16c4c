import { numbering } from '../planContent.ts';
import type { Row } from '../rows.ts';
import { CHART_FONT, escapeXml, inDigits, type ChartDigits } from './svg.ts';
import { textWidth, wrapText } from './textWidth.ts';

/**
 * The strategy map: strategic issues → goals → strategies → projects, four columns left to right, each item
 * a box with its hierarchical number (planContent.numbering, as on screen and in the PDF) and its name
 * wrapped at Thai word boundaries. A string, not React, so the review wizard shows it and the PDF prints the
 * same drawing; presentation attributes only (PDF SVG renderers ignore style sheets); deterministic: the
 * same rows and options give the same bytes.
 *
 * A long plan does not fit one page: `parts` splits the map into several SVGs of about equal height, each
 * with the column headings, cutting between issues where that balances well enough, otherwise between the
 * goals of one issue, between the strategies of one goal, or between the projects of one strategy taller than
 * a page (whose boxes then repeat, marked as continued).
 */

export const MAP_LEVELS = ['issue', 'goal', 'strategy', 'project'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export interface StrategyMapOptions {
  /** The accessible name of the map (each part adds "(i/n)"). */
  readonly title: string;
  /** Column headings, e.g. ประเด็นยุทธศาสตร์, เป้าประสงค์, กลยุทธ์, โครงการ/แผนงาน. */
  readonly headings: Readonly<Record<MapLevel, string>>;
  /** Shown in a dashed box where a level has nothing yet, e.g. "ยังไม่มีกลยุทธ์". */
  readonly missing: Readonly<Record<Exclude<MapLevel, 'issue'>, string>>;
  /** For an item whose name is still empty. */
  readonly unnamed: string;
  /** Drawn instead of the columns when the plan has no strategic issue yet. */
  readonly empty: string;
  /** Appended to an issue, goal or strategy repeated at the top of a part, e.g. "(ต่อ)". */
  readonly continued: string;
  /** Width in user units (px on screen); the PDF scales it to the page. Default 900. */
  readonly width?: number;
  /** Default 14. */
  readonly fontSize?: number;
  /** Split into at most this many parts (one SVG each). Default 1. */
  readonly parts?: number;
  /**
   * Digits of every text drawn (item numbers, names, headings). Thai digits are wider than Arabic ones, so
   * the map converts before it measures: a number is never placed by the width of another. Default arabic.
   */
  readonly digits?: ChartDigits;
}

interface MapNode {
  readonly level: MapLevel;
  /** Null for a placeholder ("no strategy yet"). */
  readonly row: Row | null;
  readonly number: string;
  readonly name: string;
  readonly children: readonly MapNode[];
}

const ENTITY: Record<MapLevel, string> = {
  issue: 'strategicIssue',
  goal: 'goal',
  strategy: 'strategy',
  project: 'project',
};

const SHARES: Record<MapLevel, number> = { issue: 0.22, goal: 0.25, strategy: 0.25, project: 0.28 };

const STYLE: Record<MapLevel | 'missing', { fill: string; stroke: string; ink: string }> = {
  issue: { fill: '#1f4e8c', stroke: '#1f4e8c', ink: '#ffffff' },
  goal: { fill: '#e3edf9', stroke: '#9db7dc', ink: '#1d2733' },
  strategy: { fill: '#e6f2e9', stroke: '#9cc7a4', ink: '#1d2733' },
  project: { fill: '#ffffff', stroke: '#b8c2cc', ink: '#1d2733' },
  missing: { fill: '#ffffff', stroke: '#b8c2cc', ink: '#5b6673' },
};

/** The options' own words in the digits asked for, so that everything below measures what it draws. */
function withDigits(options: StrategyMapOptions): StrategyMapOptions {
  const shown = inDigits(options.digits);
  const each = <K extends string>(words: Readonly<Record<K, string>>) =>
    Object.fromEntries(Object.entries<string>(words).map(([k, v]) => [k, shown(v)])) as Record<K, string>;
  return {
    ...options,
    title: shown(options.title),
    headings: each(options.headings),
    missing: each(options.missing),
    unnamed: shown(options.unnamed),
    empty: shown(options.empty),
    continued: shown(options.continued),
  };
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** The issue → goal → strategy → project tree, siblings in row order, placeholders where a level is empty. */
function buildTree(rows: readonly Row[], options: StrategyMapOptions): MapNode[] {
  const shown = inDigits(options.digits);
  const numbers = numbering(rows);
  const byParent = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.entity}|${row.parentId ?? ''}`;
    byParent.set(key, [...(byParent.get(key) ?? []), row]);
  }
  const node = (level: MapLevel, row: Row): MapNode => {
    const next = MAP_LEVELS[MAP_LEVELS.indexOf(level) + 1];
    const kids = next ? (byParent.get(`${ENTITY[next]}|${row.id}`) ?? []).map((r) => node(next, r)) : [];
    const placeholder: MapNode[] =
      next && kids.length === 0
        ? [
            {
              level: next,
              row: null,
              number: '',
              name: options.missing[next as Exclude<MapLevel, 'issue'>],
              children: [],
            },
          ]
        : [];
    const name = String(row.data.name ?? '').trim();
    return {
      level,
      row,
      number: shown(numbers.get(row.id) ?? ''),
      name: name === '' ? options.unnamed : shown(name),
      children: kids.length > 0 ? kids : placeholder,
    };
  };
  return (byParent.get('strategicIssue|') ?? []).map((r) => node('issue', r));
}

interface Geometry {
  readonly width: number;
  readonly font: number;
  readonly pad: number;
  readonly line: number;
  readonly gapY: number;
  readonly bandPad: number;
  readonly margin: number;
  readonly header: number;
  readonly x: Record<MapLevel, number>;
  readonly w: Record<MapLevel, number>;
}

function geometry(options: StrategyMapOptions): Geometry {
  const width = options.width ?? 900;
  const font = options.fontSize ?? 14;
  const margin = Math.round(font * 0.6);
  const colGap = font * 2;
  const inner = width - 2 * margin - 3 * colGap;
  const x = {} as Record<MapLevel, number>;
  const w = {} as Record<MapLevel, number>;
  let at = margin;
  for (const level of MAP_LEVELS) {
    x[level] = at;
    w[level] = inner * SHARES[level];
    at += w[level] + colGap;
  }
  return {
    width,
    font,
    pad: font * 0.5,
    // Sarabun reaches 1.068 em above the baseline and 0.232 em below: 1.5 em keeps stacked marks clear.
    line: font * 1.5,
    gapY: font * 0.6,
    bandPad: font * 0.6,
    margin,
    header: font * 2.6,
    x,
    w,
  };
}

/** A box's text, laid out once: the number runs inline before the name's first line. */
interface Laid {
  readonly node: MapNode;
  readonly numberWidth: number;
  readonly lines: readonly string[];
  readonly height: number;
}

function layBox(node: MapNode, g: Geometry, cache: Map<MapNode, Laid>): Laid {
  const cached = cache.get(node);
  if (cached) return cached;
  const bold = node.level === 'issue';
  const numberWidth = node.number === '' ? 0 : textWidth(`${node.number} `, { fontSize: g.font, bold: true });
  const lines = wrapText(node.name, g.w[node.level] - 2 * g.pad, { fontSize: g.font, bold }, numberWidth);
  const laid = { node, numberWidth, lines, height: 2 * g.pad + Math.max(1, lines.length) * g.line };
  cache.set(node, laid);
  return laid;
}

/** The height a node and everything right of it take. */
function span(node: MapNode, g: Geometry, cache: Map<MapNode, Laid>): number {
  const own = layBox(node, g, cache).height;
  if (node.children.length === 0) return own;
  const kids = node.children.reduce((sum, c) => sum + span(c, g, cache), 0) + g.gapY * (node.children.length - 1);
  return Math.max(own, kids);
}

/** One issue's share of a part: the issue with some of its goals (all of them unless the map is split there). */
type Band = MapNode;

/**
 * Cut the map into `parts` runs so that the tallest run is as short as it can be (a linear partition, by
 * dynamic programming over the cut places). The map is cut between projects, so that one strategy taller
 * than a page still prints at a readable size; but a reader would rather not see an issue, a goal or a
 * strategy torn apart: a run that begins or ends inside an issue counts a sixth of an average part taller,
 * inside a goal a third, inside a strategy a half, so a cut between issues wins, then one between goals, then
 * between strategies, unless a cut inside balances the pages clearly better.
 */
function split(
  issues: readonly MapNode[],
  parts: number,
  continued: string,
  g: Geometry,
  cache: Map<MapNode, Laid>,
): Band[][] {
  interface Unit {
    readonly issue: MapNode;
    readonly goal: MapNode;
    /** Null for a goal with nothing right of it (the placeholder of an issue without goals). */
    readonly strategy: MapNode | null;
    /** Null for a strategy with nothing right of it (the placeholder of a goal without strategies). */
    readonly project: MapNode | null;
    readonly height: number;
    /** Where the unit starts: 0 an issue, 1 a goal, 2 a strategy, 3 inside a strategy. */
    readonly depth: number;
  }
  // A box taller than its children's stack: its first unit carries the difference.
  const extra = (node: MapNode) => {
    const kids = node.children.reduce((s, c) => s + span(c, g, cache), 0) + g.gapY * (node.children.length - 1);
    return Math.max(0, span(node, g, cache) - kids);
  };
  const units: Unit[] = issues.flatMap((issue) =>
    issue.children.flatMap((goal, i) =>
      (goal.children.length > 0 ? goal.children : [null]).flatMap((strategy, j) =>
        (strategy && strategy.children.length > 0 ? strategy.children : [null]).map((project, k) => {
          const own = project ? span(project, g, cache) : strategy ? span(strategy, g, cache) : span(goal, g, cache);
          const first = [i === 0 && j === 0 && k === 0, j === 0 && k === 0, k === 0];
          return {
            issue,
            goal,
            strategy,
            project,
            height:
              own +
              (project && first[2] ? extra(strategy!) : 0) +
              (strategy && first[1] ? extra(goal) : 0) +
              g.gapY +
              (first[0] ? 2 * g.bandPad + extra(issue) : 0),
            depth: first.indexOf(true) < 0 ? 3 : first.indexOf(true),
          };
        }),
      ),
    ),
  );
  const count = Math.max(1, Math.min(Math.floor(parts), units.length));
  const before = [0];
  for (const u of units) before.push(before.at(-1)! + u.height);
  const average = before.at(-1)! / count;
  const penalty = (unit: Unit) => [0, average / 6, average / 3, average / 2][unit.depth]!;
  // A part's cost is its height, plus the penalty of the cut at either end (the greater): the parts on both
  // sides of a cut pay alike, so cuts of one kind still balance the parts (a strategy over three pages cut
  // twice inside: a penalty on the parts after each cut only would leave the first part the tallest).
  const at = (cut: number) => (cut > 0 && cut < units.length ? penalty(units[cut]!) : 0);
  const cost = (from: number, to: number) => before[to]! - before[from]! + Math.max(at(from), at(to));
  // best[k][j]: the least possible tallest part when units [0, j) make k parts; from[k][j] where the last begins.
  const best: number[][] = [[0, ...units.map(() => Infinity)]];
  const from: number[][] = [[]];
  for (let k = 1; k <= count; k++) {
    best.push(units.map(() => Infinity).concat(Infinity));
    from.push([]);
    for (let j = k; j <= units.length; j++) {
      for (let i = k - 1; i < j; i++) {
        const tallest = Math.max(best[k - 1]![i]!, cost(i, j));
        // Strictly less: of equal splits the earliest cut wins, so the output is deterministic.
        if (tallest < best[k]![j]!) [best[k]![j], from[k]![j]] = [tallest, i];
      }
    }
  }
  const cuts: number[] = [];
  for (let k = count, j = units.length; k > 1; k--) {
    j = from[k]![j]!;
    cuts.unshift(j);
  }
  const bounds = [0, ...cuts, units.length];
  // An issue, goal or strategy carried over from the previous part says so, inside its box (wrapped with its
  // name); each part holds its own copies of the boxes, with only the children of theirs it draws.
  const carried = (node: MapNode, first: boolean) => (first ? node.name : `${node.name} ${continued}`);
  return bounds.slice(0, -1).map((start, p) => {
    const bands: Band[] = [];
    const last = (node: MapNode) => node.children.at(-1)!;
    const withLast = (node: MapNode, child: MapNode) => ({ ...node, children: [...node.children.slice(0, -1), child] });
    for (let u = start; u < bounds[p + 1]!; u++) {
      const unit = units[u]!;
      const previous = u > start ? units[u - 1] : undefined;
      const band = bands.at(-1)!;
      const project = unit.project ? [unit.project] : [];
      if (previous?.strategy && previous.strategy === unit.strategy) {
        const goal = last(band);
        const strategy = last(goal);
        bands[bands.length - 1] = withLast(
          band,
          withLast(goal, { ...strategy, children: [...strategy.children, ...project] }),
        );
        continue;
      }
      const strategy = unit.strategy && {
        ...unit.strategy,
        name: carried(unit.strategy, unit.depth < 3),
        children: project,
      };
      if (previous?.goal === unit.goal) {
        const goal = last(band);
        bands[bands.length - 1] = withLast(band, { ...goal, children: [...goal.children, strategy!] });
        continue;
      }
      const goal = {
        ...unit.goal,
        name: carried(unit.goal, unit.depth < 2),
        children: strategy ? [strategy] : [],
      };
      if (previous?.issue === unit.issue) bands[bands.length - 1] = { ...band, children: [...band.children, goal] };
      else bands.push({ ...unit.issue, name: carried(unit.issue, unit.depth < 1), children: [goal] });
    }
    return bands;
  });
}

interface Drawing {
  readonly boxes: string[];
  readonly links: string[];
}

function drawBox(laid: Laid, top: number, g: Geometry, out: Drawing): void {
  const { node } = laid;
  const style = STYLE[node.row === null ? 'missing' : node.level];
  const x = g.x[node.level];
  const baseline = (i: number) => top + g.pad + i * g.line + g.font * 1.17;
  const textX = (i: number) => x + g.pad + (i === 0 ? laid.numberWidth : 0);
  const weight = node.level === 'issue' ? ' font-weight="700"' : '';
  const italic = node.row === null ? ' font-style="italic"' : '';
  const lines = laid.lines.length > 0 ? laid.lines : [''];
  const parts = [
    `<rect x="${fmt(x)}" y="${fmt(top)}" width="${fmt(g.w[node.level])}" height="${fmt(laid.height)}" rx="6" fill="${style.fill}" stroke="${style.stroke}"${node.row === null ? ' stroke-dasharray="4 3"' : ''}/>`,
    node.number === ''
      ? ''
      : `<text x="${fmt(x + g.pad)}" y="${fmt(baseline(0))}" fill="${style.ink}" font-weight="700">${escapeXml(node.number)}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="${fmt(textX(i))}" y="${fmt(baseline(i))}" fill="${style.ink}"${weight}${italic}>${escapeXml(line)}</text>`,
    ),
  ].join('');
  const attrs = node.row === null ? ` data-missing="${node.level}"` : ` data-row-id="${escapeXml(node.row.id)}"`;
  out.boxes.push(`<g data-level="${node.level}"${attrs}>${parts}</g>`);
}

/** Place a node centred on its span and its children stacked to its right, with elbow connectors. */
function place(node: MapNode, top: number, g: Geometry, cache: Map<MapNode, Laid>, out: Drawing): void {
  const laid = layBox(node, g, cache);
  const whole = span(node, g, cache);
  const boxTop = top + (whole - laid.height) / 2;
  drawBox(laid, boxTop, g, out);
  if (node.children.length === 0) return;
  const kidsHeight = node.children.reduce((s, c) => s + span(c, g, cache), 0) + g.gapY * (node.children.length - 1);
  let y = top + (whole - kidsHeight) / 2;
  const fromX = g.x[node.level] + g.w[node.level];
  const fromY = boxTop + laid.height / 2;
  for (const child of node.children) {
    const childSpan = span(child, g, cache);
    const childLaid = layBox(child, g, cache);
    const toX = g.x[child.level];
    const toY = y + (childSpan - childLaid.height) / 2 + childLaid.height / 2;
    const midX = (fromX + toX) / 2;
    out.links.push(
      `<path d="M${fmt(fromX)} ${fmt(fromY)}H${fmt(midX)}V${fmt(toY)}H${fmt(toX)}" fill="none" stroke="#8a96a3" stroke-width="1.2"/>`,
    );
    place(child, y, g, cache, out);
    y += childSpan + g.gapY;
  }
}

function svg(title: string, width: number, height: number, font: number, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" role="img" aria-label="${escapeXml(title)}" font-family="${CHART_FONT}" font-size="${fmt(font)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${fmt(width)}" height="${fmt(height)}" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('');
}

function drawPart(bands: readonly Band[], title: string, options: StrategyMapOptions, g: Geometry): string {
  const cache = new Map<MapNode, Laid>();
  const head = MAP_LEVELS.map((level) => {
    const cx = g.x[level] + g.w[level] / 2;
    return (
      `<rect x="${fmt(g.x[level])}" y="${fmt(g.margin)}" width="${fmt(g.w[level])}" height="${fmt(g.header)}" rx="6" fill="#1d2733"/>` +
      `<text x="${fmt(cx)}" y="${fmt(g.margin + g.header / 2 + g.font * 0.4)}" text-anchor="middle" fill="#ffffff" font-weight="700">${escapeXml(options.headings[level])}</text>`
    );
  }).join('');
  const out: Drawing = { boxes: [], links: [] };
  const backgrounds: string[] = [];
  let y = g.margin + g.header + g.gapY;
  for (const [i, band] of bands.entries()) {
    const height = span(band, g, cache) + 2 * g.bandPad;
    backgrounds.push(
      `<rect x="0" y="${fmt(y)}" width="${fmt(g.width)}" height="${fmt(height)}" fill="${i % 2 === 0 ? '#f6f8fb' : '#ffffff'}"/>`,
    );
    place(band, y + g.bandPad, g, cache, out);
    y += height;
  }
  return svg(
    title,
    g.width,
    y + g.margin,
    g.font,
    head + backgrounds.join('') + out.links.join('') + out.boxes.join(''),
  );
}

/** The map as one SVG per part (one part unless `parts` asks for more and the plan has enough goals). */
export function strategyMapSvg(rows: readonly Row[], asked: StrategyMapOptions): string[] {
  const options = withDigits(asked);
  const g = geometry(options);
  const issues = buildTree(rows, options);
  if (issues.length === 0) {
    const height = g.font * 6;
    const body = `<text x="${fmt(g.width / 2)}" y="${fmt(height / 2)}" text-anchor="middle" fill="#5b6673">${escapeXml(options.empty)}</text>`;
    return [svg(options.title, g.width, height, g.font, body)];
  }
  const parts = split(issues, options.parts ?? 1, options.continued, g, new Map());
  return parts.map((bands, i) =>
    drawPart(
      bands,
      parts.length === 1 ? options.title : inDigits(options.digits)(`${options.title} (${i + 1}/${parts.length})`),
      options,
      g,
    ),
  );
}
