import { thaiDigitsInText } from '../pdf/digits.ts';
import { CHART_FONT, escapeXml } from './svg.ts';
import { textWidth, type TextStyle } from './textWidth.ts';
/**
 * "Achievement by strategic issue" as an SVG string: one horizontal bar per issue (and one for the whole
 * plan) showing the share of KPIs achieved, 0–100 %, with the weighted score beside it. A string, not React,
 * so the renderer shows it and the PDF embeds the same drawing. Labels arrive translated; every text is
 * escaped here. Sarabun because the renderer and the PDF both ship it. Colours are presentation attributes:
 * PDF SVG renderers ignore style sheets.
 */
export interface AchievementBar {
  /** Issue name (or "overall"), drawn above its bar; a name wider than the chart is shortened with an ellipsis. */
  readonly label: string;
  /** 0–1, or null when none of its KPIs has data. */
  readonly share: number | null;
  /** Text at the bar's end, e.g. "66.7% · คะแนน 3.50" or "ยังไม่มีข้อมูล". */
  readonly value: string;
  /** Drawn in the accent colour: the whole plan's bar. */
  readonly total?: boolean;
}

export interface AchievementChartInput {
  readonly bars: readonly AchievementBar[];
  /** Accessible name of the chart. */
  readonly title: string;
  /** Width in px; the height follows from the number of bars. */
  readonly width?: number;
}

const INK = '#1d2733';
const MUTED = '#5b6673';
const BAR = '#5b87c5';
const TOTAL = '#1f4e8c';
const TRACK = '#eef2f7';
const ROW = 52;
const TOP = 16;
const LEFT = 12;
const FONT = 14;

/**
 * How wide a text may print: the document may convert the finished drawing to Thai digits (pdf/digits.ts
 * thaiDigitsInSvg), which are wider, so the wider of the two counts.
 */
const printedWidth = (text: string, style: TextStyle) =>
  Math.max(textWidth(text, style), textWidth(thaiDigitsInText(text), style));

/**
 * The text as it fits `room` (measured), else cut by whole graphemes with an ellipsis: cutting a Thai
 * cluster would leave a stray vowel or tone mark.
 */
export function shorten(text: string, room: number, style: TextStyle): string {
  if (printedWidth(text, style) <= room) return text;
  const graphemes = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  let kept = graphemes.length;
  while (kept > 0 && printedWidth(`${graphemes.slice(0, kept).join('')}…`, style) > room) kept--;
  return `${graphemes.slice(0, kept).join('')}…`;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function achievementChartSvg(input: AchievementChartInput): string {
  const width = input.width ?? 720;
  // Room at the right for the widest value text.
  const valueSpace = Math.max(...input.bars.map((bar) => printedWidth(bar.value, { fontSize: FONT })), 0) + 16;
  const plot = width - LEFT * 2 - valueSpace;
  const height = TOP + ROW * input.bars.length + 28;
  const x = (share: number) => LEFT + plot * Math.min(Math.max(share, 0), 1);
  const bars = input.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const fill = bar.total ? TOTAL : BAR;
    return [
      `<text x="${LEFT}" y="${fmt(y + 14)}" fill="${INK}"${bar.total ? ' font-weight="700"' : ''}>${escapeXml(shorten(bar.label, width - LEFT * 2, { fontSize: FONT, bold: bar.total === true }))}</text>`,
      `<rect x="${LEFT}" y="${fmt(y + 22)}" width="${fmt(plot)}" height="18" fill="${TRACK}"/>`,
      bar.share === null
        ? ''
        : `<rect x="${LEFT}" y="${fmt(y + 22)}" width="${fmt(x(bar.share) - LEFT)}" height="18" fill="${fill}" data-share="${fmt(bar.share)}"/>`,
      `<text x="${fmt(LEFT + plot + 8)}" y="${fmt(y + 36)}" fill="${bar.share === null ? MUTED : INK}">${escapeXml(bar.value)}</text>`,
    ].join('');
  });
  const axisY = TOP + ROW * input.bars.length + 6;
  const ticks = [0, 0.5, 1]
    .map(
      (t) =>
        `<line x1="${fmt(x(t))}" y1="${fmt(TOP + 20)}" x2="${fmt(x(t))}" y2="${fmt(axisY)}" stroke="#c9d1db" stroke-dasharray="3 3"/>` +
        `<text x="${fmt(x(t))}" y="${fmt(axisY + 16)}" text-anchor="middle" fill="${MUTED}" font-size="12">${t * 100}%</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(input.title)}" font-family="${CHART_FONT}" font-size="${FONT}">`,
    `<title>${escapeXml(input.title)}</title>`,
    ticks,
    ...bars,
    '</svg>',
  ].join('');
}
