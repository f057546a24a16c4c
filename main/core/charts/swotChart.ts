import { position, type Quadrant } from '../swot.ts';
import { thaiDigitsInText } from '../pdf/digits.ts';
import { CHART_FONT, escapeXml } from './svg.ts';
import { textWidth } from './textWidth.ts';

/**
 * The SWOT position chart as an SVG string: x = S − W to the right, y = O − T upwards, the four quadrants
 * named, the plan's point. A string (not React) so the renderer shows it and the PDF embeds the same drawing.
 * Every text is passed in already translated and escaped here; Sarabun because the renderer and the PDF
 * both ship it and Thai needs it. Colours are presentation attributes, not a <style> sheet: PDF SVG
 * renderers (svg-to-pdfkit) ignore style sheets.
 */
export interface SwotChartInput {
  readonly x: number;
  readonly y: number;
  /**
   * The axes reach at least ±extent; a point further out widens them. Default: far enough that the point
   * lies within the inner 60% of each half-axis, clear of the quadrant names in the corners.
   */
  readonly extent?: number;
  /** Lines of text per quadrant, e.g. ["Stars", "เอื้อและแข็ง", "SO กลยุทธ์เชิงรุก"]. */
  readonly quadrants: Readonly<Record<Quadrant, readonly string[]>>;
  /** Names of the axis ends. */
  readonly axes: Readonly<{ S: string; W: string; O: string; T: string }>;
  /** The accessible name of the whole chart. */
  readonly title: string;
  /** Size in px (square). */
  readonly size?: number;
}

/** Where a value lands: the plot area is the square inside a margin that leaves room for the axis names. */
export function chartScale(input: Pick<SwotChartInput, 'x' | 'y' | 'extent' | 'size'>) {
  const size = input.size ?? 480;
  const margin = 56;
  const half = size / 2 - margin;
  const far = Math.max(Math.abs(input.x), Math.abs(input.y));
  const reach = Math.max(input.extent ?? Math.ceil(far / 0.6), Math.ceil(far), 1);
  const centre = size / 2;
  return {
    size,
    centre,
    half,
    reach,
    px: (x: number) => centre + (x / reach) * half,
    py: (y: number) => centre - (y / reach) * half,
  };
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

function lines(x: number, y: number, content: readonly string[], anchor: string): string {
  // The first line is the quadrant's name: bold, like a heading.
  return content
    .map((line, i) =>
      text(x, y + i * 18, line, `text-anchor="${anchor}" fill="${INK}"${i === 0 ? ' font-weight="700"' : ''}`),
    )
    .join('');
}

/**
 * The point's figures, inside its quadrant (right of the point where they fit, else left, else where the
 * quadrant has room) and below or above it towards the horizontal axis, so they stay clear of the frame and of the corner names. Measured in
 * the wider of the two digit sets: the document may print the finished drawing in Thai digits
 * (pdf/digits.ts thaiDigitsInSvg), and the figures must fit either way.
 */
function pointFigures(input: SwotChartInput, s: ReturnType<typeof chartScale>): string {
  const figures = `(${fmt(input.x)}, ${fmt(input.y)})`;
  const style = { fontSize: 14, bold: true };
  const width = Math.max(textWidth(figures, style), textWidth(thaiDigitsInText(figures), style));
  const px = s.px(input.x);
  const py = s.py(input.y);
  const [from, to] = px >= s.centre ? [s.centre, s.centre + s.half] : [s.centre - s.half, s.centre];
  const gap = 10;
  const edge = 4;
  // Right of the point, or left of it, or wherever the quadrant has room: above or below the point, the
  // figures never cover it.
  const wanted = px + gap + width <= to - edge ? px + gap : px - gap - width;
  const x = Math.min(Math.max(wanted, from + edge), to - edge - width);
  return text(
    x,
    py < s.centre ? py + 22 : py - 12,
    figures,
    `text-anchor="start" fill="${INK}" font-weight="700" data-figures="true"`,
  );
}

const INK = '#1d2733';
const MUTED = '#5b6673';
const ACCENT = '#1f4e8c';

export function swotChartSvg(input: SwotChartInput): string {
  const s = chartScale(input);
  const { size, centre, half, reach } = s;
  const lo = centre - half;
  const hi = centre + half;
  const inset = 10;
  const here = position({ S: input.x, W: 0, O: input.y, T: 0 }).quadrant;
  const box = (q: Quadrant, x: number, y: number) =>
    `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(half)}" height="${fmt(half)}" fill="${q === here ? '#e3edf9' : '#f6f8fb'}" stroke="#d5dbe3" data-quadrant="${q}"${q === here ? ' data-current="true"' : ''}/>`;
  const tick = (x: number, y: number, v: number, anchor: string) =>
    text(x, y, fmt(v), `text-anchor="${anchor}" fill="${MUTED}" font-size="12"`);
  // The axis ends' values inside the frame, clear of its edges: centred on an edge they would be crossed by it.
  const ticks = [
    tick(lo + 4, centre + 16, -reach, 'start'),
    tick(hi - 4, centre + 16, reach, 'end'),
    tick(centre - 6, lo + 14, reach, 'end'),
    tick(centre - 6, hi - 6, -reach, 'end'),
  ].join('');
  const axisName = (x: number, y: number, name: string, anchor: string) =>
    text(x, y, name, `text-anchor="${anchor}" fill="${ACCENT}" font-weight="700"`);
  const below = (n: number) => hi - 10 - 18 * (n - 1);
  const px = s.px(input.x);
  const py = s.py(input.y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${escapeXml(input.title)}" font-family="${CHART_FONT}" font-size="14">`,
    `<title>${escapeXml(input.title)}</title>`,
    box('WO', lo, lo),
    box('SO', centre, lo),
    box('WT', lo, centre),
    box('ST', centre, centre),
    `<line x1="${fmt(lo)}" y1="${fmt(centre)}" x2="${fmt(hi)}" y2="${fmt(centre)}" stroke="${INK}" stroke-width="1.5"/>`,
    `<line x1="${fmt(centre)}" y1="${fmt(lo)}" x2="${fmt(centre)}" y2="${fmt(hi)}" stroke="${INK}" stroke-width="1.5"/>`,
    lines(lo + inset, lo + 22, input.quadrants.WO, 'start'),
    lines(hi - inset, lo + 22, input.quadrants.SO, 'end'),
    lines(lo + inset, below(input.quadrants.WT.length), input.quadrants.WT, 'start'),
    lines(hi - inset, below(input.quadrants.ST.length), input.quadrants.ST, 'end'),
    axisName(hi - 4, centre - 8, input.axes.S, 'end'),
    axisName(lo + 4, centre - 8, input.axes.W, 'start'),
    axisName(centre + 6, lo - 10, input.axes.O, 'start'),
    axisName(centre + 6, hi + 24, input.axes.T, 'start'),
    ticks,
    `<circle cx="${fmt(px)}" cy="${fmt(py)}" r="6" fill="#a4262c" data-point="true"/>`,
    pointFigures(input, s),
    '</svg>',
  ].join('');
}
