import { shorten } from './achievementChart.ts';
import { CHART_FONT, escapeXml } from './svg.ts';

/**
 * A trend across quarters as an SVG string: percentages (achievement against what was expected, money
 * disbursed against plan) on a 0–100 % scale, or higher when a value goes over, one line per series with its
 * points marked and a legend under the plot. A string, so the dashboard shows it and the progress report
 * embeds the very same drawing. Labels arrive translated; every text is escaped here. A quarter without a
 * value leaves a gap in its line, never a drop to zero.
 */
export interface TrendSeries {
  readonly name: string;
  /** One per x label; null: no data then. */
  readonly values: readonly (number | null)[];
  /** Drawn thicker and dark: the whole plan, or the plan's budget line. */
  readonly emphasis?: boolean;
  /** Drawn dashed: what was expected (the plan), not what happened. */
  readonly dashed?: boolean;
}

export interface TrendChartInput {
  /** Accessible name of the chart. */
  readonly title: string;
  /** The quarters, e.g. "ไตรมาส 1/68". */
  readonly labels: readonly string[];
  readonly series: readonly TrendSeries[];
  /** Width in units; the height follows from the legend. */
  readonly width?: number;
}

const INK = '#1d2733';
const MUTED = '#5b6673';
const GRID = '#c9d1db';
/** Told apart by hue and lightness both (also in grey print). */
const PALETTE = ['#5b87c5', '#d9822b', '#3a9a5b', '#b5475b', '#7a5fb0', '#2b9fb0', '#9a8a2b', '#8c5a3c'];
const EMPHASIS = '#1f4e8c';
const LEFT = 48;
/** Room for half of the last quarter's label, centred on the plot's right edge. */
const RIGHT = 40;
const TOP = 12;
const PLOT_HEIGHT = 200;
const LEGEND_ROW = 22;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function trendChartSvg(input: TrendChartInput): string {
  const width = input.width ?? 720;
  const plotWidth = width - LEFT - RIGHT;
  const values = input.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  // Round the top up to the next 50 % over 100 so that an over-achiever stays on the chart.
  const top = Math.max(100, Math.ceil(Math.max(0, ...values) / 50) * 50);
  const n = input.labels.length;
  const x = (i: number) => LEFT + (n <= 1 ? plotWidth / 2 : (plotWidth * i) / (n - 1));
  const y = (v: number) => TOP + PLOT_HEIGHT * (1 - Math.max(0, v) / top);
  const axisY = TOP + PLOT_HEIGHT;

  const ticks = Array.from({ length: top / 50 + 1 }, (_, k) => k * 50)
    .map(
      (v) =>
        `<line x1="${LEFT}" y1="${fmt(y(v))}" x2="${fmt(width - RIGHT)}" y2="${fmt(y(v))}" stroke="${GRID}"${v === 0 ? '' : ' stroke-dasharray="3 3"'}/>` +
        `<text x="${LEFT - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="${MUTED}" font-size="12">${v}%</text>`,
    )
    .join('');
  // Every label when they fit, else every second or third…, counted back from the last (the period reported).
  const step = Math.max(1, Math.ceil((n * 64) / plotWidth));
  const labels = input.labels
    .map((label, i) =>
      (n - 1 - i) % step === 0
        ? `<text x="${fmt(x(i))}" y="${fmt(axisY + 16)}" text-anchor="middle" fill="${MUTED}" font-size="12">${escapeXml(label)}</text>`
        : '',
    )
    .join('');

  const lines = input.series.map((series, s) => {
    const colour = series.emphasis ? EMPHASIS : PALETTE[s % PALETTE.length]!;
    const stroke = series.emphasis ? 3 : 2;
    // Runs of consecutive values: a missing quarter breaks the line.
    const runs: string[][] = [[]];
    series.values.forEach((v, i) => {
      if (v === null) runs.push([]);
      else runs.at(-1)!.push(`${fmt(x(i))},${fmt(y(v))}`);
    });
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    const paths = runs
      .filter((r) => r.length > 1)
      .map(
        (r) =>
          `<polyline points="${r.join(' ')}" fill="none" stroke="${colour}" stroke-width="${stroke}"${dash} stroke-linejoin="round"/>`,
      )
      .join('');
    const dots = series.values
      .map((v, i) =>
        v === null
          ? ''
          : `<circle cx="${fmt(x(i))}" cy="${fmt(y(v))}" r="${series.emphasis ? 4 : 3}" fill="${colour}" data-value="${fmt(v)}"/>`,
      )
      .join('');
    return `<g data-series="${escapeXml(series.name)}">${paths}${dots}</g>`;
  });

  // The legend: as many entries a row as fit in columns of a quarter of the width.
  const perRow = Math.max(1, Math.floor(width / 240));
  const columnWidth = (width - LEFT) / perRow;
  const legendTop = axisY + 34;
  const legend = input.series.map((series, s) => {
    const colour = series.emphasis ? EMPHASIS : PALETTE[s % PALETTE.length]!;
    const lx = LEFT + (s % perRow) * columnWidth;
    const ly = legendTop + Math.floor(s / perRow) * LEGEND_ROW;
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    return (
      `<line x1="${fmt(lx)}" y1="${fmt(ly - 5)}" x2="${fmt(lx + 22)}" y2="${fmt(ly - 5)}" stroke="${colour}" stroke-width="${series.emphasis ? 3 : 2}"${dash}/>` +
      `<text x="${fmt(lx + 28)}" y="${fmt(ly)}" fill="${INK}">${escapeXml(shorten(series.name, Math.floor((columnWidth - 34) / 6.5)))}</text>`
    );
  });
  const height = legendTop + Math.ceil(input.series.length / perRow) * LEGEND_ROW;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${fmt(height)}" width="${width}" height="${fmt(height)}" role="img" aria-label="${escapeXml(input.title)}" font-family="${CHART_FONT}" font-size="14">`,
    `<title>${escapeXml(input.title)}</title>`,
    ticks,
    labels,
    ...lines,
    ...legend,
    '</svg>',
  ].join('');
}
