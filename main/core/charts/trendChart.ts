import { layoutLegend } from './legend.ts';
import { CHART_FONT, escapeXml, inDigits, type ChartDigits } from './svg.ts';
import { textWidth } from './textWidth.ts';

/**
 * A trend across quarters as an SVG string: percentages (achievement against what was expected, money
 * disbursed against plan) on a 0–100 % scale, or higher when a value goes over, one line per series with its
 * points marked and a legend under the plot. A string, so the dashboard shows it and the progress report
 * embeds the very same drawing. Labels arrive translated; every text is escaped here and drawn in the digits
 * asked for, converted before it is measured. A quarter without a value leaves a gap in its line, never a
 * drop to zero. The margins, the spacing of the quarter labels and the legend follow from measured text.
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
  /** Digits of every text drawn (figures, quarters, names). Default arabic. */
  readonly digits?: ChartDigits;
}

const INK = '#1d2733';
const MUTED = '#5b6673';
const GRID = '#c9d1db';
/** Told apart by hue and lightness both (also in grey print). */
const PALETTE = ['#5b87c5', '#d9822b', '#3a9a5b', '#b5475b', '#7a5fb0', '#2b9fb0', '#9a8a2b', '#8c5a3c'];
const EMPHASIS = '#1f4e8c';
const TOP = 12;
const PLOT_HEIGHT = 200;
const FONT = 14;
/** Figures on the axes. */
const SMALL = { fontSize: 12 };
/** Least space between two quarter labels. */
const LABEL_GAP = 12;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function trendChartSvg(input: TrendChartInput): string {
  const shown = inDigits(input.digits);
  const width = input.width ?? 720;
  const values = input.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  // Round the top up to the next 50 % over 100 so that an over-achiever stays on the chart.
  const top = Math.max(100, Math.ceil(Math.max(0, ...values) / 50) * 50);
  const tickValues = Array.from({ length: top / 50 + 1 }, (_, k) => k * 50);
  const tickTexts = tickValues.map((v) => shown(`${v}%`));
  const quarters = input.labels.map(shown);
  const labelWidths = quarters.map((label) => textWidth(label, SMALL));
  // The figures right-aligned left of the plot, the first and last quarter labels centred on its edges.
  const left = Math.max(...tickTexts.map((text) => textWidth(text, SMALL) + 10), (labelWidths[0] ?? 0) / 2 + 4);
  const right = Math.max(12, (labelWidths.at(-1) ?? 0) / 2 + 4);
  const plotWidth = width - left - right;
  const n = quarters.length;
  const x = (i: number) => left + (n <= 1 ? plotWidth / 2 : (plotWidth * i) / (n - 1));
  const y = (v: number) => TOP + PLOT_HEIGHT * (1 - Math.max(0, v) / top);
  const axisY = TOP + PLOT_HEIGHT;

  const ticks = tickValues
    .map(
      (v, k) =>
        `<line x1="${fmt(left)}" y1="${fmt(y(v))}" x2="${fmt(width - right)}" y2="${fmt(y(v))}" stroke="${GRID}"${v === 0 ? '' : ' stroke-dasharray="3 3"'}/>` +
        `<text x="${fmt(left - 6)}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="${MUTED}" font-size="${SMALL.fontSize}">${escapeXml(tickTexts[k]!)}</text>`,
    )
    .join('');
  // Every label when they fit, else every second or third…, counted back from the last (the period reported).
  const spacing = n <= 1 ? plotWidth : plotWidth / (n - 1);
  const step = Math.max(1, Math.ceil((Math.max(0, ...labelWidths) + LABEL_GAP) / spacing));
  const labels = quarters
    .map((label, i) =>
      (n - 1 - i) % step === 0
        ? `<text x="${fmt(x(i))}" y="${fmt(axisY + 21)}" text-anchor="middle" fill="${MUTED}" font-size="${SMALL.fontSize}">${escapeXml(label)}</text>`
        : '',
    )
    .join('');

  const colourOf = (series: TrendSeries, s: number) => (series.emphasis ? EMPHASIS : PALETTE[s % PALETTE.length]!);
  const lines = input.series.map((series, s) => {
    const colour = colourOf(series, s);
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

  // The legend under the quarter labels, across the plot's width and up to the chart's right edge.
  const legend = layoutLegend(
    input.series.map((series) => shown(series.name)),
    { left, width: width - left - 4, top: axisY + 31, fontSize: FONT },
  );
  const entries = legend.entries.map((entry, s) => {
    const series = input.series[s]!;
    const swatchY = entry.baselines[0]! - 5;
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    const text = entry.lines
      .map(
        (line, i) =>
          `<text x="${fmt(entry.textX)}" y="${fmt(entry.baselines[i]!)}" fill="${INK}">${escapeXml(line)}</text>`,
      )
      .join('');
    return (
      `<g data-legend="${s}" data-box="${[entry.x, entry.y, entry.width, entry.height].map(fmt).join(' ')}">` +
      `<line x1="${fmt(entry.x)}" y1="${fmt(swatchY)}" x2="${fmt(entry.x + 22)}" y2="${fmt(swatchY)}" stroke="${colourOf(series, s)}" stroke-width="${series.emphasis ? 3 : 2}"${dash}/>` +
      `${text}</g>`
    );
  });
  const height = Math.ceil(legend.bottom + 6);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(shown(input.title))}" font-family="${CHART_FONT}" font-size="${FONT}">`,
    `<title>${escapeXml(shown(input.title))}</title>`,
    ticks,
    labels,
    ...lines,
    ...entries,
    '</svg>',
  ].join('');
}
